package io.bioalert.classifier.service.processing;

/** A record that can never be classified; its message is the reason given on the dead-letter topic. */
public class InvalidAnnouncementException extends RuntimeException {

    public InvalidAnnouncementException(String reason) {
        super(reason);
    }

    public InvalidAnnouncementException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
