package io.bioalert.rest;

import java.util.List;

/** The body of every error answer of the services' APIs: a summary, and each offending field by its JSON path. */
public record ErrorBody(String error, List<FieldError> fields) {

    public record FieldError(String field, String message) {
    }

    public static ErrorBody of(List<FieldError> fields) {
        String summary = fields.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ErrorBody("invalid request: " + summary, fields);
    }

    /** An error that is about the request as a whole, not one of its fields. */
    public static ErrorBody message(String error) {
        return new ErrorBody(error, List.of());
    }
}
