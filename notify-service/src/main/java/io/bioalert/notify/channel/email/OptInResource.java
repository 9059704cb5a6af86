package io.bioalert.notify.channel.email;

import io.bioalert.notify.delivery.DeliveryStore;
import io.bioalert.notify.delivery.UnsubscribeLinks;
import io.bioalert.notify.subscriber.ApiTokens;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.notify.watchlist.Watchlist;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The links in mail. Both actions happen on POST only: mail scanners fetch links with GET, and must
 * neither confirm an address nor unsubscribe anyone. The GET pages carry a one-button form. The
 * unsubscribe POST is RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click} to the
 * List-Unsubscribe URL and it takes effect without anything further.
 *
 * <p>Tokens are looked up by their SHA-256; the database holds no token in clear. A confirm link works
 * until it expires ({@code bioalert.mail.confirm-link-ttl}). Unsubscribing cancels what is queued for the
 * destination and withdraws the address's confirmation: adding the address again needs a new opt-in.
 */
@Path("/api")
public class OptInResource {

    private final UnsubscribeLinks unsubscribeLinks;
    private final DeliveryStore deliveries;
    private final Clock clock;

    OptInResource(UnsubscribeLinks unsubscribeLinks, DeliveryStore deliveries, Clock clock) {
        this.unsubscribeLinks = unsubscribeLinks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GET
    @Path("/confirm/{token}")
    @Produces(MediaType.TEXT_HTML)
    public String confirmPage(@PathParam("token") String token) {
        return page("Confirm BioAlert alerts", "Send alerts for this watchlist to this address?", "Confirm");
    }

    @POST
    @Path("/confirm/{token}")
    @Produces(MediaType.TEXT_PLAIN)
    public String confirm(@PathParam("token") String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Destination d = Destination.find("confirmTokenHash", ApiTokens.sha256(token)).firstResult();
            if (d == null || d.deletedAt != null) {
                throw new NotFoundException("unknown or used confirmation link");
            }
            if (d.confirmExpiresAt != null && clock.instant().isAfter(d.confirmExpiresAt)) {
                throw new WebApplicationException(Response.status(410).type(MediaType.TEXT_PLAIN)
                        .entity("this confirmation link expired at " + d.confirmExpiresAt
                                + "; the subscriber can send a new one from the BioAlert page").build());
            }
            Watchlist w = Watchlist.findById(d.watchlistId);
            ConfirmedEmail.Key key = new ConfirmedEmail.Key(w.subscriberId, d.address);
            if (ConfirmedEmail.findById(key) == null) {
                ConfirmedEmail c = new ConfirmedEmail();
                c.key = key;
                c.confirmedAt = Instant.now();
                c.persist();
            }
            // The address is proven: every destination of this subscriber waiting on it becomes active.
            Destination.update("status = 'ACTIVE', confirmTokenHash = null, confirmExpiresAt = null "
                    + "where status = 'PENDING_CONFIRMATION' "
                    + "and address = ?1 and watchlistId in (select id from Watchlist where subscriberId = ?2)",
                    d.address, w.subscriberId);
            return "confirmed: alerts for this watchlist will be sent to " + d.address;
        });
    }

    @GET
    @Path("/unsubscribe/{token}")
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribePage(@PathParam("token") String token) {
        return page("Unsubscribe", "Stop these BioAlert alerts?", "Unsubscribe");
    }

    @POST
    @Path("/unsubscribe/{token}")
    @Produces(MediaType.TEXT_PLAIN)
    public String unsubscribe(@PathParam("token") String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = unsubscribeLinks.destinationOf(token);
            Destination d = id == null ? null : Destination.findById(id);
            if (d == null) {
                throw new NotFoundException("unknown unsubscribe link");
            }
            d.status = Destination.Status.UNSUBSCRIBED.name();
            d.statusReason = "unsubscribed by the recipient at " + Instant.now();
            d.confirmTokenHash = null;
            d.confirmExpiresAt = null;
            if (d.typeEnum() == Destination.Type.EMAIL) {
                Watchlist w = Watchlist.findById(d.watchlistId);
                ConfirmedEmail.deleteById(new ConfirmedEmail.Key(w.subscriberId, d.address));
            }
            deliveries.cancelQueued(d.watchlistId, d.id, "unsubscribed by the recipient");
            return "unsubscribed: no more alerts from this watchlist to " + d.address;
        });
    }

    private static String page(String title, String question, String button) {
        return LinkPages.linkAction(title, question, button).render();
    }
}
