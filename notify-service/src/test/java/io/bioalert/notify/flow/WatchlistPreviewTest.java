package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/watchlists/preview}: what a filter would have caught, the same set live matching caught. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class WatchlistPreviewTest {

    private static final HttpSink SINK = HttpSink.start();
    private static final String SECRET = "test-secret-0123456789abcdef";

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void aPreviewMadeAfterTheFactCatchesWhatALiveCopyOfTheWatchlistCaught() {
        String token = Fixtures.signUp();
        // Filters of each kind the matcher treats apart: tags only, a parent modality, history, company, keyword.
        List<String> filters = List.of(
                "{\"targets\": [\"ERBB2\"], \"eventTypes\": [\"BREAKTHROUGH_THERAPY\"]}",
                "{\"modalities\": [\"ADC\"], \"agencies\": [\"NMPA\"]}",
                "{\"eventTypes\": [\"FAST_TRACK\", \"IND_CLEARANCE\"], \"includeHistory\": true}",
                "{\"companies\": [\"Hengyu\"], \"eventTypes\": [\"PRIORITY_REVIEW\"]}",
                "{\"keywords\": [\"ovarian cancer\", \"胃癌\"], \"agencies\": [\"FDA\", \"NMPA\"]}",
                "{\"keywords\": [\"gastric cancer\"]}");
        Map<String, String> liveCopies = new LinkedHashMap<>();
        for (String filter : filters) {
            String path = "/preview/" + UUID.randomUUID();
            liveCopies.put(filter, Fixtures.createWatchlist(token, Fixtures.watchlist("live", filter, "IMMEDIATE",
                    Fixtures.webhook(SINK.url(path), SECRET))).getString("id"));
        }
        // Stores every announcement below, so that what a filter must not catch is there to be wrongly caught.
        String all = "/preview-all/" + UUID.randomUUID();
        Fixtures.createWatchlist(token, Fixtures.watchlist("everything", "{\"agencies\": [\"FDA\", \"NMPA\"], "
                + "\"includeHistory\": true}", "IMMEDIATE", Fixtures.webhook(SINK.url(all), SECRET)));

        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<ClassifiedAnnouncement> published = List.of(TestAnnouncements.her2Btd("PV-A" + tag),
                TestAnnouncements.her2PriorityReview("PV-B" + tag), TestAnnouncements.trop2BtdRelease("PV-C" + tag),
                TestAnnouncements.trop2PriorityReview("PV-D" + tag), TestAnnouncements.her2BtdChineseNews());
        published.forEach(Fixtures::publish);
        await().atMost(Duration.ofSeconds(30)).until(() -> SINK.requests().stream()
                .filter(r -> r.path().equals(all)).count() == published.size());
        Set<String> ids = new HashSet<>(published.stream().map(ClassifiedAnnouncement::id).toList());

        for (Map.Entry<String, String> live : liveCopies.entrySet()) {
            Set<String> caughtLive = new HashSet<>(await().atMost(Duration.ofSeconds(10)).until(
                    () -> deliveredAnnouncements(token, live.getValue()), d -> d.size() == deliveredAnnouncements(token,
                            live.getValue()).size()));
            caughtLive.retainAll(ids);
            JsonPath preview = preview(token, live.getKey()).then().statusCode(200).extract().jsonPath();
            Set<String> previewed = new HashSet<>(preview.getList("newest.id"));
            previewed.retainAll(ids);
            assertThat(previewed).as("preview of %s", live.getKey()).isEqualTo(caughtLive);
            assertThat(preview.getInt("count")).isGreaterThanOrEqualTo(caughtLive.size());
            assertThat(preview.getList("perWeek.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(preview.getInt("count"));
        }
        assertThat(liveCopies.keySet()).allSatisfy(f -> assertThat(deliveredAnnouncements(token, liveCopies.get(f)))
                .as("every filter of this test catches something").isNotEmpty());

        // The reasons are those the live alert gave.
        String first = liveCopies.values().iterator().next();
        JsonPath history = given().header("Authorization", bearer(token)).get("/api/watchlists/" + first + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        JsonPath preview = preview(token, filters.get(0)).then().extract().jsonPath();
        String id = published.get(0).id();
        assertThat(preview.getList("newest.find { it.id == '" + id + "' }.reasons.field"))
                .isEqualTo(history.getList("find { it.announcementId == '" + id + "' }.reasons.field"));
        assertThat(preview.getString("newest.find { it.id == '" + id + "' }.url")).isEqualTo(published.get(0).announcement().url());
    }

    @Test
    void aPreviewIsRefusedLikeAWatchlistWithTheFieldNamed() {
        String token = Fixtures.signUp();
        given().contentType(ContentType.JSON).body("{\"filter\": {\"targets\": [\"ERBB2\"]}}")
                .post("/api/watchlists/preview").then().statusCode(401);
        preview(token, "{\"targets\": [\"NOT_A_TARGET\"]}").then().statusCode(400)
                .body("fields.field", hasItem("filter.targets[0]"));
        preview(token, "{}").then().statusCode(400).body("fields.field", hasItem("filter"));
        preview(token, "{\"keywords\": [\"  \"]}").then().statusCode(400)
                .body("fields.field", hasItem(org.hamcrest.Matchers.startsWith("filter.keywords")));
    }

    private static io.restassured.response.Response preview(String token, String filter) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body("{\"filter\": " + filter + "}").post("/api/watchlists/preview");
    }

    private static List<String> deliveredAnnouncements(String token, String watchlist) {
        return new ArrayList<>(given().header("Authorization", bearer(token))
                .get("/api/watchlists/" + watchlist + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("announcementId"));
    }
}
