package io.bioalert.ingest.source;

/** Health of a source as the API and the metrics show it. */
public enum SourceStatus {
    /** Polled on schedule; the last poll succeeded or failed fewer times in a row than the threshold. */
    ACTIVE,
    /** Not polled until resumed. */
    PAUSED,
    /** Failed the threshold number of times in a row; still polled, with backoff, so it can recover. */
    FAILING
}
