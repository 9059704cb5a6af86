package io.bioalert.notify.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.config.NotifyConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * This instance's in-memory {@link MatchIndex} over all live watchlists, kept current without any
 * coordination between instances: loaded in full at start, then every few seconds each instance reads the
 * rows changed since it last looked (by updated_at, looking back an overlap so that a transaction that
 * committed late is still seen) and applies those newer than what it holds (by change_seq). Local changes
 * are applied at once after their commit. Matching thus never touches the database, and a change made on
 * one instance reaches the others within the refresh interval.
 */
@ApplicationScoped
public class WatchlistIndex {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final NotifyConfig.Index config;
    private final MatchIndex<UUID> index = new MatchIndex<>();
    private final Map<UUID, WatchFilter> filters = new ConcurrentHashMap<>();
    private final Map<UUID, Long> appliedSeq = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile Instant cursor = Instant.EPOCH;

    WatchlistIndex(DataSource dataSource, ObjectMapper json, NotifyConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config.index();
    }

    void load(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${bioalert.index.refresh-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledRefresh() {
        refresh();
    }

    /** Reads changed watchlists; the first call reads them all. */
    public synchronized void refresh() {
        Instant since = cursor.equals(Instant.EPOCH) ? Instant.EPOCH : cursor.minus(config.overlap());
        int applied = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT id, filter_json, deleted_at, change_seq, updated_at FROM watchlist
                        WHERE updated_at > ? ORDER BY updated_at""")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                Instant max = cursor;
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    WatchFilter filter = rs.getTimestamp(3) != null ? null : json.readValue(rs.getString(2), WatchFilter.class);
                    if (apply(id, filter, rs.getLong(4))) {
                        applied++;
                    }
                    Instant updated = rs.getTimestamp(5).toInstant();
                    max = updated.isAfter(max) ? updated : max;
                }
                cursor = max;
            }
            if (loaded.getCount() > 0) {
                Log.infof("match index loaded: %d watchlists", index.size());
                loaded.countDown();
            } else if (applied > 0) {
                Log.debugf("match index: %d changes from other instances", applied);
            }
        } catch (SQLException | java.io.IOException e) {
            Log.warnf("match index refresh failed, keeping what it has: %s", e.toString());
        }
    }

    /**
     * Applies one watchlist's state if it is newer than what the index holds.
     *
     * @param filter null when the watchlist is deleted
     */
    public boolean apply(UUID id, WatchFilter filter, long changeSeq) {
        synchronized (appliedSeq) {
            Long have = appliedSeq.get(id);
            if (have != null && have >= changeSeq) {
                return false;
            }
            appliedSeq.put(id, changeSeq);
            if (filter == null) {
                index.remove(id);
                filters.remove(id);
            } else {
                index.put(id, filter);
                filters.put(id, filter);
            }
            return true;
        }
    }

    /** Blocks the consumer until the first full load, so no announcement is matched against an empty index. */
    public void awaitLoaded() throws InterruptedException {
        while (!loaded.await(5, TimeUnit.SECONDS)) {
            Log.info("waiting for the match index to load");
            refresh();
        }
    }

    public java.util.List<UUID> match(AnnouncementFacts facts) {
        return index.match(facts);
    }

    public WatchFilter filter(UUID id) {
        return filters.get(id);
    }

    public int size() {
        return index.size();
    }
}
