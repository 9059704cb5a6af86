package io.bioalert.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Wrong types, unknown fields, unknown enum values. Declared for this exact type so that it wins over the
 * Jackson extension's own mapper of it (which answers another body).
 */
@Provider
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
        return ErrorResponses.badRequest(JsonErrors.of(e));
    }
}
