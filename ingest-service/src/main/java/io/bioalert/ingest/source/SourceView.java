package io.bioalert.ingest.source;

import io.bioalert.ingest.publish.PoisonedAnnouncements;
import java.time.Instant;

/**
 * A source as the API shows it: configuration, schedule and health, including its stories that were stored
 * but can never be published ({@code poisonedStories}, and the newest one's reason).
 */
public record SourceView(long id, String name, SourceKind kind, String url, String linkPattern,
        int pollIntervalSeconds, SourceStatus status, int consecutiveFailures, String lastError,
        Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt, long storiesNew, long poisonedStories,
        String lastPoisonReason, Instant createdAt) {

    static SourceView of(Source s, PoisonedAnnouncements.Summary poisoned) {
        return new SourceView(s.id, s.name, s.kind, s.url, s.linkPattern, s.pollIntervalSeconds, s.status,
                s.consecutiveFailures, s.lastError, s.lastPolledAt, s.lastSuccessAt, s.nextPollAt, s.storiesNew,
                poisoned.count(), poisoned.lastReason(), s.createdAt);
    }
}
