package io.bioalert.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean validation: 400 and each offending field by its JSON path. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ErrorBody.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        return ErrorResponses.badRequest(ErrorBody.of(fields));
    }

    static String fieldName(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        String parameter = "request";
        // The path starts with the method and its parameter ("push.request"); what follows is the JSON path,
        // with the item's index for a list ("[3].body"). A query parameter is named by itself ("size").
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    name.append(name.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return name.isEmpty() ? parameter : name.toString();
    }
}
