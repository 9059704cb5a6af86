package io.bioalert.classifier.service.processing;

/** Reactive Messaging channel names, shared with the tests. */
public final class Channels {
    public static final String RAW_IN = "announcements-raw-in";
    public static final String CLASSIFIED_OUT = "announcements-classified-out";

    private Channels() {
    }
}
