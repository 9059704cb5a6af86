package io.bioalert.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.MatchExplainer;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.matching.WatchlistIndex;
import io.bioalert.notify.outage.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Matches one announcement and records its deliveries before anything is sent: one per destination and
 * piece of news, a later report of news already alerted there being attached to that alert
 * ({@link EventKeys}). While the dispatcher has
 * room, each chunk is inserted already claimed for it and handed over to be sent at once; otherwise the
 * chunk is left PENDING and the claim loops are woken. A database outage is waited out here, however
 * long it lasts ({@link DatabaseOutage}): the record is fine, and dead-lettering it would lose its alerts.
 * Only a statement that keeps failing while the database answers fails the record.
 */
@ApplicationScoped
public class DeliveryRecorder {

    /** Attempts at a statement that fails while the database answers; waiting for the database counts none. */
    private static final int DB_ATTEMPTS = 8;

    /**
     * Watchlists recorded per statement. Sending starts after the first chunk commits instead of after
     * all of a 20,000-watchlist fan-out; the unique key keeps a redelivery from repeating any chunk.
     */
    private static final int CHUNK = 1_000;

    /**
     * Watchlists per chunk claimed as it is inserted: small enough that its permits free up while the
     * previous chunks are still being sent, so the dispatcher never runs dry between chunks.
     */
    private static final int CLAIMED_CHUNK = 200;

    /**
     * How long a chunk waits for the dispatcher to have room before it and the rest of the announcement
     * are left to the claim loops: the consumer must not sit on a record while slow receivers time out.
     */
    private static final Duration ROOM_WAIT = Duration.ofSeconds(1);

    private final WatchlistIndex index;
    private final DeliveryStore store;
    private final StoredAnnouncements announcements;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Timer matchTime;
    private final Duration eventWindow;
    private final DatabaseOutage database;

    DeliveryRecorder(WatchlistIndex index, DeliveryStore store, StoredAnnouncements announcements,
            Dispatcher dispatcher, ObjectMapper json, MeterRegistry registry, NotifyConfig config,
            DatabaseOutage database) {
        this.eventWindow = config.eventWindow();
        this.database = database;
        this.index = index;
        this.store = store;
        this.announcements = announcements;
        this.dispatcher = dispatcher;
        this.json = json;
        this.matchTime = registry.timer("bioalert.notify.match.time");
    }

    /** @return the number of new deliveries sent at once (the rest are left to the claim loops) */
    public int matchAndRecord(ClassifiedAnnouncement a, String payload) throws Exception {
        index.awaitLoaded();
        long start = System.nanoTime();
        List<UUID> matched = index.match(AnnouncementFacts.of(a));
        matchTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (matched.isEmpty()) {
            return 0;
        }
        announcements.remember(a.id(), payload, a);
        withRetry(a.id(), () -> {
            store.storeAnnouncement(a.id(), payload);
            return null;
        });
        List<String> eventKeys = EventKeys.of(a);
        // The reasons depend only on (filter, announcement), and popular filters are shared by many
        // watchlists: explain and serialise each distinct filter once.
        Map<WatchFilter, String> byFilter = new HashMap<>();
        int claimed = 0;
        Duration roomWait = ROOM_WAIT;
        for (int from = 0; from < matched.size(); ) {
            database.awaitUp(); // not holding in-flight permits through an outage
            int permits = dispatcher.reserve(CLAIMED_CHUNK, roomWait);
            if (permits == 0) {
                roomWait = Duration.ZERO; // receivers are slow: record the rest without waiting, for the claim loops
            }
            List<UUID> part = matched.subList(from, Math.min(matched.size(), from + (permits > 0 ? CLAIMED_CHUNK : CHUNK)));
            Map<UUID, String> reasons = new LinkedHashMap<>();
            for (UUID id : part) {
                WatchFilter f = index.filter(id);
                reasons.put(id, f == null ? "[]" : byFilter.computeIfAbsent(f, k -> write(MatchExplainer.explain(k, a))));
            }
            List<DeliveryJob> jobs = List.of();
            try {
                UUID owner = permits > 0 ? dispatcher.owner() : null;
                jobs = withRetry(a.id(), () -> store.recordDeliveries(a.id(), eventKeys, reasons, owner,
                        dispatcher.lease(), eventWindow));
            } finally {
                if (permits > 0) {
                    dispatcher.sendReserved(jobs, permits);
                } else {
                    dispatcher.wake();
                }
            }
            claimed += jobs.size();
            from += part.size();
        }
        Log.debugf("announcement %s: %d watchlists matched, %d deliveries sent at once, in %d ms", a.id(), matched.size(),
                claimed, (System.nanoTime() - start) / 1_000_000);
        return claimed;
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    private <T> T withRetry(String id, Step<T> step) throws Exception {
        for (int attempt = 1; ; ) {
            database.awaitUp();
            try {
                return step.run();
            } catch (SQLException e) {
                if (database.isOutage(e)) {
                    continue; // held until the database answers; the record stays uncommitted meanwhile
                }
                if (attempt >= DB_ATTEMPTS) {
                    throw e;
                }
                Log.warnf("recording deliveries of %s failed (attempt %d): %s", id, attempt, e.getMessage());
                Thread.sleep(Math.min(10_000, 250L << attempt));
                attempt++;
            }
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
