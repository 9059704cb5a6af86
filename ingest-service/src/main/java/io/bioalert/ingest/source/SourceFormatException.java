package io.bioalert.ingest.source;

/** A source answered, but with something that is not a feed or a page we can read. */
public class SourceFormatException extends Exception {

    public SourceFormatException(String message) {
        super(message);
    }

    public SourceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
