package io.bioalert.notify.consumer;

/** Reactive Messaging channel names, shared with the tests. */
public final class Channels {
    public static final String CLASSIFIED_IN = "announcements-classified-in";

    private Channels() {
    }
}
