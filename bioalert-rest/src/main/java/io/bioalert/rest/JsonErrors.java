package io.bioalert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What a request body Jackson could not read is answered with: the path Jackson was at, and why. */
final class JsonErrors {

    private JsonErrors() {
    }

    static ErrorBody of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : "request";
        if (e instanceof UnrecognizedPropertyException) {
            return ErrorBody.of(List.of(new ErrorBody.FieldError(field, "is not a known field")));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> valid = Arrays.stream(f.getTargetType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return ErrorBody.of(List.of(new ErrorBody.FieldError(field, "must be one of " + String.join(", ", valid), valid)));
        }
        return ErrorBody.of(List.of(new ErrorBody.FieldError(field, "is not valid JSON of the expected type")));
    }

    private static String path(JsonMappingException m) {
        String path = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
