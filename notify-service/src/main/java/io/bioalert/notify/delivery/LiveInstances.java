package io.bioalert.notify.delivery;

import io.bioalert.notify.outage.DatabaseOutage;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How many notify-service instances are running, from a heartbeat row each one writes every 5 s. An
 * instance that stops deletes its row; one that dies counts until its heartbeat is 20 s old, and the next
 * heartbeat of a live instance then deletes its row and makes the deliveries it had claimed due at once,
 * instead of when their lease ends. The instance's id is the dispatcher's lease owner. When the database
 * cannot be reached the last count stands.
 */
@ApplicationScoped
public class LiveInstances {

    private static final int STALE_SECONDS = 20;

    /**
     * Frees the claims of instances whose heartbeat is stale: their rows become due now, and the claim
     * loops of the live instances take them. Rows of owners that never wrote a heartbeat are left to their
     * lease.
     */
    private static final String RELEASE_DEAD = """
            WITH dead AS (DELETE FROM notify_instance WHERE seen_at < now() - ? * interval '1 second' RETURNING id)
            UPDATE delivery SET next_attempt_at = now()
             WHERE status = 'SENDING' AND next_attempt_at > now() AND lease_owner IN (SELECT id FROM dead)""";

    /** The longest gap between two of this instance's heartbeats after which it may judge others dead. */
    private static final long STEADY_NANOS = java.time.Duration.ofSeconds(10).toNanos(); // two beats

    private final UUID id = UUID.randomUUID();
    private final DataSource dataSource;
    private final DatabaseOutage database;
    private volatile int count = 1;
    private volatile long lastBeatNanos;

    LiveInstances(DataSource dataSource, DatabaseOutage database) {
        this.database = database;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (database.isDown()) {
            return; // the last count stands
        }
        refresh();
    }

    /** Writes this instance's heartbeat and counts the live ones. */
    public void refresh() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO notify_instance (id, seen_at) VALUES (?, now())
                    ON CONFLICT (id) DO UPDATE SET seen_at = now()""")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
            long now = System.nanoTime();
            // Right after a gap of our own (a database outage, a long pause) the others' heartbeats are
            // stale for the same reason ours was: wait one more beat, so that they can write theirs.
            boolean steady = lastBeatNanos != 0 && now - lastBeatNanos < STEADY_NANOS;
            lastBeatNanos = now;
            if (steady) {
                releaseDead(c);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM notify_instance WHERE seen_at > now() - ? * interval '1 second'")) {
                ps.setInt(1, STALE_SECONDS);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = Math.max(1, rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            Log.warnf("instance heartbeat failed, keeping the count of %d: %s", count, e.getMessage());
        }
    }

    private void releaseDead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELEASE_DEAD)) {
            ps.setInt(1, STALE_SECONDS);
            int released = ps.executeUpdate();
            if (released > 0) {
                Log.infof("released %d deliveries claimed by notify instances that stopped beating", released);
            }
        }
    }

    /** This instance's id: its heartbeat row and the lease owner of what its dispatcher claims. */
    public UUID id() {
        return id;
    }

    void stop(@Observes ShutdownEvent event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM notify_instance WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            Log.debugf("could not remove this instance's heartbeat: %s", e.getMessage());
        }
    }

    public int count() {
        return count;
    }
}
