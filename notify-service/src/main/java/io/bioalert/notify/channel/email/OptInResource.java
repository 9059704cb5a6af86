package io.bioalert.notify.channel.email;

import io.bioalert.notify.watchlist.Destination;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * The links in mail. Both actions happen on POST only: mail scanners fetch links with GET, and must
 * neither confirm an address nor unsubscribe anyone. The GET pages carry a one-button form. The
 * unsubscribe POST is RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click} to the
 * List-Unsubscribe URL and it takes effect without anything further.
 */
@Path("/api")
public class OptInResource {

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
            Destination d = Destination.find("confirmToken", token).firstResult();
            if (d == null || d.deletedAt != null) {
                throw new NotFoundException("unknown or expired confirmation link");
            }
            io.bioalert.notify.watchlist.Watchlist w = io.bioalert.notify.watchlist.Watchlist.findById(d.watchlistId);
            ConfirmedEmail.Key key = new ConfirmedEmail.Key(w.subscriberId, d.address);
            if (ConfirmedEmail.findById(key) == null) {
                ConfirmedEmail c = new ConfirmedEmail();
                c.key = key;
                c.confirmedAt = Instant.now();
                c.persist();
            }
            // The address is proven: every destination of this subscriber waiting on it becomes active.
            Destination.update("status = 'ACTIVE', confirmToken = null where status = 'PENDING_CONFIRMATION' "
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
            Destination d = Destination.find("unsubscribeToken", token).firstResult();
            if (d == null) {
                throw new NotFoundException("unknown unsubscribe link");
            }
            d.status = Destination.Status.UNSUBSCRIBED.name();
            d.statusReason = "unsubscribed by the recipient at " + Instant.now();
            return "unsubscribed: no more alerts from this watchlist to " + d.address;
        });
    }

    private static String page(String title, String question, String button) {
        return "<!doctype html><html><head><meta charset=utf-8><title>" + title + "</title></head>"
                + "<body style=\"font-family: Arial, sans-serif\"><p>" + question + "</p>"
                + "<form method=post><button type=submit>" + button + "</button></form></body></html>";
    }
}
