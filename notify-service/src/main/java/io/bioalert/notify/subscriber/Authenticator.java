package io.bioalert.notify.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.UUID;

/**
 * Resolves the subscriber behind an {@code Authorization: Bearer <token>} header. Resources call it
 * first, and then only ever query with the subscriber id it returns: that is what keeps subscribers
 * to their own watchlists.
 */
@ApplicationScoped
public class Authenticator {

    private static final String SCHEME = "Bearer ";

    public UUID require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new NotAuthorizedException("an API token is required: Authorization: Bearer <token>", SCHEME.trim());
        }
        Subscriber s = Subscriber.byTokenHash(ApiTokens.sha256(authorization.substring(SCHEME.length()).trim()));
        if (s == null) {
            throw new NotAuthorizedException("unknown API token", SCHEME.trim());
        }
        return s.id;
    }
}
