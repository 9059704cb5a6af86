package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.Topics;
import io.bioalert.notify.channel.webhook.WebhookSignature;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The whole path on real servers: Kafka in, match, deliveries table, signed webhook and opt-in email out. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class AlertFlowTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start();

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void confirmedEmailAndSignedWebhookGetOneAlertEachEvenWhenTheRecordComesThreeTimes() throws Exception {
        String token = Fixtures.signUp();
        String path = "/hook/" + UUID.randomUUID();
        String address = "alice-" + UUID.randomUUID() + "@example.org";
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("HER2 ADC breakthroughs",
                "{\"targets\": [\"ERBB2\"], \"modalities\": [\"ADC\"], \"eventTypes\": [\"BREAKTHROUGH_THERAPY\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET), Fixtures.email(address)));
        String watchlistId = w.getString("id");
        assertThat(w.getString("destinations[1].status")).isEqualTo("PENDING_CONFIRMATION");

        // Double opt-in: nothing but the confirmation goes to the address until its link is POSTed.
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 1);
        MimeMessage optIn = Fixtures.mailTo(address).get(0);
        assertThat(optIn.getSubject()).contains("Confirm");
        String confirm = Fixtures.confirmPath(optIn);
        assertThat(optIn.getContent().toString()).doesNotContain("<html"); // multipart, not a bare HTML body
        given().post(confirm).then().statusCode(200);
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", watchlistId)
                .then().statusCode(200).body("destinations[1].status", equalTo("ACTIVE"));

        ClassifiedAnnouncement a = Fixtures.her2Btd("JSKN003");
        for (int i = 0; i < 3; i++) {
            Fixtures.publish(a);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo(path).size() >= 1 && Fixtures.mailTo(address).size() >= 2);
        Thread.sleep(1500); // room for a duplicate to show up, if the exactly-once key failed
        List<HttpSink.Request> hooks = requestsTo(path);
        assertThat(hooks).hasSize(1);
        HttpSink.Request hook = hooks.get(0);
        assertThat(WebhookSignature.verify(SECRET, hook.header(WebhookSignature.TIMESTAMP_HEADER), hook.body(),
                hook.header(WebhookSignature.SIGNATURE_HEADER), System.currentTimeMillis() / 1000, 300)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-0123456789", hook.header(WebhookSignature.TIMESTAMP_HEADER),
                hook.body(), hook.header(WebhookSignature.SIGNATURE_HEADER), System.currentTimeMillis() / 1000, 300)).isFalse();
        JsonPath body = JsonPath.from(hook.body());
        assertThat(body.getString("deliveryId")).isEqualTo(hook.header("Idempotency-Key"));
        assertThat(body.getString("watchlist.id")).isEqualTo(watchlistId);
        assertThat(body.getList("watchlist.filter.targets")).containsExactly("ERBB2");
        assertThat(body.getString("announcement.announcement.id")).isEqualTo(a.id());
        assertThat(body.getString("announcement.classification.events[0].type")).isEqualTo("BREAKTHROUGH_THERAPY");
        assertThat(body.getList("reasons.field")).contains("target", "modality", "event");

        List<MimeMessage> mails = Fixtures.mailTo(address);
        assertThat(mails).hasSize(2);
        MimeMessage alert = mails.get(1);
        assertThat(alert.getSubject()).contains("JSKN003").contains("Breakthrough Therapy").contains("FDA");
        assertThat(Fixtures.header(alert, "List-Unsubscribe")).matches("<http.*/api/unsubscribe/u_[A-Za-z0-9_-]+>");
        assertThat(Fixtures.header(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String deliveryId = Fixtures.header(alert, "X-BioAlert-Delivery");
        assertThat(Fixtures.header(alert, "Message-ID")).isEqualTo("<" + deliveryId + "@bioalert>");
        Multipart parts = (Multipart) alert.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = parts.getBodyPart(0).getContent().toString();
        assertThat(text).contains("biparatopic HER2-targeting").contains(a.announcement().url())
                .contains("Why this matched");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<mark>");

        List<String> statuses = given().header("Authorization", bearer(token))
                .get("/api/watchlists/{id}/deliveries", watchlistId)
                .then().statusCode(200).extract().jsonPath().getList("status");
        assertThat(statuses).containsExactly("SENT", "SENT");

        // RFC 8058 one click: a bare POST to the List-Unsubscribe URL, and no alert follows.
        String unsubscribe = Fixtures.header(alert, "List-Unsubscribe").replaceAll("^<https?://[^/]+|>$", "");
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post(unsubscribe).then().statusCode(200);
        Fixtures.publish(Fixtures.her2Btd("JSKN003-B"));
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo(path).size() == 2);
        Thread.sleep(1000);
        assertThat(Fixtures.mailTo(address)).hasSize(2);
    }

    @Test
    void historyEventsDoNotTriggerUnlessTheWatchlistAsksForHistory() throws Exception {
        String token = Fixtures.signUp();
        String primaryOnly = "/hook/" + UUID.randomUUID();
        String withHistory = "/hook/" + UUID.randomUUID();
        Fixtures.createWatchlist(token, Fixtures.watchlist("fast track", "{\"eventTypes\": [\"FAST_TRACK\"], "
                + "\"drugs\": [\"HS-20089\"]}", "IMMEDIATE", Fixtures.webhook(SINK.url(primaryOnly), SECRET)));
        Fixtures.createWatchlist(token, Fixtures.watchlist("fast track and history", "{\"eventTypes\": [\"FAST_TRACK\"], "
                + "\"drugs\": [\"HS-20089\"], \"includeHistory\": true}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(withHistory), SECRET)));

        Fixtures.publish(Fixtures.her2Btd("HS20089")); // the Fast Track in it is history
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo(withHistory).size() == 1);
        Thread.sleep(1000);
        assertThat(requestsTo(primaryOnly)).isEmpty();
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() {
        String key = "bad-" + UUID.randomUUID();
        Fixtures.KAFKA.send(Topics.CLASSIFIED, key, "{\"schemaVersion\": 1, \"announcement\": ");
        List<ConsumerRecord<String, String>> dlq = Fixtures.KAFKA.readUntil(Topics.CLASSIFIED_DLQ,
                Duration.ofSeconds(30), r -> key.equals(r.key()));
        assertThat(dlq).isNotEmpty();
        ConsumerRecord<String, String> dead = dlq.get(dlq.size() - 1);
        assertThat(dead.value()).isEqualTo("{\"schemaVersion\": 1, \"announcement\": ");
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not a classified announcement");

        String token = Fixtures.signUp();
        String path = "/hook/" + UUID.randomUUID();
        Fixtures.createWatchlist(token, Fixtures.watchlist("after the bad one", "{\"drugs\": [\"AFTER-1\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET)));
        Fixtures.publish(Fixtures.her2Btd("AFTER-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo(path).size() == 1);
    }

    static List<HttpSink.Request> requestsTo(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }
}
