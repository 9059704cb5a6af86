package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.bioalert.notify.channel.webhook.WebhookSignature;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The REST API: validation with field names, tokens, ownership, the SSRF guard, test alerts, live filter changes. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class WatchlistApiTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start();

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    private ValidatableResponse post(String token, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(body)
                .post("/api/watchlists").then();
    }

    private String hook() {
        return Fixtures.webhook(SINK.url("/h/" + UUID.randomUUID()), SECRET);
    }

    @Test
    void everyInvalidRequestIsA400NamingTheField() {
        String token = Fixtures.signUp();
        post(token, "{\"filter\": {\"targets\": [\"ERBB2\"]}, \"destinations\": [" + hook() + "]}")
                .statusCode(400).body("fields[0].field", equalTo("name"));
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "WEEKLY", hook()))
                .statusCode(400).body("fields[0].field", equalTo("digest"));
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE"))
                .statusCode(400).body("fields[0].field", equalTo("destinations"));
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                "{\"type\": \"FAX\", \"url\": \"http://127.0.0.1/\"}"))
                .statusCode(400).body("fields[0].field", equalTo("destinations[0].type"));
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook(), "{\"type\": \"EMAIL\"}"))
                .statusCode(400).body("fields[0].field", equalTo("destinations[1].email"));
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", "{\"type\": \"EMAIL\", \"email\": \"nope\"}"))
                .statusCode(400).body("fields[0].field", equalTo("destinations[0].email"));
        post(token, Fixtures.watchlist("x", "{\"target\": [\"ERBB2\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("filter.target"));
        post(token, Fixtures.watchlist("x", "{}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("filter"));
        post(token, Fixtures.watchlist("x", "{\"keywords\": [\"\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("filter.keywords[0]"));
        post(token, "{\"name\": ").statusCode(400);
        given().header("Authorization", bearer(token)).queryParam("status", "LOST")
                .get("/api/watchlists/{id}/deliveries", UUID.randomUUID())
                .then().statusCode(400).body("fields[0].field", equalTo("status"));
    }

    @Test
    void aNameWithALineBreakOrControlCharacterIsRefusedByField() {
        String token = Fixtures.signUp();
        String injected = "HER2\\r\\nBcc: victim@example.org";
        post(token, Fixtures.watchlist(injected, "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("name"))
                .body("fields[0].message", containsString("control characters"));
        post(token, Fixtures.watchlist("tab\\there", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("name"));
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("HER2 华岳", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook()))
                .getString("id");
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"name\": \"" + injected + "\", \"filter\": {\"targets\": [\"ERBB2\"]}}")
                .put("/api/watchlists/{id}", id).then().statusCode(400).body("fields[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"x-" + UUID.randomUUID() + "@example.org\", \"name\": \"Ann\\u2028Bcc: v@example.org\"}")
                .post("/api/subscribers").then().statusCode(400).body("fields[0].field", equalTo("name"));
    }

    @Test
    void aLineBreakStoredInANameNeverReachesAMailHeader() throws Exception {
        String token = Fixtures.signUp();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("stored before the rule", "{\"targets\": [\"ERBB2\"]}",
                "IMMEDIATE", hook())).getString("id");
        try (var c = dataSource.getConnection();
                var update = c.prepareStatement("UPDATE watchlist SET name = ? WHERE id = ?")) {
            update.setString(1, "HER2\r\nBcc: victim-" + id + "@example.org\r\nX-Injected: yes");
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
        String address = "optin-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(Fixtures.email(address))
                .post("/api/watchlists/{id}/destinations", id).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 1);
        var mail = Fixtures.mailTo(address).get(0);
        assertThat(mail.getSubject()).isEqualTo("[BioAlert] Confirm alerts for \"HER2 Bcc: victim-" + id
                + "@example.org X-Injected: yes\"");
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(Fixtures.mailTo("victim-" + id + "@example.org")).isEmpty();
    }

    @Test
    void anUnknownTaxonomyIdIsRefusedWithTheValidOnes() {
        String token = Fixtures.signUp();
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\", \"HER2\"]}", "IMMEDIATE", hook()))
                .statusCode(400)
                .body("fields[0].field", equalTo("filter.targets[1]"))
                .body("fields[0].valid", hasItem("ERBB2"))
                .body("error", containsString("ERBB2"));
        post(token, Fixtures.watchlist("x", "{\"modalities\": [\"ANTIBODIES\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].field", equalTo("filter.modalities[0]"))
                .body("fields[0].valid", hasItem("ANTIBODY"));
        post(token, Fixtures.watchlist("x", "{\"eventTypes\": [\"FASTTRACK\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].valid", hasItem("FAST_TRACK"));
        post(token, Fixtures.watchlist("x", "{\"agencies\": [\"CDE\"]}", "IMMEDIATE", hook()))
                .statusCode(400).body("fields[0].valid", hasItem("NMPA"));
        // Ids are case-insensitive and stored canonical.
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"erbb2\"]}", "IMMEDIATE", hook()))
                .statusCode(201).body("filter.targets[0]", equalTo("ERBB2"));
    }

    @Test
    void webhookUrlsMustBeHttpAndNotInternalUnlessAllowlisted() {
        String token = Fixtures.signUp();
        for (String url : new String[] {"ftp://example.com/x", "http://10.0.0.5/hook", "http://169.254.169.254/latest",
                "http://192.168.0.10/", "http://[::1]:8080/"}) {
            post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                    "{\"type\": \"WEBHOOK\", \"url\": \"" + url + "\"}"))
                    .statusCode(400).body("fields[0].field", equalTo("destinations[0].url"));
        }
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                "{\"type\": \"SLACK\", \"url\": \"http://10.0.0.5/services/x\"}"))
                .statusCode(400).body("fields[0].message", containsString("allowlist"));
        // 127.0.0.1 and localhost are allowlisted in the test profile, as an operator would for a local receiver.
        post(token, Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook())).statusCode(201);
    }

    @Test
    void remindersDefaultToAWeekAndADayBeforeAreValidatedByFieldAndKeptOnUpdate() {
        String token = Fixtures.signUp();
        String filter = "{\"targets\": [\"ERBB2\"]}";
        String id = post(token, Fixtures.watchlist("x", filter, "IMMEDIATE", hook())).statusCode(201)
                .body("reminders", equalTo(java.util.List.of(7, 1))).extract().path("id");
        for (String[] bad : new String[][] {{"[366]", "reminders[0]"}, {"[7, -1]", "reminders[1]"}, {"[null]", "reminders[0]"},
                {"[1,2,3,4,5,6,7,8,9,10,11]", "reminders"}, {"\"weekly\"", "reminders"}}) {
            post(token, "{\"name\": \"x\", \"filter\": " + filter + ", \"reminders\": " + bad[0] + ", \"destinations\": ["
                    + hook() + "]}").statusCode(400).body("fields[0].field", equalTo(bad[1]));
        }
        post(token, "{\"name\": \"x\", \"filter\": " + filter + ", \"reminders\": [1, 30, 1, 0], \"destinations\": ["
                + hook() + "]}").statusCode(201).body("reminders", equalTo(java.util.List.of(30, 1, 0)));

        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"name\": \"y\", \"filter\": " + filter + "}").put("/api/watchlists/{id}", id)
                .then().statusCode(200).body("reminders", equalTo(java.util.List.of(7, 1)));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"name\": \"y\", \"filter\": " + filter + ", \"reminders\": []}").put("/api/watchlists/{id}", id)
                .then().statusCode(200).body("reminders", empty());
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"name\": \"y\", \"filter\": " + filter + ", \"reminders\": [400]}").put("/api/watchlists/{id}", id)
                .then().statusCode(400).body("fields[0].field", equalTo("reminders[0]"));
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then().statusCode(200)
                .body("reminders", empty());
    }

    @Test
    void tokensAreRequiredAndASubscriberSeesAndChangesOnlyTheirOwnWatchlists() {
        given().get("/api/watchlists").then().statusCode(401);
        given().header("Authorization", "Bearer nope").get("/api/watchlists").then().statusCode(401);

        String alice = Fixtures.signUp();
        String bob = Fixtures.signUp();
        String id = post(alice, Fixtures.watchlist("alice's", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE", hook()))
                .statusCode(201).extract().path("id");
        String destination = given().header("Authorization", bearer(alice)).get("/api/watchlists/{id}", id)
                .then().statusCode(200).extract().path("destinations[0].id");

        given().header("Authorization", bearer(bob)).get("/api/watchlists").then().statusCode(200).body("$", empty());
        given().header("Authorization", bearer(bob)).get("/api/watchlists/{id}", id).then().statusCode(404);
        given().header("Authorization", bearer(bob)).contentType(ContentType.JSON)
                .body("{\"name\": \"mine now\", \"filter\": {\"targets\": [\"EGFR\"]}}")
                .put("/api/watchlists/{id}", id).then().statusCode(404);
        given().header("Authorization", bearer(bob)).delete("/api/watchlists/{id}", id).then().statusCode(404);
        given().header("Authorization", bearer(bob)).get("/api/watchlists/{id}/deliveries", id).then().statusCode(404);
        given().header("Authorization", bearer(bob))
                .post("/api/watchlists/{id}/destinations/{d}/test", id, destination).then().statusCode(404);
        given().header("Authorization", bearer(bob)).contentType(ContentType.JSON).body(hook())
                .post("/api/watchlists/{id}/destinations", id).then().statusCode(404);

        given().header("Authorization", bearer(alice)).get("/api/watchlists/{id}", id)
                .then().statusCode(200).body("name", equalTo("alice's")).body("filter.targets[0]", equalTo("ERBB2"))
                .body("destinations[0].secret", equalTo(null));
    }

    @Test
    void testAlertReportsWhatTheReceiverAnswered() {
        String token = Fixtures.signUp();
        String okPath = "/h/ok-" + UUID.randomUUID();
        String failPath = "/h/fail-" + UUID.randomUUID();
        SINK.respondWith(r -> r.path().equals(failPath) ? new HttpSink.Response(503, java.util.Map.of(), "down for maintenance")
                : HttpSink.Response.ok("ok"));
        var w = Fixtures.createWatchlist(token, Fixtures.watchlist("t", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(okPath), SECRET), Fixtures.webhook(SINK.url(failPath), SECRET),
                Fixtures.email("unconfirmed-" + UUID.randomUUID() + "@example.org")));
        String id = w.getString("id");

        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", id, w.getString("destinations[0].id"))
                .then().statusCode(200).body("outcome", equalTo("SENT"));
        HttpSink.Request received = SINK.requests().stream().filter(r -> r.path().equals(okPath)).findFirst().orElseThrow();
        assertThat(WebhookSignature.verify(SECRET, received.header(WebhookSignature.TIMESTAMP_HEADER), received.body(),
                received.header(WebhookSignature.SIGNATURE_HEADER), System.currentTimeMillis() / 1000, 300)).isTrue();

        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", id, w.getString("destinations[1].id"))
                .then().statusCode(200).body("outcome", equalTo("RETRY"))
                .body("detail", equalTo("HTTP 503")); // the status only: no response oracle

        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", id, w.getString("destinations[2].id"))
                .then().statusCode(409).body("error", containsString("pending_confirmation"));
        SINK.respondWith(r -> HttpSink.Response.ok("ok"));
    }

    @Test
    void aWebhookSecretIsRotatedAndSignsFromTheNextSend() {
        String token = Fixtures.signUp();
        String path = "/h/rotated-" + UUID.randomUUID();
        var w = Fixtures.createWatchlist(token, Fixtures.watchlist("rotated", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(path), SECRET), Fixtures.email("rotate-" + UUID.randomUUID() + "@example.org")));
        String id = w.getString("id");
        String hook = w.getString("destinations[0].id");

        String fresh = given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body("{}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, hook).then().statusCode(200)
                .extract().path("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(SECRET);
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then()
                .body("destinations[0].secret", equalTo(null)); // shown only in the rotation's answer
        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", id, hook).then().statusCode(200).body("outcome", equalTo("SENT"));
        HttpSink.Request signed = SINK.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        long now = System.currentTimeMillis() / 1000;
        String timestamp = signed.header(WebhookSignature.TIMESTAMP_HEADER);
        String signature = signed.header(WebhookSignature.SIGNATURE_HEADER);
        assertThat(WebhookSignature.verify(fresh, timestamp, signed.body(), signature, now, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, timestamp, signed.body(), signature, now, 300)).isFalse();

        given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body("{\"secret\": \"short\"}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, hook).then().statusCode(400)
                .body("fields[0].field", equalTo("secret"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"secret\": \"chosen-by-the-receiver-0123\"}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, hook).then().statusCode(200)
                .body("secret", equalTo("chosen-by-the-receiver-0123"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body("{}")
                .post("/api/watchlists/{id}/destinations/{d}/secret", id, w.getString("destinations[1].id")).then().statusCode(409);
    }

    @Test
    void changedAndDeletedWatchlistsTakeEffectForTheNextAnnouncement() {
        String token = Fixtures.signUp();
        String path = "/h/" + UUID.randomUUID();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("egfr", "{\"targets\": [\"EGFR\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(path), SECRET))).getString("id");
        String seen = "/h/" + UUID.randomUUID();
        Fixtures.createWatchlist(token, Fixtures.watchlist("sees CHG-1", "{\"drugs\": [\"CHG-1\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(seen), SECRET)));
        Fixtures.publish(Fixtures.her2Btd("CHG-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(seen) == 1); // consumed while the filter said EGFR

        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body("{\"name\": \"her2 now\", \"filter\": {\"targets\": [\"ERBB2\"]}, \"digest\": \"IMMEDIATE\"}")
                .put("/api/watchlists/{id}", id).then().statusCode(200).body("filter.targets[0]", equalTo("ERBB2"));
        Fixtures.publish(Fixtures.her2Btd("CHG-2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 1);
        assertThat(SINK.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().body())
                .contains("CHG-2").contains("\"name\":\"her2 now\"");

        given().header("Authorization", bearer(token)).delete("/api/watchlists/{id}", id).then().statusCode(204);
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then().statusCode(404);
        Fixtures.publish(Fixtures.her2Btd("CHG-3"));
        String other = "/h/" + UUID.randomUUID();
        Fixtures.createWatchlist(token, Fixtures.watchlist("sentinel", "{\"drugs\": [\"CHG-4\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(other), SECRET)));
        Fixtures.publish(Fixtures.her2Btd("CHG-4"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(other) == 1);
        assertThat(count(path)).isEqualTo(1);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/watchlists"))
                .body(containsString("/api/catalysts")).body(containsString("/api/calendar/feed"))
                .body(containsString("/calendar/{token}.ics"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bioalert_notify_deliveries_sent_total{channel=\"webhook\""));
        given().get("/api/taxonomy").then().statusCode(200).body("modalityParents.BISPECIFIC_ADC", hasItem("ADC"));
    }

    private static long count(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).count();
    }
}
