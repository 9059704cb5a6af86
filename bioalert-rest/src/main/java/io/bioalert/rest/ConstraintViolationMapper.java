package io.bioalert.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Answers an invalid request with 400 and the offending field by its JSON name. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ErrorBody.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        return Response.status(400).entity(ErrorBody.of(fields)).build();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            // The path starts with the method and parameter ("push.request"); what follows is the JSON field,
            // with the item's index for a batch ("[3].body").
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                String index = node.isInIterable() && node.getIndex() != null ? "[" + node.getIndex() + "]" : "";
                String part = node.getKind() == jakarta.validation.ElementKind.PROPERTY ? node.getName() : "";
                if (!index.isEmpty()) {
                    name.append(index);
                }
                if (part != null && !part.isEmpty()) {
                    name.append(name.isEmpty() ? "" : ".").append(part);
                }
            }
        }
        return name.isEmpty() ? "request" : name.toString();
    }
}
