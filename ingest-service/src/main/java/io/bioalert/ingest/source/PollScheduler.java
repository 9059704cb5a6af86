package io.bioalert.ingest.source;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Polls every due source. Each source has its own interval; this tick only decides how soon a due
 * source is noticed. Sources are claimed in the database, so any number of instances can tick.
 */
@ApplicationScoped
public class PollScheduler {

    /** Long enough for a slow poll to finish before another instance may claim the source again. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final SourceService sources;
    private final SourcePoller poller;

    PollScheduler(SourceService sources, SourcePoller poller) {
        this.sources = sources;
        this.poller = poller;
    }

    @Scheduled(every = "${bioalert.poll.tick:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (long id : sources.claimDue(LEASE)) {
            try {
                poller.poll(id);
            } catch (RuntimeException e) {
                // The poller records a source's own errors; this is e.g. a source deleted since it was claimed.
                Log.warnf("source %d not polled: %s", id, e.getMessage());
            }
        }
    }
}
