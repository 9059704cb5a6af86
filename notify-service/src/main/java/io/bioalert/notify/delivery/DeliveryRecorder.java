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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches one announcement and records its deliveries before anything is sent, then wakes the
 * dispatcher. A database outage is waited out here rather than sending the record to the dead-letter
 * topic: the record is fine, and dead-lettering it would lose its alerts.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final int DB_ATTEMPTS = 8;

    private final WatchlistIndex index;
    private final DeliveryStore store;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Timer matchTime;

    DeliveryRecorder(WatchlistIndex index, DeliveryStore store, Dispatcher dispatcher, ObjectMapper json,
            MeterRegistry registry) {
        this.index = index;
        this.store = store;
        this.dispatcher = dispatcher;
        this.json = json;
        this.matchTime = registry.timer("bioalert.notify.match.time");
    }

    /** @return the number of new deliveries */
    public int matchAndRecord(ClassifiedAnnouncement a, String payload) throws Exception {
        index.awaitLoaded();
        long start = System.nanoTime();
        java.util.List<UUID> matched = index.match(AnnouncementFacts.of(a));
        matchTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (matched.isEmpty()) {
            return 0;
        }
        Map<UUID, String> reasons = new LinkedHashMap<>();
        // The reasons depend only on (filter, announcement), and popular filters are shared by many
        // watchlists: explain and serialise each distinct filter once.
        Map<WatchFilter, String> byFilter = new java.util.HashMap<>();
        for (UUID id : matched) {
            WatchFilter f = index.filter(id);
            reasons.put(id, f == null ? "[]" : byFilter.computeIfAbsent(f, k -> write(MatchExplainer.explain(k, a))));
        }
        long explained = System.nanoTime();
        int inserted = recordWithRetry(a.id(), payload, reasons);
        if (inserted > 0) {
            dispatcher.wake();
        }
        Log.debugf("announcement %s: %d watchlists matched, %d new deliveries; match+explain %d ms, record %d ms",
                a.id(), matched.size(), inserted, (explained - start) / 1_000_000, (System.nanoTime() - explained) / 1_000_000);
        return inserted;
    }

    private int recordWithRetry(String id, String payload, Map<UUID, String> reasons) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.record(id, payload, reasons);
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
