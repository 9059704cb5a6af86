package io.bioalert.notify.watchlist;

import io.bioalert.rest.ErrorBody;
import io.bioalert.notify.delivery.DeliveryHistory;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.delivery.TestAlerts;
import io.bioalert.notify.quota.Quotas;
import io.bioalert.notify.subscriber.Authenticator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's watchlists. Every call needs {@code Authorization: Bearer <token>}, and every lookup is
 * scoped to that subscriber, so another subscriber's watchlist answers 404 as if it did not exist.
 */
@Path("/api/watchlists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchlistResource {

    private final Authenticator auth;
    private final WatchlistService service;
    private final DeliveryHistory history;
    private final TestAlerts testAlerts;
    private final Quotas quotas;

    WatchlistResource(Authenticator auth, WatchlistService service, DeliveryHistory history, TestAlerts testAlerts,
            Quotas quotas) {
        this.quotas = quotas;
        this.auth = auth;
        this.service = service;
        this.history = history;
        this.testAlerts = testAlerts;
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

    /** Sends a sample alert through the destination now and reports what its receiver answered. */
    @POST
    @Path("/{id}/destinations/{destinationId}/test")
    @Consumes(MediaType.WILDCARD)
    public Response test(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("destinationId") UUID destinationId) throws Exception {
        UUID me = auth.require(authorization);
        Object[] found = QuarkusTransaction.requiringNew().call(() -> new Object[] {
                WatchlistService.owned(id, me), service.ownedDestination(me, id, destinationId)});
        Destination d = (Destination) found[1];
        if (!Destination.Status.ACTIVE.name().equals(d.status)) {
            return Response.status(409).entity(ErrorBody.message("destination is " + d.status.toLowerCase()
                    + (d.statusReason == null ? "" : ": " + d.statusReason) + "; nothing was sent")).build();
        }
        quotas.testAlert(me, receivingHost(d));
        SendOutcome outcome = testAlerts.send((Watchlist) found[0], d);
        return Response.ok(new WatchlistApi.TestResult(destinationId, outcome.kind().name(), outcome.detail())).build();
    }

    /** The host a test alert reaches: a URL's host, or the mail domain of an address. */
    static String receivingHost(Destination d) {
        if (d.typeEnum() == Destination.Type.EMAIL) {
            return d.address.substring(d.address.lastIndexOf('@') + 1);
        }
        String host = java.net.URI.create(d.address).getHost();
        return host == null ? d.address : host;
    }

    /** Deliveries newest first: sent, retrying (with the last error), failed, cancelled, waiting for a digest. */
    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryHistory.Entry> deliveries(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id,
            @QueryParam("status") @Pattern(regexp = "PENDING|RETRYING|SENDING|SENT|FAILED|CANCELLED|DIGEST",
                    message = "must be PENDING, RETRYING, SENDING, SENT, FAILED, CANCELLED or DIGEST") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) throws Exception {
        UUID me = auth.require(authorization);
        QuarkusTransaction.requiringNew().run(() -> WatchlistService.owned(id, me));
        return history.of(id, status, limit);
    }
}
