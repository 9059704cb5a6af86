package io.bioalert.notify.delivery;

import java.time.Duration;

/**
 * What a channel made of one send.
 *
 * @param retryAfter  for {@link Kind#RETRY}: when the receiver asked us to come back (Retry-After), or null
 *                    to use the backoff
 * @param answerLost  for {@link Kind#RETRY}: the request was written but no answer was read (a read timeout,
 *                    the connection closed mid-answer), so the receiver may have acted on it. At-least-once
 *                    destinations retry it all the same; at-most-once ones record it UNKNOWN
 */
public record SendOutcome(Kind kind, String detail, Duration retryAfter, boolean answerLost) {

    public enum Kind {
        /** Accepted by the receiver. */
        SENT,
        /** Worth another try later: 5xx, 429, timeouts, refused connections. */
        RETRY,
        /** This message will never be accepted (a 4xx about the request), but the destination is fine. */
        FAILED,
        /** The destination itself is gone or refuses us for good: stop sending to it, with the reason. */
        DISABLE
    }

    public SendOutcome(Kind kind, String detail, Duration retryAfter) {
        this(kind, detail, retryAfter, false);
    }

    public static SendOutcome sent(String detail) {
        return new SendOutcome(Kind.SENT, detail, null);
    }

    public static SendOutcome retry(String detail, Duration retryAfter) {
        return new SendOutcome(Kind.RETRY, detail, retryAfter);
    }

    /**
     * A send that broke with {@code failure}: retried, and marked {@link #answerLost()} when the transport
     * says the request had been written ({@link AnswerLost} anywhere in its causes).
     */
    public static SendOutcome broke(String prefix, Throwable failure) {
        return new SendOutcome(Kind.RETRY, prefix + failure.getMessage(), null, AnswerLost.in(failure));
    }

    public static SendOutcome failed(String detail) {
        return new SendOutcome(Kind.FAILED, detail, null);
    }

    public static SendOutcome disable(String reason) {
        return new SendOutcome(Kind.DISABLE, reason, null);
    }
}
