package io.bioalert.ingest.support;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * The outbox as a test sees it: publishing is asynchronous, so a test that counts records on the topic
 * first waits until nothing stored is still on its way (claimed and neither marked published nor poisoned).
 * Rows a test claimed for a sweep of its own count as on their way too, until they are marked or released.
 */
public final class Outbox {

    private Outbox() {
    }

    public static void awaitIdle() {
        Awaitility.await("the outbox has nothing in flight").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> inFlight() == 0);
    }

    public static long inFlight() throws SQLException {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM announcement WHERE published_to_kafka_at IS NULL AND poisoned_at IS NULL
                     AND publish_claimed_until > now()""")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
