package io.bioalert.ingest.auth;

import io.bioalert.rest.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every call under /api needs an operator key: whoever may push may publish news to every subscriber.
 * Pre-matching, so an unknown path answers 401 too and tells nothing about what exists. Health, metrics and
 * OpenAPI (/q/...) are not JAX-RS resources and stay open, as Quarkus serves them.
 */
@Provider
@PreMatching
public class OperatorKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final OperatorKeys keys;

    OperatorKeyFilter(OperatorKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/api") || path.startsWith("/api/"))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        if (!keys.accepts(key)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bioalert-ingest\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(ErrorBody.message(key == null
                            ? "operator API key required: send Authorization: Bearer <key>"
                            : "operator API key not accepted"))
                    .build());
        }
    }
}
