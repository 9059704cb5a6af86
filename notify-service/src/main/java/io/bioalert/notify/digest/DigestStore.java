package io.bioalert.notify.digest;

import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.DeliveryStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Queue statements of the digest: which destinations have a period that ended, and claiming its rows. */
@ApplicationScoped
public class DigestStore {

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM delivery
                WHERE destination_id = ? AND status IN ('DIGEST_PENDING', 'DIGEST_SENDING') AND next_attempt_at <= now()
                ORDER BY created_at
                LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE delivery d
               SET status = 'DIGEST_SENDING', attempts = d.attempts + 1, lease_owner = ?,
                   next_attempt_at = now() + ? * interval '1 millisecond'
              FROM due, destination dst, watchlist w
             WHERE d.id = due.id AND dst.id = d.destination_id AND w.id = d.watchlist_id
            RETURNING """ + " " + DeliveryStore.JOB_COLUMNS;

    private final DataSource dataSource;
    private final DeliveryStore deliveries;

    DigestStore(DataSource dataSource, DeliveryStore deliveries) {
        this.dataSource = dataSource;
        this.deliveries = deliveries;
    }

    List<UUID> dueDestinations(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT DISTINCT destination_id FROM delivery
                        WHERE status IN ('DIGEST_PENDING', 'DIGEST_SENDING') AND next_attempt_at <= now() LIMIT ?""")) {
            ps.setInt(1, limit);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    List<DeliveryJob> claim(UUID destination, int limit, UUID owner, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setObject(1, destination);
                ps.setInt(2, limit);
                ps.setObject(3, owner);
                ps.setLong(4, lease.toMillis());
                List<DeliveryJob> jobs = deliveries.readJobs(c, ps);
                c.commit();
                return jobs;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
