package io.bioalert.notify.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every invalid request gets 400 and the offending field by its JSON path ({@code destinations[0].url}); a
 * spent quota gets 429 with Retry-After, a reached cap 409. All carry the same error body.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Response.status(400).entity(ErrorBody.of(e.fields())).build();
    }

    @ServerExceptionMapper
    public Response quotaExceeded(QuotaExceededException e) {
        return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                .entity(ErrorBody.message(e.getMessage() + "; try again in " + e.retryAfterSeconds() + " s")).build();
    }

    @ServerExceptionMapper
    public Response limitReached(LimitReachedException e) {
        return Response.status(409).entity(ErrorBody.message(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ErrorBody.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldError(fieldName(v), v.getMessage(), null))
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        return Response.status(400).entity(ErrorBody.of(fields)).build();
    }

    /** Declared for the exact type, so that it wins over the Jackson extension's own mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    /** Unknown properties, wrong types and malformed JSON: name the path Jackson was at. */
    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining()).substring(1)
                : "body";
        String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                ? "is not a known field" : "is not valid JSON of the expected type";
        return Response.status(400).entity(ErrorBody.of(List.of(new ErrorBody.FieldError(field, message, null)))).build();
    }

    static String fieldName(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        String parameter = "request";
        // The path starts with the method and its parameter ("create.request"); what follows is the JSON path.
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    name.append(name.length() == 0 ? "" : ".").append(node.getName());
                }
            }
        }
        return name.length() == 0 ? parameter : name.toString();
    }
}
