package io.bioalert.notify.quota;

import io.bioalert.notify.api.QuotaExceededException;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.config.Rate;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The API's rate quotas: what one client address, subscriber, receiving host or mail address may ask for
 * per window. Counted in PostgreSQL ({@code quota_use}), so that every instance counts against the same
 * quota, in fixed windows of the rate's period on the service's {@link Clock}; a request over the quota is
 * refused with the time until the window ends. Counters are kept under the SHA-256 of what they count, so
 * the table holds no address. Each count is its own short transaction, committed whatever the request
 * then does.
 */
@ApplicationScoped
public class Quotas {

    private final DataSource dataSource;
    private final Clock clock;
    private final NotifyConfig.Quota config;

    Quotas(DataSource dataSource, Clock clock, NotifyConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config.quota();
    }

    public void signUp(String clientAddress) {
        take("sign-up", clientAddress, config.signUpsPerClient(), "sign-ups from one address");
    }

    /** @param host the receiving host: a URL's host, or the domain of a mail address */
    public void testAlert(UUID subscriber, String host) {
        take("test-alert-subscriber", subscriber.toString(), config.testAlertsPerSubscriber(), "test alerts per subscriber");
        take("test-alert-host", host.toLowerCase(Locale.ROOT), config.testAlertsPerHost(), "test alerts to " + host);
    }

    public void optInMail(UUID subscriber, String address) {
        take("opt-in-subscriber", subscriber.toString(), config.optInMailsPerSubscriber(), "opt-in mails per subscriber");
        take("opt-in-address", address.toLowerCase(Locale.ROOT), config.optInMailsPerAddress(), "opt-in mails to one address");
    }

    private void take(String kind, String key, Rate rate, String what) {
        Instant now = clock.instant();
        long period = rate.per().toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
        int uses = QuarkusTransaction.requiringNew().call(() -> count(kind + "|" + key, windowStart));
        if (uses > rate.count()) {
            throw new QuotaExceededException("quota: at most " + rate + " " + what,
                    Duration.between(now, windowStart.plusMillis(period)));
        }
    }

    private int count(String counted, Instant windowStart) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO quota_use (bucket, window_start, uses)
                        VALUES (encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, 1)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET uses = quota_use.uses + 1
                        RETURNING uses""")) {
            ps.setString(1, counted);
            ps.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Windows over for a day are of no more use; the longest period is a day. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldWindows() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM quota_use WHERE window_start < ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(2))));
            ps.executeUpdate();
        } catch (SQLException e) {
            Log.debugf("old quota windows not removed this time: %s", e.getMessage());
        }
    }
}
