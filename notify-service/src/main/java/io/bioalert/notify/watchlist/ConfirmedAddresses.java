package io.bioalert.notify.watchlist;

import java.util.UUID;

/** Which mail addresses a subscriber has proven to own, so that a new destination to one needs no opt-in. */
public interface ConfirmedAddresses {

    boolean isConfirmed(UUID subscriberId, String address);
}
