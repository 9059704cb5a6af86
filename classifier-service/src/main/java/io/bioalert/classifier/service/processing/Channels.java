package io.bioalert.classifier.service.processing;

/** Reactive Messaging channel names. */
public final class Channels {
    public static final String RAW_IN = "announcements-raw-in";

    private Channels() {
    }
}
