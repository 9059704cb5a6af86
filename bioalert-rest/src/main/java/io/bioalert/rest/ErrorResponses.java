package io.bioalert.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body as a response: JSON whatever the request asked for, so that a client always reads one shape. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response badRequest(ErrorBody body) {
        return status(400, body);
    }

    public static Response status(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
