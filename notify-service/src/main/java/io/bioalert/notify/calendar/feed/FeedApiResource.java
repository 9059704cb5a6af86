package io.bioalert.notify.calendar.feed;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.subscriber.Authenticator;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;

/** {@code /api/calendar/feed}: the owner makes, looks up or revokes the secret address of their calendar feed. */
@Path("/api/calendar/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedApiResource {

    /** @param url the address to subscribe to; only the answer that makes it carries it */
    public record Feed(boolean active, String url, Instant createdAt) {
    }

    private final Authenticator auth;
    private final FeedTokens tokens;
    private final String publicUrl;

    FeedApiResource(Authenticator auth, FeedTokens tokens, NotifyConfig config) {
        this.auth = auth;
        this.tokens = tokens;
        this.publicUrl = config.publicUrl().endsWith("/")
                ? config.publicUrl().substring(0, config.publicUrl().length() - 1) : config.publicUrl();
    }

    /** A new secret address for the caller's feed; an earlier one stops working. */
    @POST
    public Response rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws Exception {
        UUID me = auth.require(authorization);
        String token = tokens.rotate(me);
        return Response.status(201).entity(new Feed(true, publicUrl + "/calendar/" + token + ".ics",
                tokens.createdAt(me).orElse(null))).build();
    }

    /** Whether the caller has a feed address, and since when; the address is kept only as a hash, never shown again. */
    @GET
    public Feed get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws Exception {
        UUID me = auth.require(authorization);
        return tokens.createdAt(me).map(at -> new Feed(true, null, at)).orElse(new Feed(false, null, null));
    }

    @DELETE
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws Exception {
        tokens.revoke(auth.require(authorization));
        return Response.noContent().build();
    }
}
