package io.bioalert.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.RawAnnouncement;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Sweeps of several instances take different unpublished rows. The rows here are fresh, so the scheduled
 * sweep (60 s grace in tests) leaves them to the claims this test makes with no grace.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class PublishSweepTest {

    @Inject
    PublishSweep sweep;

    @Inject
    KafkaSender sender;

    @Inject
    DataSource dataSource;

    private void store(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO announcement (id, title, body, source, ingested_at) VALUES (?, 'sweep test', 'body', 'test', now())""")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private void expireClaims(List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE announcement SET publish_claimed_until = now() - interval '1 second' WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Every row the test's claims took, ours or not: the others are given back at the end. */
    private final Set<String> claimedAll = new HashSet<>();

    private List<String> ids(List<RawAnnouncement> claimed, List<String> ours) {
        claimed.forEach(a -> claimedAll.add(a.id()));
        return claimed.stream().map(RawAnnouncement::id).filter(ours::contains).toList();
    }

    @Test
    void aClaimedRowIsLeftToItsSweepUntilTheClaimRunsOut() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ours = List.of("sweep-" + tag + "-1", "sweep-" + tag + "-2", "sweep-" + tag + "-3");
        for (String id : ours) {
            store(id);
        }
        try {
            List<String> first = ids(sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2)), ours);
            List<String> second = ids(sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2)), ours);
            assertThat(first).containsExactlyInAnyOrderElementsOf(ours);
            assertThat(second).isEmpty(); // another instance's sweep: nothing of what the first holds

            expireClaims(ours.subList(0, 1)); // the first sweep died: its claim on the first row ran out
            List<RawAnnouncement> third = sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2));
            assertThat(ids(third, ours)).containsExactly(ours.get(0));

            // Published (to the real broker) and marked: no later sweep takes it, whatever its claim.
            RawAnnouncement firstRow = third.stream().filter(a -> a.id().equals(ours.get(0))).findFirst().orElseThrow();
            assertThat(sender.send(firstRow, Instant.now().plus(Duration.ofMinutes(2))).outcome().join())
                    .isEqualTo(PublishOutcome.PUBLISHED);
            expireClaims(ours);
            assertThat(ids(sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2)), ours))
                    .containsExactlyInAnyOrder(ours.get(1), ours.get(2));
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE announcement SET published_to_kafka_at = now() WHERE id = ANY(?)");
                 PreparedStatement release = c.prepareStatement(
                    "UPDATE announcement SET publish_claimed_until = NULL WHERE id = ANY(?) AND NOT id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", ours.toArray()));
                ps.executeUpdate();
                release.setArray(1, c.createArrayOf("text", claimedAll.toArray()));
                release.setArray(2, c.createArrayOf("text", ours.toArray()));
                release.executeUpdate();
            }
        }
    }
}
