package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.model.Topics;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.KafkaTestClient;
import io.bioalert.testkit.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * notify-service is killed (no shutdown, like a crash) while alerts are in flight and started again:
 * every (watchlist, announcement) is delivered, and under one delivery id only. A request whose answer
 * the crash swallowed may reach the receiver again, but with the same Idempotency-Key, which is what lets
 * a receiver drop it; the number of such repeats is printed.
 */
@RealInfrastructure
class NotifyRestartIT {

    private static final int ANNOUNCEMENTS = 300;

    private final E2eStack stack = E2eStack.get();

    @Test
    void killingNotifyMidBatchLosesNoAlertAndDuplicatesNone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // One company, a drug of its own per story: the same drug and event in 300 stories would be one
        // piece of news, one alert.
        String company = "Acme " + run;
        String hookPath = "/hooks/restart-" + run;
        stack.webhooks.respondWith(r -> {
            if (r.path().equals(hookPath)) {
                ServiceProcess.sleep(20); // a receiver that takes its time keeps deliveries in flight
            }
            return HttpSink.Response.ok("ok");
        });
        String token = Api.post(stack.notify.url("/api/subscribers"), null,
                "{\"email\": \"ops-" + run + "@example.org\"}", 201).path("token").asText();
        Api.post(stack.notify.url("/api/watchlists"), token, """
                {"name": "restart drill", "filter": {"companies": ["%s"]},
                 "destinations": [{"type": "WEBHOOK", "url": "%s", "ratePerMinute": 900}]}
                """.formatted(company, stack.webhooks.url(hookPath)), 201);
        // Give every notify instance's watchlist index time to see the new watchlist.
        ServiceProcess.sleep(2500);

        Map<String, String> records = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            String id = "restart-" + run + "-" + i;
            records.put(id, classified(id, "RST-" + run + "-" + i, company));
        }
        new KafkaTestClient(stack.infra.kafkaBootstrapServers()).sendAll(Topics.CLASSIFIED, records);

        // The destination's rate limit (15/s) spreads the batch over 20 s: the kill lands mid-batch.
        await().atMost(Duration.ofSeconds(60)).until(() -> hooks(hookPath).size() >= 40);
        stack.notify.kill();
        int beforeRestart = hooks(hookPath).size();
        assertThat(beforeRestart).as("the kill came while alerts were in flight").isLessThan(ANNOUNCEMENTS);
        stack.replaceNotify();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> announcementIds(hooks(hookPath)).size() == ANNOUNCEMENTS);
        ServiceProcess.sleep(3000); // anything sent twice would arrive by now

        List<HttpSink.Request> received = hooks(hookPath);
        Map<String, Set<String>> deliveryIdsByAnnouncement = received.stream().collect(Collectors.groupingBy(
                r -> announcementId(r), Collectors.mapping(r -> r.header("Idempotency-Key"), Collectors.toSet())));
        assertThat(deliveryIdsByAnnouncement).hasSize(ANNOUNCEMENTS);
        assertThat(deliveryIdsByAnnouncement.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        System.out.printf("restart drill: %d announcements, %d webhooks before the kill, %d requests in all, "
                + "%d repeats of a delivery id%n", ANNOUNCEMENTS, beforeRestart, received.size(),
                received.size() - ANNOUNCEMENTS);
    }

    private List<HttpSink.Request> hooks(String path) {
        return stack.webhooks.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static Set<String> announcementIds(List<HttpSink.Request> requests) {
        return requests.stream().map(NotifyRestartIT::announcementId).collect(Collectors.toSet());
    }

    private static String announcementId(HttpSink.Request r) {
        return Api.readTree(r.body()).path("announcement").path("announcement").path("id").asText();
    }

    private static String classified(String id, String drug, String company) {
        return """
                {"schemaVersion":1,"classifierVersion":"e2e","classifiedAt":"2026-11-20T10:00:00Z",
                 "announcement":{"schemaVersion":1,"id":"%1$s","title":"%2$s receives FDA Fast Track",
                   "body":"Acme announced that the FDA granted Fast Track designation to %2$s.",
                   "url":"https://news.example.org/%1$s","publishedAt":"2026-11-20","source":"e2e"},
                 "classification":{"id":"%1$s","targets":[],"modalities":[{"id":"SMALL_MOLECULE"}],
                   "events":[{"type":"FAST_TRACK","agency":"FDA","primary":true,"evidence":"granted Fast Track"}],
                   "drugs":["%2$s"],"companies":["%3$s"],"indications":[],"trials":[]}}
                """.formatted(id, drug, company);
    }
}
