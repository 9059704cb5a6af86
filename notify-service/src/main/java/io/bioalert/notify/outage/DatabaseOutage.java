package io.bioalert.notify.outage;

import io.agroal.api.AgroalDataSource;
import io.bioalert.notify.config.NotifyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells a failed statement of a database outage from a failure of the statement itself, and holds the
 * work that needs the database until it answers again. A statement that fails while a probe
 * ({@code SELECT 1}) also fails was the outage's: it is not the record's fault, so the record must be
 * neither retried until it is given up nor dead-lettered, but kept until the database is back. The
 * first failure of an outage fires {@link Changed} (the consumer pauses the Kafka channel on it), one
 * thread probes the database every {@code probeEvery}, and when a probe passes the pool's broken
 * connections are dropped, the waiters let go and {@link Changed} fires again (the consumer resumes).
 */
@ApplicationScoped
public class DatabaseOutage {

    /** Fired when an outage starts ({@code down}) and when it ends. */
    public record Changed(boolean down, Instant since) {
    }

    private final AgroalDataSource dataSource;
    private final Event<Changed> changes;
    private final Duration probeEvery;
    private final Object lock = new Object();
    private volatile boolean down;
    private Instant since;

    DatabaseOutage(AgroalDataSource dataSource, Event<Changed> changes, NotifyConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.probeEvery = config.outage().probeEvery();
        registry.gauge("bioalert.notify.database.outage", this, o -> o.down ? 1 : 0);
    }

    public boolean isDown() {
        return down;
    }

    /** Returns at once while the database answers; during an outage, when it answers again. */
    public void awaitUp() throws InterruptedException {
        if (!down) {
            return;
        }
        synchronized (lock) {
            while (down) {
                lock.wait();
            }
        }
    }

    /**
     * Judges a failed statement: true when the database does not answer (the outage is then reported and
     * the caller should {@link #awaitUp()} and try again without counting the attempt), false when the
     * database answers and the statement itself failed.
     */
    public boolean isOutage(SQLException failure) {
        if (down) {
            return true;
        }
        if (answers()) {
            return false;
        }
        synchronized (lock) {
            if (down) {
                return true;
            }
            down = true;
            since = Instant.now();
        }
        Log.warnf("database outage: %s; holding the work that needs it until it answers again", failure.getMessage());
        changes.fire(new Changed(true, since));
        Thread prober = new Thread(this::probeUntilUp, "database-outage-probe");
        prober.setDaemon(true);
        prober.start();
        return true;
    }

    private void probeUntilUp() {
        try {
            do {
                Thread.sleep(probeEvery.toMillis());
            } while (!answers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // Connections opened before the outage were cut by it: drop those the pool still holds, so that
        // the work let go now does not fail once more on a dead connection.
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        Instant started;
        synchronized (lock) {
            started = since;
            down = false;
            lock.notifyAll();
        }
        Log.infof("database answers again after %d s; resuming", Duration.between(started, Instant.now()).toSeconds());
        changes.fire(new Changed(false, Instant.now()));
    }

    private boolean answers() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
