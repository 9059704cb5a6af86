package io.bioalert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every other body Jackson could not read (a mapper may meet it unwrapped). */
@Provider
public class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return ErrorResponses.badRequest(JsonErrors.of(e));
    }
}
