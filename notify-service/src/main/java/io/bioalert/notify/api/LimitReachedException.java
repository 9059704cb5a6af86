package io.bioalert.notify.api;

/**
 * A cap on how much one subscriber may hold (watchlists, destinations) is reached: answered 409, since
 * waiting frees nothing; removing something does.
 */
public class LimitReachedException extends RuntimeException {

    public LimitReachedException(String message) {
        super(message);
    }
}
