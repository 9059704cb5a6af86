package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A destination's rate is shared among the live instances, counted from their heartbeats in PostgreSQL. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class RateLimitAcrossInstancesTest {

    @Inject
    RateLimiter limiter;

    @Inject
    LiveInstances instances;

    @Inject
    DataSource dataSource;

    /** Sends granted at once: the burst, ten seconds' worth of this instance's share of 60 a minute. */
    private int burst() {
        UUID destination = UUID.randomUUID();
        int granted = 0;
        while (limiter.acquire(destination, 60).isZero()) {
            granted++;
        }
        return granted;
    }

    private void heartbeatOf(UUID other, Duration age) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notify_instance (id, seen_at) VALUES (?, now() - ? * interval '1 second')
                ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at""")) {
            ps.setObject(1, other);
            ps.setLong(2, age.toSeconds());
            ps.executeUpdate();
        }
        instances.refresh();
    }

    @Test
    void eachOfTwoLiveInstancesTakesHalfTheRateAndADeadOneStopsCounting() throws Exception {
        instances.refresh();
        assertThat(instances.count()).isEqualTo(1);
        assertThat(burst()).isEqualTo(10);

        UUID other = UUID.randomUUID();
        try {
            heartbeatOf(other, Duration.ZERO); // another instance, alive
            assertThat(instances.count()).isEqualTo(2);
            assertThat(burst()).isEqualTo(5);

            heartbeatOf(other, Duration.ofMinutes(1)); // it stopped beating a minute ago
            assertThat(instances.count()).isEqualTo(1);
            assertThat(burst()).isEqualTo(10);
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM notify_instance WHERE id = ?")) {
                ps.setObject(1, other);
                ps.executeUpdate();
            }
            instances.refresh();
        }
    }
}
