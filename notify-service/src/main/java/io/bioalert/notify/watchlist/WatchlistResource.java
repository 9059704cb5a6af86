package io.bioalert.notify.watchlist;

import io.bioalert.notify.subscriber.Authenticator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's watchlists. Every call needs {@code Authorization: Bearer <token>}, and every lookup is
 * scoped to that subscriber, so another subscriber's watchlist answers 404 as if it did not exist. A
 * watchlist's deliveries and test alerts are the delivery package's ({@code DeliveryResource}).
 */
@Path("/api/watchlists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchlistResource {

    private final Authenticator auth;
    private final WatchlistService service;

    WatchlistResource(Authenticator auth, WatchlistService service) {
        this.auth = auth;
        this.service = service;
    }

    /** Created with its destinations; the answer is the only one that shows webhook secrets. */
    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull WatchlistApi.CreateWatchlist request) {
        WatchlistApi.WatchlistView view = service.create(auth.require(authorization), request);
        return Response.status(201).entity(view).build();
    }

    @GET
    public List<WatchlistApi.WatchlistView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.list(auth.require(authorization));
    }

    @GET
    @Path("/{id}")
    public WatchlistApi.WatchlistView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id) {
        return service.get(auth.require(authorization), id);
    }

    @PUT
    @Path("/{id}")
    public WatchlistApi.WatchlistView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @Valid @NotNull WatchlistApi.UpdateWatchlist request) {
        return service.update(auth.require(authorization), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id) {
        service.delete(auth.require(authorization), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/destinations")
    public Response addDestination(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @Valid @NotNull WatchlistApi.NewDestination request) {
        return Response.status(201).entity(service.addDestination(auth.require(authorization), id, request)).build();
    }

    @DELETE
    @Path("/{id}/destinations/{destinationId}")
    public Response removeDestination(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("destinationId") UUID destinationId) {
        service.removeDestination(auth.require(authorization), id, destinationId);
        return Response.noContent().build();
    }

    /** A new signing secret for a webhook destination, shown only in this answer: {@code {}} generates one. */
    @POST
    @Path("/{id}/destinations/{destinationId}/secret")
    public WatchlistApi.DestinationView rotateSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("destinationId") UUID destinationId, @Valid @NotNull WatchlistApi.NewSecret request) {
        return service.rotateSecret(auth.require(authorization), id, destinationId, request.secret());
    }

    /** Sends the opt-in mail again, with a new link, to an address that has not confirmed yet. */
    @POST
    @Path("/{id}/destinations/{destinationId}/confirmation")
    @Consumes(MediaType.WILDCARD)
    public Response resendConfirmation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("destinationId") UUID destinationId) {
        return Response.accepted(service.resendConfirmation(auth.require(authorization), id, destinationId)).build();
    }
}
