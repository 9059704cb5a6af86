package io.bioalert.ingest.publish;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.RawTopic;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox's claims: a stored story is claimed for this instance at insert, so no sweep publishes it a
 * second time while the relay has it; once acknowledged it is marked; a row whose claim would run out before
 * the producer is done with it is not sent but given back to the sweep.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OutboxClaimTest {

    @Inject
    PublishSweep sweep;

    @Inject
    KafkaSender sender;

    @Inject
    DataSource dataSource;

    @Test
    void aStoredStoryIsClaimedAtInsertAndMarkedOnceTheBrokerAcknowledgedIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("body", "Kappa Bio announced the first patient dosed in study " + run + ".",
                        "url", "https://kappa.example.org/" + run))
                .post("/api/announcements").then().statusCode(202).extract().path("id");

        assertThat(RawTopic.countWithKey(id)).isEqualTo(1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT published_to_kafka_at IS NOT NULL, publish_claimed_until > ingested_at FROM announcement WHERE id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("marked published").isTrue();
                assertThat(rs.getBoolean(2)).as("claimed when it was stored").isTrue();
            }
        }
    }

    @Test
    void aRowStillClaimedIsNotSweptAndOneWhoseClaimRunsOutIsLeftToTheSweep() throws Exception {
        String held = "claim-" + UUID.randomUUID().toString().substring(0, 8) + "-held";
        String late = "claim-" + UUID.randomUUID().toString().substring(0, 8) + "-late";
        store(held, Instant.now().plus(Duration.ofMinutes(10)));
        Instant lateClaim = Instant.now().plusSeconds(2);
        store(late, lateClaim);
        try {
            // Still held by the instance that stored it: a sweep with no grace at all does not take it.
            List<RawAnnouncement> swept = sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2));
            release(swept); // whatever else was waiting stays the scheduled sweep's
            assertThat(swept).extracting(RawAnnouncement::id).doesNotContain(held, late);
            markPublished(held); // its instance's relay would; the topic is read below only once nothing is held

            // Two seconds of claim left is less than a send may take: not sent, the claim given back.
            RawAnnouncement row = new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, late, "claim test", "body", null,
                    List.of(), null, "test", Instant.now());
            assertThat(sender.send(row, lateClaim).outcome().join()).isEqualTo(PublishOutcome.RETRY_LATER);
            assertThat(claimed(late)).isFalse();
            assertThat(RawTopic.countWithKey(late)).isZero();

            assertThat(sweep.sweep(Duration.ZERO)).contains(PublishOutcome.PUBLISHED);
            assertThat(RawTopic.countWithKey(late)).isEqualTo(1);
        } finally {
            markPublished(held);
        }
    }

    private void store(String id, Instant claimedUntil) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO announcement (id, title, body, source, ingested_at, publish_claimed_until)
                VALUES (?, 'claim test', 'body', 'test', now(), ?)""")) {
            // Stored just now: the scheduled sweep (60 s grace in tests) leaves these rows to this test's sweeps.
            ps.setString(1, id);
            ps.setObject(2, OffsetDateTime.ofInstant(claimedUntil, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private void release(List<RawAnnouncement> claimed) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE announcement SET publish_claimed_until = NULL WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", claimed.stream().map(RawAnnouncement::id).toArray()));
            ps.executeUpdate();
        }
    }

    private boolean claimed(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT publish_claimed_until IS NOT NULL FROM announcement WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    private void markPublished(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE announcement SET published_to_kafka_at = now() WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
