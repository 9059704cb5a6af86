package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.bioalert.notify.channel.ReceivedHeaders;
import io.bioalert.notify.config.SettableClock;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks end to end: a classified announcement on Kafka reaches a real receiver, which verifies it
 * with the reference library, also when it is retried; a secret rotated through the API signs beside the new one
 * for 24 hours of the service's clock, then no more.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class StandardWebhooksTest {

    /** Paths that have failed once: the first request to a /flaky/ path gets a 503. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    private static final HttpSink SINK = HttpSink.start().respondWith(r ->
            r.path().startsWith("/flaky/") && FAILED_ONCE.add(r.path()) ? HttpSink.Response.status(503)
                    : HttpSink.Response.ok("ok"));

    @Inject
    SettableClock clock;

    @AfterAll
    static void stop() {
        SINK.close();
    }

    @AfterEach
    void backToTheConfiguredClock() {
        clock.reset();
    }

    private static List<HttpSink.Request> at(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static JsonPath rotate(String token, String watchlist, String destination, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(body)
                .post("/api/watchlists/{id}/destinations/{d}/secret", watchlist, destination).then().statusCode(200)
                .extract().jsonPath();
    }

    private static HttpSink.Request testAlert(String token, String watchlist, String destination, String path) {
        int before = at(path).size();
        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", watchlist, destination)
                .then().statusCode(200).body("outcome", equalTo("SENT"));
        return at(path).get(before);
    }

    @Test
    void aNewDestinationGetsAStandardSecretAndItsRetriedAlertKeepsTheWebhookId() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String path = "/flaky/" + tag;
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("standard", "{\"drugs\": [\"STD-" + tag + "\"]}",
                "IMMEDIATE", "{\"type\": \"WEBHOOK\", \"url\": \"" + SINK.url(path) + "\"}"));
        String secret = w.getString("destinations[0].secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

        Fixtures.publish(Fixtures.her2Btd("STD-" + tag));

        await().atMost(Duration.ofSeconds(30)).until(() -> at(path).size() == 2);
        List<HttpSink.Request> got = at(path);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        for (HttpSink.Request r : got) {
            new Webhook(secret).verify(r.body(), ReceivedHeaders.of(r));
            assertThat(Fixtures.JSON.readTree(r.body()).get("deliveryId").asText()).isEqualTo(r.header("webhook-id"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(given().header("Authorization", bearer(token))
                .get("/api/watchlists/{id}/deliveries", w.getString("id")).then().extract().path("[0].status")));
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneFor24HoursOfTheServiceClock() throws Exception {
        // Fixed at a whole second; other tests may have moved the clock ahead (never undone), so "now" is read back.
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(base);
        Instant t0 = clock.instant();
        String token = Fixtures.signUp();
        String path = "/rotation/" + UUID.randomUUID();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("rotation", "{\"targets\": [\"ERBB2\"]}",
                "IMMEDIATE", "{\"type\": \"WEBHOOK\", \"url\": \"" + SINK.url(path) + "\"}"));
        String id = w.getString("id");
        String hook = w.getString("destinations[0].id");
        String old = w.getString("destinations[0].secret");

        JsonPath rotated = rotate(token, id, hook, "{}");
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(Instant.parse(rotated.getString("previousSecretValidUntil"))).isEqualTo(t0.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(24)));
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then()
                .body("destinations[0].secret", equalTo(null)).body("destinations[0].previousSecretValidUntil", equalTo(null));

        HttpSink.Request during = testAlert(token, id, hook, path);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(fresh).verify(during.body(), ReceivedHeaders.of(during));
        new Webhook(old).verify(during.body(), ReceivedHeaders.of(during));

        clock.set(base.plus(Duration.ofHours(24)).minusSeconds(1));
        HttpSink.Request lastSecond = testAlert(token, id, hook, path);
        new Webhook(old).verify(lastSecond.body(), ReceivedHeaders.of(lastSecond));

        clock.set(base.plus(Duration.ofHours(24)));
        HttpSink.Request after = testAlert(token, id, hook, path);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(fresh).verify(after.body(), ReceivedHeaders.of(after));
        assertThatThrownBy(() -> new Webhook(old).verify(after.body(), ReceivedHeaders.of(after)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretTheReceiverChoosesIsTakenInEitherFormAndABadOneIsA400NamingIt() {
        String token = Fixtures.signUp();
        String chosen = "whsec_" + Base64.getEncoder().encodeToString("twenty-four bytes of key".getBytes());
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("chosen", "{\"targets\": [\"ERBB2\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url("/chosen/" + UUID.randomUUID()), chosen)));
        assertThat(w.getString("destinations[0].secret")).isEqualTo(chosen);
        String id = w.getString("id");
        String hook = w.getString("destinations[0].id");

        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body(Fixtures.watchlist("bad", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                        Fixtures.webhook(SINK.url("/bad"), "whsec_c2hvcnQtYnV0LWxvbmc=")))
                .post("/api/watchlists").then().statusCode(400)
                .body("fields[0].field", equalTo("destinations[0].secret"))
                .body("fields[0].message", startsWith("a secret starting with whsec_"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"secret\": \"whsec_not-base64-at-all-0123456789\"}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, hook).then().statusCode(400)
                .body("fields[0].field", equalTo("secret"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"secret\": \"tab\\tinside-0123456789\"}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, hook).then().statusCode(400)
                .body("fields[0].field", equalTo("secret"));
        assertThat(rotate(token, id, hook, "{\"secret\": \"chosen-by-the-receiver-0123\"}").getString("secret"))
                .isEqualTo("chosen-by-the-receiver-0123");
    }

    @Test
    void someoneElsesDestinationIsNotFoundAndASlackOneHasNoSecret() {
        String owner = Fixtures.signUp();
        String stranger = Fixtures.signUp();
        JsonPath w = Fixtures.createWatchlist(owner, Fixtures.watchlist("mine", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                "{\"type\": \"WEBHOOK\", \"url\": \"" + SINK.url("/mine") + "\"}",
                "{\"type\": \"SLACK\", \"url\": \"" + SINK.url("/slack") + "\"}"));
        String id = w.getString("id");

        given().contentType(ContentType.JSON).header("Authorization", bearer(stranger)).body("{}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, w.getString("destinations[0].id"))
                .then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", bearer(owner)).body("{}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", bearer(owner)).body("{}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, w.getString("destinations[1].id"))
                .then().statusCode(409);
        // The stranger's attempt changed nothing: the owner's secret still signs alone.
        HttpSink.Request got = testAlert(owner, id, w.getString("destinations[0].id"), "/mine");
        assertThat(got.header("webhook-signature").split(" ")).hasSize(1);
        try {
            new Webhook(w.getString("destinations[0].secret")).verify(got.body(), ReceivedHeaders.of(got));
        } catch (Exception e) {
            throw new AssertionError("the owner's secret no longer verifies", e);
        }
    }
}
