package io.bioalert.notify.delivery;

import io.bioalert.rest.ErrorBody;
import io.bioalert.notify.quota.Quotas;
import io.bioalert.notify.subscriber.Authenticator;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.notify.watchlist.Watchlist;
import io.bioalert.notify.watchlist.WatchlistApi;
import io.bioalert.notify.watchlist.WatchlistService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
 * A watchlist's deliveries and test alerts, under the watchlist's address. Here rather than in the
 * watchlist package so that watchlists know nothing of deliveries: the arrow goes from delivery to watchlist.
 */
@Path("/api/watchlists")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final Authenticator auth;
    private final WatchlistService watchlists;
    private final DeliveryHistory history;
    private final TestAlerts testAlerts;
    private final Quotas quotas;

    DeliveryResource(Authenticator auth, WatchlistService watchlists, DeliveryHistory history, TestAlerts testAlerts,
            Quotas quotas) {
        this.auth = auth;
        this.watchlists = watchlists;
        this.history = history;
        this.testAlerts = testAlerts;
        this.quotas = quotas;
    }

    /** Sends a sample alert through the destination now and reports what its receiver answered. */
    @POST
    @Path("/{id}/destinations/{destinationId}/test")
    @Consumes(MediaType.WILDCARD)
    public Response test(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, @PathParam("destinationId") UUID destinationId) throws Exception {
        UUID me = auth.require(authorization);
        Object[] found = QuarkusTransaction.requiringNew().call(() -> new Object[] {
                WatchlistService.owned(id, me), watchlists.ownedDestination(me, id, destinationId)});
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
            @QueryParam("status") @Pattern(regexp = "PENDING|RETRYING|SENDING|SENT|FAILED|CANCELLED|UNKNOWN|DIGEST",
                    message = "must be PENDING, RETRYING, SENDING, SENT, FAILED, CANCELLED, UNKNOWN or DIGEST") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) throws Exception {
        UUID me = auth.require(authorization);
        QuarkusTransaction.requiringNew().run(() -> WatchlistService.owned(id, me));
        return history.of(id, status, limit);
    }
}
