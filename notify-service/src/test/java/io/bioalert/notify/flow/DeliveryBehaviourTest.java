package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.Dispatcher;
import io.bioalert.notify.digest.DigestJob;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The delivery queue against real receivers: a Slack stand-in (ok, 429 with Retry-After, 500,
 * channel_is_archived), concurrent claimers, a crashed claimer's lease, digests and rate limits.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class DeliveryBehaviourTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start();
    /** Per path: how many times it has answered, so each path can fail first and succeed later. */
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, List<Long>> TIMES = new ConcurrentHashMap<>();
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(5);

    static {
        SINK.respondWith(r -> {
            int n = CALLS.computeIfAbsent(r.path(), p -> new AtomicInteger()).incrementAndGet();
            TIMES.computeIfAbsent(r.path(), p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(System.nanoTime());
            if (r.path().contains("/huge-retry-after/")) {
                return new HttpSink.Response(429, Map.of("Retry-After", "99999999999999999999"), "slow down");
            }
            if (r.path().startsWith("/slack/429") && n == 1) {
                return new HttpSink.Response(429, Map.of("Retry-After", "2"), "rate_limited");
            }
            if (r.path().startsWith("/slack/500") && n == 1) {
                return new HttpSink.Response(500, Map.of(), "internal_error");
            }
            if (r.path().startsWith("/slow/")) {
                try {
                    Thread.sleep(SLOW_ANSWER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (r.path().startsWith("/slack/archived")) {
                return new HttpSink.Response(410, Map.of(), "channel_is_archived");
            }
            return HttpSink.Response.ok("ok");
        });
    }

    @Inject
    Dispatcher dispatcher;

    @Inject
    NotifyConfig config;

    @Inject
    DigestJob digests;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    private static String slack(String path) {
        return "{\"type\": \"SLACK\", \"url\": \"" + SINK.url(path) + "\"}";
    }

    private static long count(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    private static List<Map<String, Object>> history(String token, String watchlistId) {
        return given().header("Authorization", bearer(token)).get("/api/watchlists/{id}/deliveries", watchlistId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void slackOkRateLimitServerErrorAndArchivedChannel() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String ok = "/slack/ok-" + tag;
        String limited = "/slack/429-" + tag;
        String broken = "/slack/500-" + tag;
        String archived = "/slack/archived-" + tag;
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("slack", "{\"drugs\": [\"SLK-" + tag + "\"]}",
                "IMMEDIATE", slack(ok), slack(limited), slack(broken), slack(archived)));
        String id = w.getString("id");
        Fixtures.publish(Fixtures.her2Btd("SLK-" + tag));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(ok) == 1 && count(limited) == 2 && count(broken) == 2
                && count(archived) == 1);
        List<Long> t = TIMES.get(limited);
        assertThat(Duration.ofNanos(t.get(1) - t.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        String blocks = SINK.requests().stream().filter(r -> r.path().equals(ok)).findFirst().orElseThrow().body();
        assertThat(JsonPath.from(blocks).getString("text")).contains("SLK-" + tag);
        assertThat(JsonPath.from(blocks).getList("blocks").size()).isBetween(2, 50);

        await().atMost(Duration.ofSeconds(10)).until(() -> history(token, id).stream().noneMatch(
                h -> List.of("PENDING", "RETRYING", "SENDING").contains(h.get("status"))));
        Map<String, Map<String, Object>> byDestination = history(token, id).stream()
                .collect(Collectors.toMap(h -> (String) h.get("destinationId"), h -> h));
        assertThat(byDestination.get(w.getString("destinations[0].id")).get("status")).isEqualTo("SENT");
        assertThat(byDestination.get(w.getString("destinations[1].id"))).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(byDestination.get(w.getString("destinations[2].id"))).containsEntry("status", "SENT").containsEntry("attempts", 2);
        Map<String, Object> dead = byDestination.get(w.getString("destinations[3].id"));
        assertThat(dead.get("status")).isEqualTo("FAILED");
        assertThat((String) dead.get("lastError")).contains("channel_is_archived");
        JsonPath now = given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", id).then().extract().jsonPath();
        assertThat(now.getString("destinations[3].status")).isEqualTo("DISABLED");
        assertThat(now.getString("destinations[3].statusReason")).isEqualTo("Slack: channel_is_archived");

        // Disabled means no more tries: the next announcement reaches the others only. It is other news of
        // the drug; the same designation again would be attached to the first alert, not sent.
        Fixtures.publish(TestAnnouncements.her2PriorityReview("SLK-" + tag));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(ok) == 2);
        Thread.sleep(500);
        assertThat(count(archived)).isEqualTo(1);
    }

    /** Issue 13, hole 9: a Retry-After too large for a long overflowed and left the delivery SENDING for good. */
    @Test
    void aHugeRetryAfterWaitsADayAndLeavesNothingSending() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("huge retry-after", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url("/webhook/huge-retry-after/" + tag), SECRET),
                slack("/slack/huge-retry-after/" + tag))).getString("id");
        Fixtures.publish(Fixtures.her2Btd("HRA-1 " + tag));

        await().atMost(Duration.ofSeconds(20)).until(() -> history(token, id).size() == 2
                && history(token, id).stream().allMatch(h -> "RETRYING".equals(h.get("status"))));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT status, attempts, lease_owner IS NULL,
                               extract(epoch FROM next_attempt_at - now()) / 3600 FROM delivery WHERE watchlist_id = ?""")) {
            ps.setObject(1, UUID.fromString(id));
            try (var rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString(1)).isEqualTo("PENDING");
                    assertThat(rs.getInt(2)).isEqualTo(1);
                    assertThat(rs.getBoolean(3)).isTrue();
                    assertThat(rs.getDouble(4)).isBetween(23.9, 26.5); // a day, and up to a tenth more of jitter
                }
                assertThat(rows).isEqualTo(2);
            }
        }
    }

    @Test
    void aSlowReceiverDelaysOnlyItsOwnDelivery() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("slow and fast", "{\"drugs\": [\"SLOW-" + tag + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url("/slow/" + tag), SECRET), Fixtures.webhook(SINK.url("/fast/" + tag), SECRET)));
        String id = w.getString("id");
        String slow = w.getString("destinations[0].id");
        String fast = w.getString("destinations[1].id");
        Fixtures.publish(Fixtures.her2Btd("SLOW-" + tag));

        // Both deliveries leave in the same claim; the fast one is recorded while the slow receiver still thinks.
        await().atMost(SLOW_ANSWER.minusSeconds(1)).until(() -> status(token, id, fast).equals("SENT"));
        assertThat(status(token, id, slow)).isEqualTo("SENDING");
        await().atMost(SLOW_ANSWER.plusSeconds(5)).until(() -> status(token, id, slow).equals("SENT"));
    }

    private static String status(String token, String watchlistId, String destinationId) {
        return history(token, watchlistId).stream().filter(h -> destinationId.equals(h.get("destinationId")))
                .map(h -> (String) h.get("status")).findFirst().orElse("none");
    }

    @Test
    void concurrentClaimersDeliverEachDeliveryExactlyOnce() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        List<String> paths = new ArrayList<>();
        StringBuilder destinations = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            paths.add("/many/" + tag + "/" + i);
            destinations.append(i == 0 ? "" : ",").append(Fixtures.webhook(SINK.url(paths.get(i)), SECRET));
        }
        for (int w = 0; w < 10; w++) {
            Fixtures.createWatchlist(token, Fixtures.watchlist("fan-out " + w, "{\"drugs\": [\"FAN-" + tag + "\"]}",
                    "IMMEDIATE", destinations.toString()));
        }
        // While the dispatcher is full, the consumer leaves new deliveries PENDING for the claim loops: hold
        // all its permits, so that six extra claimers race the two background workers for the same 80
        // deliveries, recorded from three copies of the record.
        int held = dispatcher.reserve(config.dispatch().maxInFlight(), Duration.ofSeconds(10));
        assertThat(held).isEqualTo(config.dispatch().maxInFlight());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var announcement = Fixtures.her2Btd("FAN-" + tag);
            for (int i = 0; i < 3; i++) {
                Fixtures.publish(announcement);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(announcement.id(), "/many/" + tag + "/") == 80);
            List<Future<?>> racers = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            for (int i = 0; i < 6; i++) {
                racers.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        dispatcher.dispatchOnce();
                    }
                    return null;
                }));
            }
            dispatcher.sendReserved(List.of(), held);
            held = 0;
            for (Future<?> f : racers) {
                f.get();
            }
        } finally {
            dispatcher.sendReserved(List.of(), held);
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> paths.stream().mapToLong(DeliveryBehaviourTest::count).sum() >= 80);
        Thread.sleep(1000);
        List<HttpSink.Request> got = SINK.requests().stream().filter(r -> r.path().startsWith("/many/" + tag)).toList();
        assertThat(got).hasSize(80);
        Set<String> keys = got.stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toSet());
        assertThat(keys).hasSize(80);
        for (String p : paths) {
            assertThat(count(p)).isEqualTo(10);
        }
    }

    /** Deliveries of an announcement to receivers whose URL contains {@code path}: others' watchlists may match it too. */
    private long deliveries(String announcementId, String path) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT count(*) FROM delivery d JOIN destination dst ON dst.id = d.destination_id
                        WHERE d.announcement_id = ? AND strpos(dst.address, ?) > 0""")) {
            ps.setString(1, announcementId);
            ps.setString(2, path);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aDeliveryLeftSendingByACrashedInstanceIsSentOnceAfterItsLease() throws Exception {
        String token = Fixtures.signUp();
        String path = "/crash/" + UUID.randomUUID();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("crash", "{\"drugs\": [\"NEVER-MATCHED\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET)));
        String announcement = Fixtures.JSON.writeValueAsString(Fixtures.her2Btd("CRASH-1"));
        String announcementId = JsonPath.from(announcement).getString("announcement.id");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO announcement (id, payload, received_at) VALUES (?, ?, now())")) {
                ps.setString(1, announcementId);
                ps.setString(2, announcement);
                ps.executeUpdate();
            }
            // As a claimer leaves it when it dies mid-send: SENDING, one attempt spent, leased for 2 more seconds.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO delivery (id, watchlist_id, destination_id, announcement_id, channel, status, attempts,
                                          next_attempt_at, lease_owner, reasons, created_at)
                    VALUES (gen_random_uuid(), ?, ?, ?, 'WEBHOOK', 'SENDING', 1, now() + interval '2 seconds',
                            gen_random_uuid(), '[]', now())""")) {
                ps.setObject(1, UUID.fromString(w.getString("id")));
                ps.setObject(2, UUID.fromString(w.getString("destinations[0].id")));
                ps.setString(3, announcementId);
                ps.executeUpdate();
            }
        }
        Thread.sleep(1200);
        assertThat(count(path)).isZero(); // still leased to the dead claimer
        await().atMost(Duration.ofSeconds(10)).until(() -> count(path) == 1);
        Thread.sleep(800);
        assertThat(count(path)).isEqualTo(1);
        assertThat(history(token, w.getString("id")).get(0)).containsEntry("status", "SENT").containsEntry("attempts", 2);
    }

    @Test
    void anHourlyDigestSendsOneMessageForThePeriod() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String path = "/digest/" + tag;
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("hourly", "{\"keywords\": [\"" + tag + "\"]}",
                "HOURLY", Fixtures.webhook(SINK.url(path), SECRET))).getString("id");
        Fixtures.publish(Fixtures.her2Btd("DG-1 " + tag));
        Fixtures.publish(Fixtures.her2Btd("DG-2 " + tag));
        await().atMost(Duration.ofSeconds(20)).until(() -> history(token, id).size() == 2);
        assertThat(history(token, id)).allSatisfy(h -> assertThat(h.get("status")).isEqualTo("DIGEST"));
        Thread.sleep(500);
        assertThat(count(path)).isZero();

        // The hour ends.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE delivery SET next_attempt_at = now() WHERE watchlist_id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            ps.executeUpdate();
        }
        digests.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(path) == 1);
        JsonPath digest = JsonPath.from(SINK.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().body());
        assertThat(digest.getString("type")).isEqualTo("digest");
        assertThat(digest.getList("items")).hasSize(2);
        assertThat(history(token, id)).allSatisfy(h -> assertThat(h.get("status")).isEqualTo("SENT"));
        digests.sendDue();
        assertThat(count(path)).isEqualTo(1);
    }

    @Test
    void aRateLimitedDestinationWaitsWithoutSpendingAttempts() {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        String path = "/limited/" + tag;
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("slow receiver", "{\"keywords\": [\"" + tag + "\"]}",
                "IMMEDIATE", "{\"type\": \"WEBHOOK\", \"url\": \"" + SINK.url(path) + "\", \"ratePerMinute\": 6}"))
                .getString("id");
        Fixtures.publish(Fixtures.her2Btd("RL-1 " + tag));
        Fixtures.publish(Fixtures.her2Btd("RL-2 " + tag));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 1 && history(token, id).size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> history(token, id).stream()
                .anyMatch(h -> "PENDING".equals(h.get("status"))));
        Map<String, Object> waiting = history(token, id).stream().filter(h -> "PENDING".equals(h.get("status")))
                .findFirst().orElseThrow();
        assertThat(waiting.get("attempts")).isEqualTo(0);
        assertThat(count(path)).isEqualTo(1);
    }
}
