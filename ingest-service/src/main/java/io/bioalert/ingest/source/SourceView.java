package io.bioalert.ingest.source;

import java.time.Instant;

/** A source as the API shows it: configuration, schedule and health. */
public record SourceView(long id, String name, SourceKind kind, String url, String linkPattern,
        int pollIntervalSeconds, SourceStatus status, int consecutiveFailures, String lastError,
        Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt, long storiesNew, Instant createdAt) {

    static SourceView of(Source s) {
        return new SourceView(s.id, s.name, s.kind, s.url, s.linkPattern, s.pollIntervalSeconds, s.status,
                s.consecutiveFailures, s.lastError, s.lastPolledAt, s.lastSuccessAt, s.nextPollAt, s.storiesNew,
                s.createdAt);
    }
}
