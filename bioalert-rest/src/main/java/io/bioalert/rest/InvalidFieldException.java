package io.bioalert.rest;

import java.util.Collection;
import java.util.List;

/**
 * A request that passed bean validation but is still wrong about one field (an unknown id, a refused URL):
 * answered 400 with the field named, like any other invalid request.
 */
public class InvalidFieldException extends RuntimeException {

    private final transient List<ErrorBody.FieldError> fields;

    public InvalidFieldException(String field, String message) {
        this(field, message, null);
    }

    public InvalidFieldException(String field, String message, Collection<String> valid) {
        super(field + " " + message);
        this.fields = List.of(new ErrorBody.FieldError(field, message, valid));
    }

    public List<ErrorBody.FieldError> fields() {
        return fields;
    }
}
