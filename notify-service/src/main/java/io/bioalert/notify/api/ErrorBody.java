package io.bioalert.notify.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;

/** The body of every 400: a summary, and each offending field by its JSON path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, List<FieldError> fields) {

    /** @param valid the accepted values, when the field takes ids from a fixed list */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Collection<String> valid) {
    }

    public static ErrorBody of(List<FieldError> fields) {
        String summary = fields.stream().map(f -> f.field() + " " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return new ErrorBody("invalid request: " + summary, fields);
    }

    public static ErrorBody message(String error) {
        return new ErrorBody(error, null);
    }
}
