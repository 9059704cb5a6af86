package io.bioalert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;

/**
 * The body of every error answer of the three services' APIs (400, 401, 409, 429 …): a summary, and each
 * offending field by its JSON path ({@code destinations[0].url}, {@code [3].body}); {@code fields} is empty
 * when the error is about the request as a whole.
 */
public record ErrorBody(String error, List<FieldError> fields) {

    /** @param valid the accepted values, when the field takes ids from a fixed list; left out otherwise */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Collection<String> valid) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    public ErrorBody {
        fields = List.copyOf(fields);
    }

    public static ErrorBody of(List<FieldError> fields) {
        String summary = fields.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ErrorBody("invalid request: " + summary, fields);
    }

    public static ErrorBody of(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }

    /** An error that is about the request as a whole, not one of its fields. */
    public static ErrorBody message(String error) {
        return new ErrorBody(error, List.of());
    }
}
