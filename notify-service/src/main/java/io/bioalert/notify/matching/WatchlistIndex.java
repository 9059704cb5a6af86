package io.bioalert.notify.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.outage.DatabaseOutage;
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
import java.util.ArrayList;
import java.util.List;
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
 * rows whose change_seq is above the highest it has read, and applies those newer than what it holds.
 * A transaction that took its change_seq early but committed after a higher one was read would slip past
 * that cursor, so every third of the overlap a sweep reads again the rows updated within the overlap.
 * Local changes are applied at once after their commit. Matching thus never touches the database, and a
 * change made on one instance reaches the others within the refresh interval (a late commit, within the
 * sweep interval).
 */
@ApplicationScoped
public class WatchlistIndex {

    /** What {@link #applyRows} reads. */
    private static final String ROWS = "SELECT id, filter_json, deleted_at, change_seq FROM watchlist";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final NotifyConfig.Index config;
    private final DatabaseOutage database;
    private final MatchIndex<UUID> index = new MatchIndex<>();
    private final Map<UUID, WatchFilter> filters = new ConcurrentHashMap<>();
    private final Map<UUID, Long> appliedSeq = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    /** Highest change_seq read from the database (not from local changes, which may commit out of order). */
    private long seqCursor = Long.MIN_VALUE;
    /** Latest updated_at read by a full load or a sweep; the next sweep looks back the overlap from here. */
    private Instant sweepCursor = Instant.EPOCH;
    private long nextSweepAt;

    WatchlistIndex(DataSource dataSource, ObjectMapper json, NotifyConfig config, DatabaseOutage database) {
        this.database = database;
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
        if (database.isDown()) {
            return; // the index keeps what it has; the first refresh after the outage reads what changed
        }
        refresh();
    }

    /** Reads the watchlists changed since the last call (the first call reads them all); sweeps when due. */
    public synchronized void refresh() {
        try (Connection c = dataSource.getConnection()) {
            int applied;
            if (loaded.getCount() > 0) {
                applied = loadAll(c);
            } else {
                applied = readNewer(c);
                if (System.nanoTime() - nextSweepAt >= 0) {
                    applied += sweep(c);
                }
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

    /** Reads again the rows updated within the overlap, for changes that committed after a higher change_seq. */
    public synchronized void sweepNow() {
        nextSweepAt = System.nanoTime();
        refresh();
    }

    /** First load: everything in one pass, filters included (an id list of a million would be absurd). */
    private int loadAll(Connection c) throws SQLException, java.io.IOException {
        Instant started = dbNow(c);
        try (PreparedStatement ps = c.prepareStatement(
                ROWS)) {
            ps.setFetchSize(10_000);
            int applied = applyRows(ps);
            // Rows of transactions still open at this point are older than the load; the first sweep finds them.
            sweepCursor = started;
            scheduleSweep();
            return applied;
        }
    }

    private int readNewer(Connection c) throws SQLException, java.io.IOException {
        try (PreparedStatement ps = c.prepareStatement(
                ROWS + " WHERE change_seq > ?")) {
            ps.setLong(1, seqCursor);
            return applyRows(ps);
        }
    }

    /**
     * The overlap makes every sweep see the recent rows again, so it first reads only (id, change_seq) and
     * fetches filters just for the rows newer than what the index holds: after a bulk change, re-reading
     * thousands of filters for the whole overlap would cost both this process and the database.
     */
    private int sweep(Connection c) throws SQLException, java.io.IOException {
        Instant started = dbNow(c);
        List<UUID> newer = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, change_seq FROM watchlist WHERE updated_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(sweepCursor.minus(config.overlap())));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!alreadyHeld(id, rs.getLong(2))) {
                        newer.add(id);
                    }
                }
            }
        }
        int applied = 0;
        if (!newer.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    ROWS + " WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", newer.toArray()));
                applied = applyRows(ps);
            }
        }
        sweepCursor = started;
        scheduleSweep();
        return applied;
    }

    private void scheduleSweep() {
        nextSweepAt = System.nanoTime() + config.overlap().toNanos() / 3;
    }

    private static Instant dbNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT now()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** Applies rows of (id, filter_json, deleted_at, change_seq) and moves the change_seq cursor. */
    private int applyRows(PreparedStatement ps) throws SQLException, java.io.IOException {
        int applied = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                WatchFilter filter = rs.getTimestamp(3) != null ? null
                        : json.readValue(rs.getString(2), WatchFilter.class);
                long seq = rs.getLong(4);
                if (apply(rs.getObject(1, UUID.class), filter, seq)) {
                    applied++;
                }
                seqCursor = Math.max(seqCursor, seq);
            }
        }
        return applied;
    }

    private boolean alreadyHeld(UUID id, long changeSeq) {
        Long have = appliedSeq.get(id);
        return have != null && have >= changeSeq;
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
