package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.notify.config.SettableClock;
import io.bioalert.notify.digest.DigestJob;
import io.bioalert.notify.subscriber.ApiTokens;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, hole 5: a removed destination still got queued retries and pending digests; unsubscribing
 * kept the address confirmed, so adding it again skipped the opt-in; tokens never expired, could not be
 * rotated, and confirm and unsubscribe tokens were stored in clear.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class ConsentTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start().respondWith(r -> r.path().startsWith("/later/")
            ? new HttpSink.Response(429, Map.of("Retry-After", "30"), "slow down") : HttpSink.Response.ok("ok"));

    @Inject
    DataSource dataSource;

    @Inject
    DigestJob digests;

    @Inject
    SettableClock clock;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void aRemovedDestinationGetsNoQueuedRetry() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String later = "/later/" + tag;
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("retrying", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(later), SECRET)));
        String id = w.getString("id");
        Fixtures.publish(Fixtures.her2Btd("RM-1 " + tag));
        // The receiver asked for 30 s: a retry is queued.
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETRYING".equals(status(token, id)));

        given().header("Authorization", bearer(token))
                .delete("/api/watchlists/{id}/destinations/{d}", id, w.getString("destinations[0].id")).then().statusCode(204);

        assertThat(status(token, id)).isEqualTo("CANCELLED");
        dueNow(id); // even due at once, a cancelled delivery is never claimed
        String sentinel = sentinelDelivered();
        assertThat(requests(later)).hasSize(1);
        assertThat(sentinel).isNotNull();
    }

    @Test
    void aRemovedDestinationGetsNoPendingDigest() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String kept = "/digest-kept/" + tag;
        String removed = "/digest-removed/" + tag;
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("hourly", "{\"keywords\": [\"" + tag + "\"]}",
                "HOURLY", Fixtures.webhook(SINK.url(kept), SECRET), Fixtures.webhook(SINK.url(removed), SECRET)));
        String id = w.getString("id");
        Fixtures.publish(Fixtures.her2Btd("DG-1 " + tag));
        await().atMost(Duration.ofSeconds(20)).until(() -> history(token, id).size() == 2);

        given().header("Authorization", bearer(token))
                .delete("/api/watchlists/{id}/destinations/{d}", id, w.getString("destinations[1].id")).then().statusCode(204);
        dueNow(id); // the hour ends
        digests.sendDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> requests(kept).size() == 1);
        assertThat(requests(removed)).isEmpty();
        Map<String, Object> cancelled = history(token, id).stream()
                .filter(h -> w.getString("destinations[1].id").equals(h.get("destinationId"))).findFirst().orElseThrow();
        assertThat(cancelled).containsEntry("status", "CANCELLED").containsEntry("lastError", "destination removed");
    }

    @Test
    void unsubscribingWithdrawsTheConfirmationAndTokensAreStoredOnlyHashed() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String address = "unsub-" + tag + "@example.org";
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("by mail", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", Fixtures.email(address))).getString("id");
        MimeMessage optIn = await().atMost(Duration.ofSeconds(10)).until(() -> optIns(address), l -> l.size() == 1).get(0);
        String confirmToken = lastSegment(Fixtures.confirmPath(optIn));
        assertThat(count("SELECT count(*) FROM destination WHERE confirm_token_hash = ?", confirmToken)).isZero();
        assertThat(count("SELECT count(*) FROM destination WHERE confirm_token_hash = ?", ApiTokens.sha256(confirmToken))).isEqualTo(1);
        given().post(Fixtures.confirmPath(optIn)).then().statusCode(200);

        Fixtures.publish(Fixtures.her2Btd("UNS-1 " + tag));
        MimeMessage alert = await().atMost(Duration.ofSeconds(20)).until(() -> alerts(address), l -> l.size() == 1).get(0);
        String unsubscribe = unsubscribePath(alert);
        assertThat(count("SELECT count(*) FROM unsubscribe_link WHERE token_hash = ?", ApiTokens.sha256(lastSegment(unsubscribe))))
                .isEqualTo(1);
        given().post(unsubscribe).then().statusCode(200).body(containsString("unsubscribed"));
        given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then()
                .body("destinations[0].status", equalTo("UNSUBSCRIBED"));

        // The same address again, on the same watchlist: it waits for a new opt-in instead of being active.
        given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(Fixtures.email(address))
                .post("/api/watchlists/{id}/destinations", id).then().statusCode(201)
                .body("status", equalTo("PENDING_CONFIRMATION"));
        await().atMost(Duration.ofSeconds(10)).until(() -> optIns(address).size() == 2);
        Fixtures.publish(Fixtures.her2Btd("UNS-2 " + tag));
        String sentinel = sentinelDelivered();
        assertThat(sentinel).isNotNull();
        assertThat(alerts(address)).hasSize(1);
    }

    @Test
    void aConfirmLinkExpiresAndANewOneCanBeSent() throws Exception {
        String token = Fixtures.signUp();
        String address = "expiring-" + UUID.randomUUID() + "@example.org";
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("expiring", "{\"targets\": [\"ERBB2\"]}",
                "IMMEDIATE", Fixtures.email(address)));
        String first = Fixtures.confirmPath(await().atMost(Duration.ofSeconds(10)).until(() -> optIns(address), l -> l.size() == 1).get(0));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        given().post(first).then().statusCode(410).body(containsString("expired"));

        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/confirmation", w.getString("id"), w.getString("destinations[0].id"))
                .then().statusCode(202).body("status", equalTo("PENDING_CONFIRMATION"));
        String second = Fixtures.confirmPath(await().atMost(Duration.ofSeconds(10)).until(() -> optIns(address), l -> l.size() == 2).get(1));
        assertThat(second).isNotEqualTo(first);
        given().post(first).then().statusCode(404); // replaced by the new link
        given().post(second).then().statusCode(200);
        given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/confirmation", w.getString("id"), w.getString("destinations[0].id"))
                .then().statusCode(409);
    }

    @Test
    void anApiTokenIsRotatedAndTheOldOneStopsWorking() throws Exception {
        String old = Fixtures.signUp();
        String fresh = given().header("Authorization", bearer(old)).post("/api/me/token")
                .then().statusCode(200).extract().path("token");
        assertThat(fresh).startsWith("bat_").isNotEqualTo(old);
        given().header("Authorization", bearer(old)).get("/api/me").then().statusCode(401);
        given().header("Authorization", bearer(fresh)).get("/api/me").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM subscriber WHERE token_hash = ?", ApiTokens.sha256(fresh))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM subscriber WHERE token_hash = ?", fresh)).isZero();
    }

    /** Publishes an announcement that only a new watchlist catches, and waits for it: the dispatcher ran meanwhile. */
    private String sentinelDelivered() {
        String tag = UUID.randomUUID().toString();
        String path = "/sentinel/" + tag;
        Fixtures.createWatchlist(Fixtures.signUp(), Fixtures.watchlist("sentinel", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET)));
        Fixtures.publish(Fixtures.her2Btd("SNT " + tag));
        await().atMost(Duration.ofSeconds(20)).until(() -> requests(path).size() == 1);
        return path;
    }

    private void dueNow(String watchlistId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE delivery SET next_attempt_at = now() WHERE watchlist_id = ?")) {
            ps.setObject(1, UUID.fromString(watchlistId));
            ps.executeUpdate();
        }
    }

    private long count(String sql, String value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<HttpSink.Request> requests(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static List<Map<String, Object>> history(String token, String watchlistId) {
        return given().header("Authorization", bearer(token)).get("/api/watchlists/{id}/deliveries", watchlistId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String status(String token, String watchlistId) {
        List<Map<String, Object>> h = history(token, watchlistId);
        return h.isEmpty() ? "none" : (String) h.get(0).get("status");
    }

    private static List<MimeMessage> optIns(String address) {
        return Fixtures.mailTo(address).stream().filter(m -> Fixtures.header(m, "X-BioAlert-Confirm-Url") != null).toList();
    }

    private static List<MimeMessage> alerts(String address) {
        return Fixtures.mailTo(address).stream().filter(m -> Fixtures.header(m, "X-BioAlert-Delivery") != null).toList();
    }

    private static String unsubscribePath(MimeMessage m) {
        Matcher matcher = Pattern.compile("/api/unsubscribe/[A-Za-z0-9_-]+").matcher(Fixtures.header(m, "List-Unsubscribe"));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
