package io.bioalert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Malformed JSON: Quarkus's JSON reader wraps the parser's error in a 400 {@link WebApplicationException}
 * without a body; this gives it the error body. Every other such exception keeps its own response, as it
 * would without this mapper.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return ErrorResponses.badRequest(JsonErrors.of(json));
        }
        return e.getResponse();
    }
}
