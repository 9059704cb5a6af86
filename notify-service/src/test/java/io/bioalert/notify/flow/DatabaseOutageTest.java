package io.bioalert.notify.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.Topics;
import io.bioalert.notify.consumer.Channels;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.PostgresServer;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, hole 4: a database outage longer than the old retries (~35 s) dead-lettered the records that
 * arrived meanwhile and committed their offsets, and their alerts were lost. PostgreSQL is stopped for the
 * 60 s the issue names while 100 alerts are due.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int ALERTS = 100;
    private static final HttpSink SINK = HttpSink.start();

    @Inject
    ChannelRegistry channels;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void alertsDueDuringASixtySecondOutageAllArriveOnceAfterItAndNoneIsDeadLettered() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres();
        assumeTrue(postgres.canStop(), "only the embedded PostgreSQL can be stopped by a test");
        String tag = UUID.randomUUID().toString();
        String path = "/outage/" + tag;
        String watchlist = Fixtures.createWatchlist(Fixtures.signUp(), Fixtures.watchlist("outage",
                "{\"keywords\": [\"" + tag + "\"]}", "IMMEDIATE", Fixtures.webhook(SINK.url(path), "test-secret-0123456789abcdef")))
                .getString("id");
        Map<String, String> records = new LinkedHashMap<>();
        for (ClassifiedAnnouncement a : IntStream.range(0, ALERTS).mapToObj(i -> untagged("OUT-" + i + " " + tag)).toList()) {
            records.put(a.id(), Fixtures.JSON.writeValueAsString(a));
        }
        Map<TopicPartition, Long> firstOfOurs = endOffsets();

        postgres.stop();
        try {
            Fixtures.KAFKA.sendAll(Topics.CLASSIFIED, records);
            await().atMost(Duration.ofSeconds(30)).until(() -> channels.getPausable(Channels.CLASSIFIED_IN).isPaused());
            Thread.sleep(OUTAGE.toMillis());

            assertThat(requests(path)).isEmpty();
            // Held, not committed: no partition's committed offset is past the first record of ours in it.
            committedOffsets().forEach((partition, committed) ->
                    assertThat(committed).as("committed offset of %s", partition).isLessThanOrEqualTo(firstOfOurs.get(partition)));
            assertThat(channels.getPausable(Channels.CLASSIFIED_IN).isPaused()).isTrue();
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> requests(path).size() >= ALERTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(watchlist) == ALERTS); // nothing left to send again
        assertThat(channels.getPausable(Channels.CLASSIFIED_IN).isPaused()).isFalse();
        List<HttpSink.Request> received = requests(path);
        assertThat(received).hasSize(ALERTS);
        Set<String> announced = received.stream().map(r -> JsonPath.from(r.body()).getString("announcement.announcement.id"))
                .collect(Collectors.toSet());
        assertThat(announced).isEqualTo(records.keySet());
        assertThat(Fixtures.KAFKA.readUntil(Topics.CLASSIFIED_DLQ, Duration.ofSeconds(5),
                r -> records.containsKey(r.key()))).isEmpty();
    }

    /**
     * A story that only a keyword finds: no target or modality that other tests' watchlists in this JVM watch,
     * so that the 100 records cause this test's deliveries only.
     */
    private static ClassifiedAnnouncement untagged(String drug) {
        return TestAnnouncements.announcement(drug + " starts a phase 2 trial", "The sponsor of " + drug
                + " said the first patient was dosed in its phase 2 trial.", "test", List.of(), List.of(), List.of(),
                List.of(drug), List.of());
    }

    private static List<HttpSink.Request> requests(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** This test's watchlist's deliveries recorded as sent (other tests' watchlists may catch the same stories). */
    private long sent(String watchlistId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM delivery WHERE status = 'SENT' AND watchlist_id = ?")) {
            ps.setObject(1, UUID.fromString(watchlistId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()));
    }

    /** Where the next record of each partition of the classified topic will be written. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(Topics.CLASSIFIED)).allTopicNames().get()
                    .get(Topics.CLASSIFIED).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.CLASSIFIED, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** notify-service's committed offsets on the classified topic. */
    private static Map<TopicPartition, Long> committedOffsets() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("notify-service")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.CLASSIFIED) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
