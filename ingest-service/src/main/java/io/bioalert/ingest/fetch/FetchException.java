package io.bioalert.ingest.fetch;

/** A fetch that gave nothing usable: network error, timeout, HTTP error status, oversized body. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
