package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.notify.delivery.LiveInstances;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What can reach a receiver twice after a crash, and what at-most-once destinations get instead: a dead
 * instance's claims are freed by the next heartbeat, a Slack destination has one send out at a time, and
 * an at-most-once Slack destination records a lost answer as UNKNOWN and never sends it again.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class FewerRepeatsTest {

    private static final HttpSink SINK = HttpSink.start();
    private static final Map<String, AtomicInteger> OUT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> MOST_OUT = new ConcurrentHashMap<>();

    static {
        SINK.respondWith(r -> {
            int now = OUT.computeIfAbsent(r.path(), p -> new AtomicInteger()).incrementAndGet();
            MOST_OUT.computeIfAbsent(r.path(), p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                if (r.path().startsWith("/slow/")) {
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                OUT.get(r.path()).decrementAndGet();
            }
            return HttpSink.Response.ok("ok");
        });
    }

    @Inject
    LiveInstances instances;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    private static long count(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    private static String slack(String url, boolean atMostOnce) {
        return "{\"type\": \"SLACK\", \"url\": \"" + url + "\", \"atMostOnce\": " + atMostOnce + "}";
    }

    private static List<Map<String, Object>> history(String token, String watchlistId) {
        return given().header("Authorization", bearer(token)).get("/api/watchlists/{id}/deliveries", watchlistId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> deliveryTo(String token, String watchlistId, String destinationId) {
        return history(token, watchlistId).stream().filter(h -> destinationId.equals(h.get("destinationId")))
                .findFirst().orElseThrow();
    }

    @Test
    void atMostOnceIsShownAndIsForSlackOnly() {
        String token = Fixtures.signUp();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("amo", "{\"drugs\": [\"AMO-VIEW\"]}", "IMMEDIATE",
                slack(SINK.url("/view/amo"), true), slack(SINK.url("/view/alo"), false),
                Fixtures.webhook(SINK.url("/view/hook"), "test-secret-0123456789abcdef")));
        assertThat(w.getBoolean("destinations[0].atMostOnce")).isTrue();
        assertThat(w.getBoolean("destinations[1].atMostOnce")).isFalse();
        assertThat(w.getBoolean("destinations[2].atMostOnce")).isFalse();
        assertThat(given().header("Authorization", bearer(token)).get("/api/watchlists/{id}", w.getString("id"))
                .then().statusCode(200).extract().jsonPath().getBoolean("destinations[0].atMostOnce")).isTrue();

        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body(Fixtures.watchlist("amo hook", "{\"drugs\": [\"AMO-VIEW\"]}", "IMMEDIATE",
                        "{\"type\": \"WEBHOOK\", \"url\": \"" + SINK.url("/view/x") + "\", \"atMostOnce\": true}"))
                .post("/api/watchlists").then().statusCode(400)
                .body("fields[0].field", org.hamcrest.Matchers.equalTo("destinations[0].atMostOnce"));
        given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"type\": \"EMAIL\", \"email\": \"a@example.org\", \"atMostOnce\": true}")
                .post("/api/watchlists/{id}/destinations", w.getString("id")).then().statusCode(400)
                .body("fields[0].field", org.hamcrest.Matchers.endsWith("atMostOnce"));
    }

    @Test
    void aSlackDestinationHasOneSendOutAtATime() {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String path = "/slow/slack-" + tag;
        List<String> drugs = List.of("ONE-" + tag, "TWO-" + tag, "THREE-" + tag, "FOUR-" + tag);
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("one at a time",
                "{\"drugs\": [\"" + String.join("\", \"", drugs) + "\"]}", "IMMEDIATE", slack(SINK.url(path), false)))
                .getString("id");
        drugs.forEach(d -> Fixtures.publish(Fixtures.her2Btd(d)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(path) == 4);
        assertThat(MOST_OUT.get(path).get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> history(token, id).stream()
                .allMatch(h -> "SENT".equals(h.get("status"))) && history(token, id).size() == 4);
        // Waiting for a free slot spends no attempt.
        assertThat(history(token, id)).allSatisfy(h -> assertThat(h.get("attempts")).isEqualTo(1));
    }

    @Test
    void aBurstToOneWebhookWaitsInLineWithinItsCapAndSpendsNoAttempt() {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String path = "/slow/hook-" + tag;
        List<String> drugs = IntStream.rangeClosed(1, 20).mapToObj(i -> "BURST" + i + "-" + tag).toList();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("burst",
                "{\"drugs\": [\"" + String.join("\", \"", drugs) + "\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(path), "burst-secret-" + tag))).getString("id");
        drugs.forEach(d -> Fixtures.publish(Fixtures.her2Btd(d)));

        await().atMost(Duration.ofSeconds(60)).until(() -> count(path) == 20);
        assertThat(MOST_OUT.get(path).get()).isBetween(1, 8); // bioalert.dispatch.in-flight-per-webhook
        await().atMost(Duration.ofSeconds(10)).until(() -> history(token, id).size() == 20
                && history(token, id).stream().allMatch(h -> "SENT".equals(h.get("status"))));
        assertThat(history(token, id)).allSatisfy(h -> assertThat(h.get("attempts")).isEqualTo(1));
    }

    @Test
    void aDeadInstancesClaimsAreFreedByTheNextHeartbeatNotByTheirLease() throws Exception {
        String token = Fixtures.signUp();
        String tag = UUID.randomUUID().toString();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("dead instance", "{\"drugs\": [\"NEVER-" + tag + "\"]}",
                "IMMEDIATE", slack(SINK.url("/dead/alo-" + tag), false), slack(SINK.url("/dead/amo-" + tag), true),
                slack(SINK.url("/dead/unregistered-" + tag), false), slack(SINK.url("/dead/alive-" + tag), false)));
        String watchlist = w.getString("id");
        String announcementId = storeAnnouncement("DEAD-" + tag);
        UUID dead = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        heartbeat(dead, Duration.ofMinutes(1));
        heartbeat(alive, Duration.ZERO);
        try {
            // As instances leave their claims: SENDING, one attempt spent, leased for another minute.
            leftSending(watchlist, w.getString("destinations[0].id"), announcementId, dead);
            leftSending(watchlist, w.getString("destinations[1].id"), announcementId, dead);
            leftSending(watchlist, w.getString("destinations[2].id"), announcementId, UUID.randomUUID());
            leftSending(watchlist, w.getString("destinations[3].id"), announcementId, alive);

            instances.refresh();
            instances.refresh();

            await().atMost(Duration.ofSeconds(15)).until(() -> count("/dead/alo-" + tag) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> "UNKNOWN".equals(
                    deliveryTo(token, watchlist, w.getString("destinations[1].id")).get("status")));
            Map<String, Object> unknown = deliveryTo(token, watchlist, w.getString("destinations[1].id"));
            assertThat((String) unknown.get("lastError")).contains("atMostOnce");
            assertThat(count("/dead/amo-" + tag)).isZero();
            assertThat(deliveryTo(token, watchlist, w.getString("destinations[0].id")))
                    .containsEntry("status", "SENT").containsEntry("attempts", 2);
            // A claim whose owner never wrote a heartbeat, or whose owner is alive, waits for its lease.
            assertThat(deliveryTo(token, watchlist, w.getString("destinations[2].id"))).containsEntry("status", "SENDING");
            assertThat(deliveryTo(token, watchlist, w.getString("destinations[3].id"))).containsEntry("status", "SENDING");
            assertThat(count("/dead/unregistered-" + tag) + count("/dead/alive-" + tag)).isZero();
            assertThat(heartbeatExists(dead)).isFalse();
            assertThat(heartbeatExists(alive)).isTrue();
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                            UPDATE delivery SET status = 'CANCELLED', lease_owner = NULL WHERE watchlist_id = ?""")) {
                ps.setObject(1, UUID.fromString(watchlist));
                ps.executeUpdate();
            }
            deleteHeartbeat(alive);
            deleteHeartbeat(dead);
        }
    }

    @Test
    void aSlackAnswerLostIsUnknownForAnAtMostOnceDestinationAndRetriedForTheOthers() throws Exception {
        try (HangUpServer hangUp = new HangUpServer()) {
            String token = Fixtures.signUp();
            String tag = UUID.randomUUID().toString();
            JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("hang up", "{\"drugs\": [\"HANG-" + tag + "\"]}",
                    "IMMEDIATE", slack(hangUp.url("/amo"), true), slack(hangUp.url("/alo"), false)));
            String id = w.getString("id");
            Fixtures.publish(Fixtures.her2Btd("HANG-" + tag));

            // The test profile gives up after 4 attempts, 200 ms backoff base.
            await().atMost(Duration.ofSeconds(30)).until(() -> history(token, id).size() == 2 && history(token, id)
                    .stream().allMatch(h -> List.of("UNKNOWN", "FAILED").contains(h.get("status"))));
            Map<String, Object> amo = deliveryTo(token, id, w.getString("destinations[0].id"));
            Map<String, Object> alo = deliveryTo(token, id, w.getString("destinations[1].id"));
            assertThat(amo).containsEntry("status", "UNKNOWN").containsEntry("attempts", 1);
            assertThat((String) amo.get("lastError")).contains("not sent again (atMostOnce)");
            assertThat(alo).containsEntry("status", "FAILED").containsEntry("attempts", 4);
            assertThat(hangUp.requests("/amo")).isEqualTo(1);
            assertThat(hangUp.requests("/alo")).isEqualTo(4);
            assertThat(given().header("Authorization", bearer(token))
                    .get("/api/watchlists/{id}/deliveries?status=UNKNOWN", id).then().statusCode(200)
                    .extract().jsonPath().getList("destinationId")).containsExactly(w.getString("destinations[0].id"));
        }
    }

    private String storeAnnouncement(String drug) throws Exception {
        String payload = Fixtures.JSON.writeValueAsString(Fixtures.her2Btd(drug));
        String id = JsonPath.from(payload).getString("announcement.id");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO announcement (id, payload, received_at) VALUES (?, ?, now())")) {
            ps.setString(1, id);
            ps.setString(2, payload);
            ps.executeUpdate();
        }
        return id;
    }

    private void leftSending(String watchlist, String destination, String announcementId, UUID owner) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO delivery (id, watchlist_id, destination_id, announcement_id, channel, status, attempts,
                                              next_attempt_at, lease_owner, reasons, created_at)
                        VALUES (gen_random_uuid(), ?, ?, ?, 'SLACK', 'SENDING', 1, now() + interval '1 minute', ?, '[]', now())""")) {
            ps.setObject(1, UUID.fromString(watchlist));
            ps.setObject(2, UUID.fromString(destination));
            ps.setString(3, announcementId);
            ps.setObject(4, owner);
            ps.executeUpdate();
        }
    }

    private void heartbeat(UUID instance, Duration age) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notify_instance (id, seen_at) VALUES (?, now() - ? * interval '1 second')
                ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at""")) {
            ps.setObject(1, instance);
            ps.setLong(2, age.toSeconds());
            ps.executeUpdate();
        }
    }

    private boolean heartbeatExists(UUID instance) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notify_instance WHERE id = ?")) {
            ps.setObject(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void deleteHeartbeat(UUID instance) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM notify_instance WHERE id = ?")) {
            ps.setObject(1, instance);
            ps.executeUpdate();
        }
    }

    /** Reads each request in full, then closes the connection without a word: the answer is lost. */
    private static final class HangUpServer implements AutoCloseable {
        private final ServerSocket server;
        private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
        private final Thread acceptor;

        HangUpServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::serve, "hang-up-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getLocalPort() + path;
        }

        int requests(String path) {
            return byPath.getOrDefault(path, new AtomicInteger()).get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    String path = readRequest(s.getInputStream());
                    if (path != null) {
                        byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed, or a client gone: next
                }
            }
        }

        /** The request line's path, after reading the head and a Content-Length body. */
        private static String readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            String[] lines = head.toString().split("\r\n");
            if (lines.length == 0 || lines[0].split(" ").length < 2) {
                return null;
            }
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            return body.length == length ? new String(lines[0].getBytes(StandardCharsets.ISO_8859_1)).split(" ")[1] : null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
