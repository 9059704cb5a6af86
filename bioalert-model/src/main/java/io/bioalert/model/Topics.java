package io.bioalert.model;

/** Kafka topic names shared by all services. Records are keyed by announcement id. */
public final class Topics {
    public static final String RAW = "announcements.raw";
    public static final String RAW_DLQ = "announcements.raw.dlq";
    public static final String CLASSIFIED = "announcements.classified";
    public static final String CLASSIFIED_DLQ = "announcements.classified.dlq";

    private Topics() {
    }
}
