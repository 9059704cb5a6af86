package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The catalyst calendar through Kafka and the API: catalysts of every announcement are kept, listed for the
 * watchlists whose filter one of their announcements matches, and published as an iCalendar feed at a secret
 * address where a moved date keeps its event (same UID, next SEQUENCE) and an approval marks it met.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class CatalystCalendarTest {

    private static final LocalDate SEP_12 = LocalDate.of(2027, 9, 12);
    private static final LocalDate DEC_12 = LocalDate.of(2027, 12, 12);
    private static final HttpSink SINK = HttpSink.start();

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    private static String drug() {
        return "CVT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String watchlist(String token, String name, String filter) {
        return Fixtures.createWatchlist(token, Fixtures.watchlist(name, filter, "IMMEDIATE",
                Fixtures.webhook(SINK.url("/h/" + UUID.randomUUID()), "test-secret-0123456789abcdef"))).getString("id");
    }

    private static Response catalysts(String token, String query) {
        return given().header("Authorization", bearer(token)).get("/api/catalysts" + query);
    }

    /** The caller's catalysts of {@code drug} in 2027, once they match {@code condition}. */
    private static Map<String, Object> awaitCatalyst(String token, String drug, java.util.function.Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> all = catalysts(token, "?from=2027-01-01&to=2027-12-31").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            return all.stream().filter(c -> drug.equals(c.get("drug"))).findFirst().orElse(null);
        }, c -> c != null && condition.test(c));
    }

    @Test
    void catalystsAreKeptWhateverMatchedAndListedForTheWatchlistsTheirAnnouncementsMatch() {
        String token = Fixtures.signUp();
        String drug = drug();
        String her2 = watchlist(token, "HER2 ADCs", "{\"targets\": [\"ERBB2\"], \"modalities\": [\"ADC\"]}");
        String kras = watchlist(token, "KRAS", "{\"targets\": [\"KRAS\"]}");
        String approvals = watchlist(token, "approvals", "{\"drugs\": [\"" + drug + "\"], \"eventTypes\": [\"APPROVAL\"]}");

        ClassifiedAnnouncement accepted = TestAnnouncements.blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12));
        Fixtures.publish(accepted);
        Map<String, Object> c = awaitCatalyst(token, drug, x -> true);
        assertThat(c).containsEntry("kind", "PDUFA").containsEntry("agency", "FDA").containsEntry("date", "2027-09-12")
                .containsEntry("precision", "DAY").containsEntry("period", "2027-09-12").containsEntry("status", "OPEN")
                .containsEntry("sequence", 0).containsEntry("evidence", "PDUFA target action date of 2027-09-12");
        assertThat(JsonPath.from(json(c)).getString("announcement.url")).isEqualTo(accepted.announcement().url());
        assertThat(JsonPath.from(json(c)).getList("watchlists.id")).containsExactly(her2);

        // A story no watchlist would have caught on its own (no event) still moves the catalyst it names.
        ClassifiedAnnouncement extended = TestAnnouncements.pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 6, 20));
        Fixtures.publish(extended);
        Map<String, Object> moved = awaitCatalyst(token, drug, x -> "2027-12-12".equals(x.get("date")));
        JsonPath m = JsonPath.from(json(moved));
        assertThat(m.getInt("sequence")).isEqualTo(1);
        assertThat(m.getString("moves[0].from")).isEqualTo("2027-09-12");
        assertThat(m.getString("moves[0].to")).isEqualTo("2027-12-12");
        assertThat(m.getString("moves[0].announcement.id")).isEqualTo(extended.id());
        assertThat(m.getString("moves[0].announcement.title")).isEqualTo(extended.announcement().title());

        Fixtures.publish(TestAnnouncements.fdaOutcome(drug, "APPROVAL", LocalDate.of(2027, 12, 10)));
        JsonPath met = JsonPath.from(json(awaitCatalyst(token, drug, x -> "MET".equals(x.get("status")))));
        assertThat(met.getString("outcome.status")).isEqualTo("MET");
        assertThat(met.getString("outcome.on")).isEqualTo("2027-12-10");
        assertThat(met.getList("watchlists.id")).as("the approval behind it matches the approvals watchlist now")
                .containsExactlyInAnyOrder(her2, approvals);

        assertThat(catalysts(token, "?from=2027-01-01&to=2027-12-31&watchlist=" + kras).then().statusCode(200)
                .extract().jsonPath().getList("drug")).doesNotContain(drug);
        assertThat(catalysts(token, "?from=2027-01-01&to=2027-12-31&watchlist=" + her2).then().statusCode(200)
                .extract().jsonPath().getList("drug")).contains(drug);
        assertThat(catalysts(token, "?from=2028-01-01&to=2028-12-31").then().statusCode(200)
                .extract().jsonPath().getList("drug")).doesNotContain(drug);
        assertThat(catalysts(token, "?from=2027-12-12&to=2027-12-12").then().statusCode(200)
                .extract().jsonPath().getList("drug")).contains(drug);
    }

    @Test
    void badDatesAndWatchlistsAre400sNamingTheFieldAndTheApiNeedsAToken() {
        String token = Fixtures.signUp();
        String other = watchlist(Fixtures.signUp(), "someone else's", "{\"targets\": [\"ERBB2\"]}");
        catalysts(token, "?from=2027-13-01").then().statusCode(400).body("fields[0].field", equalTo("from"));
        catalysts(token, "?to=next-week").then().statusCode(400).body("fields[0].field", equalTo("to"));
        catalysts(token, "?from=2027-06-01&to=2027-05-31").then().statusCode(400).body("fields[0].field", equalTo("to"));
        catalysts(token, "?from=2027-01-01&to=2037-01-01").then().statusCode(400).body("fields[0].field", equalTo("to"));
        catalysts(token, "?watchlist=" + other).then().statusCode(400).body("fields[0].field", equalTo("watchlist"));
        catalysts(token, "?watchlist=" + UUID.randomUUID()).then().statusCode(400).body("fields[0].field", equalTo("watchlist"));
        catalysts(token, "?watchlist=nope").then().statusCode(400).body("fields[0].field", equalTo("watchlist"));
        given().get("/api/catalysts").then().statusCode(401);
        given().header("Authorization", "Bearer bat_wrong").get("/api/catalysts").then().statusCode(401);
        catalysts(token, "").then().statusCode(200).body("size()", equalTo(0)); // no watchlist, no catalyst
    }

    @Test
    void theFeedShowsOneEventThatMovesAndIsMarkedMetAtASecretAddressThatCanBeReplaced() throws Exception {
        String token = Fixtures.signUp();
        String drug = drug();
        watchlist(token, "this drug", "{\"drugs\": [\"" + drug + "\"]}");
        given().header("Authorization", bearer(token)).get("/api/calendar/feed").then().statusCode(200)
                .body("active", equalTo(false));
        String url = given().header("Authorization", bearer(token)).post("/api/calendar/feed").then().statusCode(201)
                .body("active", equalTo(true)).extract().path("url");
        assertThat(url).matches("http://localhost:8083/calendar/cal_[A-Za-z0-9_-]{43}\\.ics");
        String feed = URI.create(url).getPath();

        Fixtures.publish(TestAnnouncements.blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)));
        VEvent first = await().atMost(Duration.ofSeconds(20)).until(() -> event(feed, drug), e -> e != null);
        String uid = value(first, "UID");
        assertThat(value(first, "SEQUENCE")).isEqualTo("0");
        assertThat(first.getStartDate().orElseThrow().getDate()).isEqualTo(SEP_12);
        assertThat(value(first, "SUMMARY")).isEqualTo(drug + " PDUFA date (FDA)");

        Fixtures.publish(TestAnnouncements.pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 6, 20)));
        VEvent moved = await().atMost(Duration.ofSeconds(20)).until(() -> event(feed, drug),
                e -> e != null && "1".equals(value(e, "SEQUENCE")));
        assertThat(value(moved, "UID")).isEqualTo(uid);
        assertThat(moved.getStartDate().orElseThrow().getDate()).isEqualTo(DEC_12);
        assertThat(value(moved, "DESCRIPTION")).contains("Moved from 2027-09-12 to 2027-12-12 (FDA extends review of " + drug);

        Fixtures.publish(TestAnnouncements.fdaOutcome(drug, "APPROVAL", LocalDate.of(2027, 12, 10)));
        VEvent met = await().atMost(Duration.ofSeconds(20)).until(() -> event(feed, drug),
                e -> e != null && "2".equals(value(e, "SEQUENCE")));
        assertThat(value(met, "UID")).isEqualTo(uid);
        assertThat(value(met, "SUMMARY")).isEqualTo(drug + " PDUFA date (FDA): met");
        assertThat(value(met, "X-BIOALERT-OUTCOME")).isEqualTo("MET");
        assertThat(met.getStartDate().orElseThrow().getDate()).isEqualTo(DEC_12);

        // A new address replaces the old one; revoking it leaves none.
        String newUrl = given().header("Authorization", bearer(token)).post("/api/calendar/feed").then().statusCode(201)
                .extract().path("url");
        given().get(feed).then().statusCode(404);
        given().get(URI.create(newUrl).getPath()).then().statusCode(200);
        given().header("Authorization", bearer(token)).get("/api/calendar/feed").then().statusCode(200)
                .body("active", equalTo(true)).body("url", equalTo(null));
        given().header("Authorization", bearer(token)).delete("/api/calendar/feed").then().statusCode(204);
        given().get(URI.create(newUrl).getPath()).then().statusCode(404);
        given().get("/calendar/cal_" + "x".repeat(43) + ".ics").then().statusCode(404);
        given().post("/api/calendar/feed").then().statusCode(401);
    }

    /** The feed's event for {@code drug}, read with ical4j, or null while there is none. */
    private static VEvent event(String feedPath, String drug) throws Exception {
        Response r = given().get(feedPath);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        Calendar calendar = new CalendarBuilder().build(new StringReader(r.asString()));
        List<VEvent> events = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "SUMMARY").startsWith(drug + " ")).toList();
        assertThat(events.size()).isLessThanOrEqualTo(1);
        return events.isEmpty() ? null : events.get(0);
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String json(Object o) {
        try {
            return Fixtures.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
