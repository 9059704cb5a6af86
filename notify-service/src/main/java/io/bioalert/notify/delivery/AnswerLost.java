package io.bioalert.notify.delivery;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A transport's failures after the request was written: the receiver may have it and acted on it, we
 * cannot tell. Failures before anything was written (a refused connection, a name that does not resolve)
 * are neither of these.
 */
public final class AnswerLost {

    /** No answer within the request timeout, after the request went out. */
    public static final class Timeout extends TimeoutException {
        public Timeout(String message) {
            super(message);
        }
    }

    /** The exchange broke after the request went out (connection closed or reset mid-answer). */
    public static final class Broken extends IOException {
        public Broken(Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private AnswerLost() {
    }

    /** Whether {@code failure} or one of its causes says the answer was lost. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Timeout || t instanceof Broken) {
                return true;
            }
        }
        return false;
    }
}
