package io.bioalert.notify.delivery;

import java.time.Duration;

/**
 * What a channel made of one send.
 *
 * @param retryAfter for {@link Kind#RETRY}: when the receiver asked us to come back (Retry-After), or null
 *                   to use the backoff
 */
public record SendOutcome(Kind kind, String detail, Duration retryAfter) {

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

    public static SendOutcome sent(String detail) {
        return new SendOutcome(Kind.SENT, detail, null);
    }

    public static SendOutcome retry(String detail, Duration retryAfter) {
        return new SendOutcome(Kind.RETRY, detail, retryAfter);
    }

    public static SendOutcome failed(String detail) {
        return new SendOutcome(Kind.FAILED, detail, null);
    }

    public static SendOutcome disable(String reason) {
        return new SendOutcome(Kind.DISABLE, reason, null);
    }
}
