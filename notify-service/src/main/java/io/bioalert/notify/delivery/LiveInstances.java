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
 * instance that stops deletes its row; one that dies counts until its heartbeat is 20 s old. When the
 * database cannot be reached the last count stands.
 */
@ApplicationScoped
public class LiveInstances {

    private static final int STALE_SECONDS = 20;

    private final UUID id = UUID.randomUUID();
    private final DataSource dataSource;
    private final DatabaseOutage database;
    private volatile int count = 1;

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
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM notify_instance WHERE seen_at < now() - interval '1 day'")) {
                ps.executeUpdate(); // instances that died long ago, so the table stays small
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
