package io.bioalert.ingest.publish;

/** What became of one announcement sent to the broker, once its row is marked accordingly. */
public enum PublishOutcome {
    /** Acknowledged by the broker and marked published. */
    PUBLISHED,
    /** Refused for good: marked with the reason, never offered again. */
    POISONED,
    /** Not this time (broker or database unavailable, claim running out): a later sweep tries again. */
    RETRY_LATER
}
