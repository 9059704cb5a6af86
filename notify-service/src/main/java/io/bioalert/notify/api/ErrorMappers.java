package io.bioalert.notify.api;

import io.bioalert.rest.ErrorBody;
import io.bioalert.rest.ErrorResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Notify's own refusals, in bioalert-rest's error body like every 400 (whose mappers bioalert-rest holds):
 * a spent quota gets 429 with Retry-After, a reached cap 409.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response quotaExceeded(QuotaExceededException e) {
        Response r = ErrorResponses.status(429,
                ErrorBody.message(e.getMessage() + "; try again in " + e.retryAfterSeconds() + " s"));
        return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response limitReached(LimitReachedException e) {
        return ErrorResponses.status(409, ErrorBody.message(e.getMessage()));
    }
}
