package io.bioalert.notify.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.Topics;
import io.bioalert.notify.replay.DeadLetterReplay;
import io.bioalert.notify.replay.ReplayOptions;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter replay command against the real broker and a running notify: what an outage before
 * the outage handling left in {@code announcements.classified.dlq} is chosen by its reason, listed by a
 * dry run, and published again; notify then alerts each announcement once however often it is replayed.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class DeadLetterReplayTest {

    private static final HttpSink SINK = HttpSink.start();

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void chosenDeadLettersArePublishedAgainAndAlertedOnce() throws Exception {
        String tag = UUID.randomUUID().toString();
        String path = "/replay/" + tag;
        Fixtures.createWatchlist(Fixtures.signUp(), Fixtures.watchlist("replayed", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), "test-secret-0123456789abcdef")));
        ClassifiedAnnouncement first = Fixtures.her2Btd("RPL-1 " + tag);
        ClassifiedAnnouncement second = Fixtures.her2Btd("RPL-2 " + tag);
        ClassifiedAnnouncement other = Fixtures.her2Btd("RPL-3 " + tag);
        String outage = "recording deliveries failed " + tag + ": Connection to localhost:5432 refused";
        deadLetter(first, outage);
        deadLetter(second, outage);
        deadLetter(other, "some other reason " + tag);
        String bootstrap = Infrastructure.shared().kafkaBootstrapServers();

        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        DeadLetterReplay.Result dry = DeadLetterReplay.run(ReplayOptions.parse(new String[] {"--bootstrap-servers", bootstrap,
                "--reason", "failed " + tag + ": connection", "--dry-run"}, null), new PrintStream(listed, true, StandardCharsets.UTF_8));
        assertThat(dry.chosen()).isEqualTo(2);
        assertThat(dry.published()).isZero();
        assertThat(listed.toString(StandardCharsets.UTF_8)).contains("would replay", "key=" + first.id(), "key=" + second.id())
                .doesNotContain(other.id());

        DeadLetterReplay.Result one = DeadLetterReplay.run(ReplayOptions.parse(new String[] {"--bootstrap-servers", bootstrap,
                "--reason", "failed " + tag + ": connection", "--limit", "1"}, null), System.out);
        assertThat(one.published()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerted(path, first));
        assertThat(alerted(path, second)).isFalse(); // not published by the dry run, nor by the limited run

        DeadLetterReplay.Result both = DeadLetterReplay.run(ReplayOptions.parse(new String[] {"--bootstrap-servers", bootstrap,
                "--reason", "failed " + tag + ": connection"}, null), System.out);
        assertThat(both.published()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerted(path, second));

        // The replayed records carry where they came from; the first, replayed twice, was alerted once.
        var replayed = Fixtures.KAFKA.readUntil(Topics.CLASSIFIED, Duration.ofSeconds(20),
                r -> r.key().equals(second.id()) && r.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM) != null);
        assertThat(replayed).isNotEmpty();
        assertThat(new String(replayed.get(replayed.size() - 1).headers().lastHeader(DeadLetterReplay.REPLAYED_FROM).value(),
                StandardCharsets.UTF_8)).startsWith(Topics.CLASSIFIED_DLQ + "/0/");
        String later = UUID.randomUUID().toString(); // published after the replays, caught by another watchlist
        String sentinel = "/replay-sentinel/" + later;
        Fixtures.createWatchlist(Fixtures.signUp(), Fixtures.watchlist("sentinel", "{\"keywords\": [\"" + later + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(sentinel), "test-secret-0123456789abcdef")));
        Fixtures.publish(Fixtures.her2Btd("SNT " + later));
        await().atMost(Duration.ofSeconds(20)).until(() -> requests(sentinel).size() == 1);
        assertThat(requests(path)).hasSize(2);
        assertThat(alerted(path, other)).isFalse();
    }

    /** As SmallRye's dead-letter strategy writes it: same key and value, the reason in a header; all in partition 0. */
    private static void deadLetter(ClassifiedAnnouncement a, String reason) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> r = new ProducerRecord<>(Topics.CLASSIFIED_DLQ, 0, a.id(), Fixtures.JSON.writeValueAsString(a));
            r.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get();
        }
    }

    private static List<HttpSink.Request> requests(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static boolean alerted(String path, ClassifiedAnnouncement a) {
        return requests(path).stream().anyMatch(r -> r.body().contains(a.id()));
    }
}
