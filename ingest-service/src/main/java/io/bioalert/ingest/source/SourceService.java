package io.bioalert.ingest.source;

import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.ingest.publish.PoisonedAnnouncements;
import io.bioalert.rest.ErrorBody;
import io.bioalert.rest.ErrorResponses;
import io.bioalert.rest.InvalidFieldException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Sources in PostgreSQL: management, claiming due polls across instances, and health bookkeeping. */
@ApplicationScoped
public class SourceService {

    /** Error texts are kept short: they are shown in the API and must fit a log line. */
    private static final int MAX_ERROR = 1000;

    private final IngestConfig.Poll config;
    private final EntityManager em;
    private final PoisonedAnnouncements poisoned;

    SourceService(IngestConfig config, EntityManager em, PoisonedAnnouncements poisoned) {
        this.config = config.poll();
        this.em = em;
        this.poisoned = poisoned;
    }

    @Transactional
    public SourceView create(SourceRequest request) {
        if (Source.count("name", request.name().strip()) > 0) {
            throw new WebApplicationException(ErrorResponses.status(409,
                    ErrorBody.of("name", "is taken: a source named " + request.name() + " exists")));
        }
        if (request.linkPattern() != null && !request.linkPattern().isBlank()) {
            try {
                java.util.regex.Pattern.compile(request.linkPattern());
            } catch (PatternSyntaxException e) {
                throw new InvalidFieldException("linkPattern", "is not a regular expression: " + e.getDescription());
            }
        }
        Source s = new Source();
        s.name = request.name().strip();
        s.kind = request.kind();
        s.url = request.url().strip();
        s.linkPattern = request.linkPattern() == null || request.linkPattern().isBlank() ? null : request.linkPattern();
        s.pollIntervalSeconds = request.pollIntervalSeconds() != null ? request.pollIntervalSeconds()
                : (int) config.defaultInterval().toSeconds();
        s.status = SourceStatus.ACTIVE;
        s.createdAt = Instant.now();
        s.nextPollAt = s.createdAt;
        s.persist();
        return view(s);
    }

    @Transactional
    public List<SourceView> list() {
        var bySource = poisoned.bySource();
        return Source.<Source>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(s -> SourceView.of(s, bySource.getOrDefault(s.name, PoisonedAnnouncements.Summary.NONE)))
                .toList();
    }

    @Transactional
    public SourceView get(long id) {
        return view(find(id));
    }

    private SourceView view(Source s) {
        return SourceView.of(s, poisoned.ofSource(s.name));
    }

    @Transactional
    public SourceView pause(long id) {
        Source s = find(id);
        s.paused = true;
        s.status = SourceStatus.PAUSED;
        return view(s);
    }

    @Transactional
    public SourceView resume(long id) {
        Source s = find(id);
        s.paused = false;
        s.status = s.consecutiveFailures >= config.failureThreshold() ? SourceStatus.FAILING : SourceStatus.ACTIVE;
        s.nextPollAt = Instant.now();
        return view(s);
    }

    @Transactional
    public void delete(long id) {
        find(id).delete();
    }

    /** A detached copy of what a poll needs. */
    @Transactional
    public Source snapshot(long id) {
        Source s = find(id);
        em.detach(s);
        return s;
    }

    /**
     * Claims up to {@code batch} due sources by pushing their next poll past a lease, in one statement
     * with SKIP LOCKED: two instances never claim the same source. A poll that finishes resets the time.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(Duration lease) {
        List<Number> ids = em.createNativeQuery("UPDATE source SET next_poll_at = now() + make_interval(secs => ?1)"
                + " WHERE id IN (SELECT id FROM source WHERE paused = FALSE AND next_poll_at <= now()"
                + " ORDER BY next_poll_at LIMIT ?2 FOR UPDATE SKIP LOCKED) RETURNING id")
                .setParameter(1, (double) lease.toSeconds())
                .setParameter(2, config.batch())
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional
    public void recordSuccess(long id, String etag, String lastModified, int newStories) {
        Source s = Source.findById(id);
        if (s == null) {
            return; // deleted while being polled
        }
        Instant now = Instant.now();
        s.etag = etag;
        s.lastModified = lastModified;
        s.consecutiveFailures = 0;
        s.lastError = null;
        s.lastPolledAt = now;
        s.lastSuccessAt = now;
        s.storiesNew += newStories;
        s.status = s.paused ? SourceStatus.PAUSED : SourceStatus.ACTIVE;
        s.nextPollAt = now.plusSeconds(s.pollIntervalSeconds);
    }

    @Transactional
    public void recordFailure(long id, String error) {
        Source s = Source.findById(id);
        if (s == null) {
            return;
        }
        Instant now = Instant.now();
        s.consecutiveFailures++;
        s.lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), MAX_ERROR));
        s.lastPolledAt = now;
        if (!s.paused && s.consecutiveFailures >= config.failureThreshold()) {
            if (s.status != SourceStatus.FAILING) {
                Log.warnf("source %s (%d) is failing after %d errors in a row: %s", s.name, s.id,
                        s.consecutiveFailures, s.lastError);
            }
            s.status = SourceStatus.FAILING;
        }
        s.nextPollAt = now.plus(backoff(Duration.ofSeconds(s.pollIntervalSeconds), s.consecutiveFailures,
                config.maxBackoff()));
    }

    /** Interval doubled per failure in a row, capped; never shorter than the normal interval. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        int doublings = Math.min(Math.max(failures, 0), 20);
        Duration d = interval.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? (interval.compareTo(max) > 0 ? interval : max) : d;
    }

    private static Source find(long id) {
        Source s = Source.findById(id);
        if (s == null) {
            throw new NotFoundException("no source " + id);
        }
        return s;
    }
}
