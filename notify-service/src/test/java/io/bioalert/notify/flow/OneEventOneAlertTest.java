package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.model.ClassifiedAnnouncement;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One piece of news, one alert per watchlist and destination: the company's English release, its Chinese
 * HKEX notice and a trade-press story about the same designation of the same drug code are three
 * announcements, and the later two are attached to the first one's alert instead of sent.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class OneEventOneAlertTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start();

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    /** A drug code of this test's own, so that no other test's watchlist or event key meets it. */
    private static String drugCode() {
        return "HYB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void theEnglishReleaseTheChineseNoticeAndTheTradePressAreOneAlertPerWatchlist() throws Exception {
        String token = Fixtures.signUp();
        String drug = drugCode();
        String byDrug = "/one/" + UUID.randomUUID();
        String byDrugAndEvent = "/one/" + UUID.randomUUID();
        String byDrugId = Fixtures.createWatchlist(token, Fixtures.watchlist("drug", "{\"drugs\": [\"" + drug + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(byDrug), SECRET))).getString("id");
        Fixtures.createWatchlist(token, Fixtures.watchlist("drug and designation", "{\"drugs\": [\"" + drug + "\"], "
                + "\"eventTypes\": [\"BREAKTHROUGH_THERAPY\"], \"agencies\": [\"NMPA\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(byDrugAndEvent), SECRET)));

        ClassifiedAnnouncement release = TestAnnouncements.trop2BtdRelease(drug);
        Fixtures.publish(release);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(byDrug) == 1 && count(byDrugAndEvent) == 1);

        ClassifiedAnnouncement notice = TestAnnouncements.trop2BtdHkexNotice(drug);
        ClassifiedAnnouncement tradePress = TestAnnouncements.trop2BtdTradePress(drug,
                drug.toLowerCase().replace("-", " "));
        Fixtures.publish(notice);
        Fixtures.publish(notice); // a redelivery attaches nothing twice
        Fixtures.publish(tradePress);

        await().atMost(Duration.ofSeconds(20)).until(() -> alsoReported(token, byDrugId).size() == 2);
        Thread.sleep(1500); // room for a second alert to show up, if the event key failed
        assertThat(count(byDrug)).isEqualTo(1);
        assertThat(count(byDrugAndEvent)).isEqualTo(1);
        assertThat(JsonPath.from(requests(byDrug).get(0).body()).getString("announcement.announcement.id"))
                .isEqualTo(release.id());

        List<Map<String, Object>> history = history(token, byDrugId);
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("announcementId", release.id()).containsEntry("status", "SENT");
        List<Map<String, Object>> attached = alsoReported(token, byDrugId);
        assertThat(attached).extracting(r -> r.get("announcementId")).containsExactlyInAnyOrder(notice.id(), tradePress.id());
        Map<String, Object> chinese = attached.stream().filter(r -> notice.id().equals(r.get("announcementId")))
                .findFirst().orElseThrow();
        assertThat(chinese).containsEntry("title", notice.announcement().title())
                .containsEntry("url", notice.announcement().url());

        // The subscriber's list shows the news once, with the other reports under it.
        JsonPath page = given().header("Authorization", bearer(token)).get("/api/announcements")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.<String>getList("id")).contains(release.id()).doesNotContain(notice.id(), tradePress.id());
        assertThat(page.<String>getList("find { it.id == '" + release.id() + "' }.alsoReported.url"))
                .containsExactlyInAnyOrder(notice.announcement().url(), tradePress.announcement().url());
    }

    @Test
    void reportsArrivingTogetherOnSeveralPartitionsAreStillOneAlertPerDestination() throws Exception {
        String token = Fixtures.signUp();
        String drug = drugCode();
        String tag = UUID.randomUUID().toString();
        List<String> paths = List.of("/together/" + tag + "/a", "/together/" + tag + "/b", "/together/" + tag + "/c");
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("drug", "{\"drugs\": [\"" + drug + "\"]}",
                "IMMEDIATE", paths.stream().map(p -> Fixtures.webhook(SINK.url(p), SECRET)).toArray(String[]::new)))
                .getString("id");

        // Three keys, so most likely three partitions, consumed in parallel: the claims race in PostgreSQL.
        List<ClassifiedAnnouncement> reports = List.of(TestAnnouncements.trop2BtdRelease(drug),
                TestAnnouncements.trop2BtdHkexNotice(drug), TestAnnouncements.trop2BtdTradePress(drug, drug));
        reports.forEach(Fixtures::publish);

        await().atMost(Duration.ofSeconds(20)).until(() -> alsoReported(token, id).size() == 6
                && paths.stream().allMatch(p -> count(p) == 1));
        Thread.sleep(1000); // room for a second alert to show up, if a claim failed
        assertThat(paths).allSatisfy(p -> assertThat(count(p)).isEqualTo(1));
        List<Map<String, Object>> history = history(token, id);
        assertThat(history).hasSize(3).extracting(h -> h.get("announcementId")).containsOnly(history.get(0).get("announcementId"));
    }

    @Test
    void anotherEventOfTheSameDrugIsANewAlert() {
        String token = Fixtures.signUp();
        String drug = drugCode();
        String path = "/other-event/" + UUID.randomUUID();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("drug", "{\"drugs\": [\"" + drug + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET))).getString("id");

        ClassifiedAnnouncement designation = TestAnnouncements.trop2BtdHkexNotice(drug);
        Fixtures.publish(designation);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 1);
        ClassifiedAnnouncement review = TestAnnouncements.trop2PriorityReview(drug);
        Fixtures.publish(review);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 2);

        assertThat(requests(path)).extracting(r -> JsonPath.from(r.body()).getString("announcement.announcement.id"))
                .containsExactlyInAnyOrder(designation.id(), review.id());
        assertThat(history(token, id)).allSatisfy(h -> assertThat((List<?>) h.get("alsoReported")).isEmpty());
    }

    @Test
    void theSameEventOutsideTheWindowIsANewAlert() throws Exception {
        String token = Fixtures.signUp();
        String drug = drugCode();
        String path = "/window/" + UUID.randomUUID();
        String id = Fixtures.createWatchlist(token, Fixtures.watchlist("drug", "{\"drugs\": [\"" + drug + "\"]}",
                "IMMEDIATE", Fixtures.webhook(SINK.url(path), SECRET))).getString("id");

        Fixtures.publish(TestAnnouncements.trop2BtdRelease(drug));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 1);

        // The window (14 days) passes.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE event_alert SET alerted_at = now() - interval '15 days' WHERE watchlist_id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        ClassifiedAnnouncement late = TestAnnouncements.trop2BtdHkexNotice(drug);
        Fixtures.publish(late);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(path) == 2);
        assertThat(JsonPath.from(requests(path).get(1).body()).getString("announcement.announcement.id"))
                .isEqualTo(late.id());

        // The new alert now holds the key: a third report within the window is attached to it.
        ClassifiedAnnouncement third = TestAnnouncements.trop2BtdTradePress(drug, drug);
        Fixtures.publish(third);
        await().atMost(Duration.ofSeconds(20)).until(() -> alsoReported(token, id).size() == 1);
        Thread.sleep(1000);
        assertThat(count(path)).isEqualTo(2);
        Map<String, Object> holder = history(token, id).stream()
                .filter(h -> !((List<?>) h.get("alsoReported")).isEmpty()).findFirst().orElseThrow();
        assertThat(holder).containsEntry("announcementId", late.id());
    }

    private static List<Map<String, Object>> history(String token, String watchlistId) {
        return given().header("Authorization", bearer(token)).get("/api/watchlists/{id}/deliveries", watchlistId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Every report attached to any of the watchlist's alerts. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alsoReported(String token, String watchlistId) {
        return history(token, watchlistId).stream()
                .flatMap(h -> ((List<Map<String, Object>>) h.get("alsoReported")).stream()).toList();
    }

    private static List<HttpSink.Request> requests(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static long count(String path) {
        return requests(path).size();
    }
}
