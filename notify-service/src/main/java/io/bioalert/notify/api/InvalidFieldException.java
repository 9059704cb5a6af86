package io.bioalert.notify.api;

import java.util.Collection;

/**
 * Notify's name for bioalert-rest's {@link io.bioalert.rest.InvalidFieldException}, which the shared mapper
 * answers: kept so that the packages throwing it need no change.
 */
public class InvalidFieldException extends io.bioalert.rest.InvalidFieldException {

    public InvalidFieldException(String field, String message) {
        super(field, message);
    }

    public InvalidFieldException(String field, String message, Collection<String> valid) {
        super(field, message, valid);
    }
}
