package io.bioalert.ingest.publish;

/** Reactive Messaging channel names, shared with the tests. */
public final class Channels {
    public static final String RAW_OUT = "announcements-raw-out";

    private Channels() {
    }
}
