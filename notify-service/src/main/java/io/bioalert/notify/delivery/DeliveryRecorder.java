package io.bioalert.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.MatchExplainer;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.matching.WatchlistIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Matches one announcement and records its deliveries before anything is sent, waking the dispatcher
 * after each committed chunk. A database outage is waited out here rather than sending the record to the dead-letter
 * topic: the record is fine, and dead-lettering it would lose its alerts.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final int DB_ATTEMPTS = 8;

    /**
     * Deliveries inserted per transaction. Sending starts after the first chunk commits instead of after
     * all of a 20,000-watchlist fan-out; the unique key keeps a redelivery from repeating any chunk.
     */
    private static final int CHUNK = 1_000;

    private final WatchlistIndex index;
    private final DeliveryStore store;
    private final StoredAnnouncements announcements;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Timer matchTime;

    DeliveryRecorder(WatchlistIndex index, DeliveryStore store, StoredAnnouncements announcements,
            Dispatcher dispatcher, ObjectMapper json, MeterRegistry registry) {
        this.index = index;
        this.store = store;
        this.announcements = announcements;
        this.dispatcher = dispatcher;
        this.json = json;
        this.matchTime = registry.timer("bioalert.notify.match.time");
    }

    /** @return the number of new deliveries */
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
            return 0;
        });
        // The reasons depend only on (filter, announcement), and popular filters are shared by many
        // watchlists: explain and serialise each distinct filter once.
        Map<WatchFilter, String> byFilter = new HashMap<>();
        int inserted = 0;
        for (int from = 0; from < matched.size(); from += CHUNK) {
            Map<UUID, String> reasons = new LinkedHashMap<>();
            for (UUID id : matched.subList(from, Math.min(matched.size(), from + CHUNK))) {
                WatchFilter f = index.filter(id);
                reasons.put(id, f == null ? "[]" : byFilter.computeIfAbsent(f, k -> write(MatchExplainer.explain(k, a))));
            }
            int n = withRetry(a.id(), () -> store.recordDeliveries(a.id(), reasons));
            if (n > 0) {
                dispatcher.wake();
            }
            inserted += n;
        }
        Log.debugf("announcement %s: %d watchlists matched, %d new deliveries in %d ms", a.id(), matched.size(),
                inserted, (System.nanoTime() - start) / 1_000_000);
        return inserted;
    }

    private interface Step {
        int run() throws SQLException;
    }

    private int withRetry(String id, Step step) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (SQLException e) {
                if (attempt >= DB_ATTEMPTS) {
                    throw e;
                }
                Log.warnf("recording deliveries of %s failed (attempt %d): %s", id, attempt, e.getMessage());
                Thread.sleep(Math.min(10_000, 250L << attempt));
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
