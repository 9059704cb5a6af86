package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The subscriber page and the API behind its list of what the watchlists caught. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class SubscriberPageTest {

    private static final HttpSink SINK = HttpSink.start();

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void aSubscriberSeesWhatTheirWatchlistsCaughtWithTheEvidenceLocatedInTheText() {
        String alice = Fixtures.signUp();
        String bob = Fixtures.signUp();
        String path = "/page/" + UUID.randomUUID();
        Fixtures.createWatchlist(alice, Fixtures.watchlist("HER2 news", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(path), "test-secret-0123456789abcdef")));
        ClassifiedAnnouncement a = Fixtures.her2Btd("QX-" + UUID.randomUUID().toString().substring(0, 6));
        Fixtures.publish(a);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SINK.requests().stream().anyMatch(r -> r.path().equals(path)));

        JsonPath page = given().header("Authorization", bearer(alice)).get("/api/announcements")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = page.getMap("find { it.id == '" + a.id() + "' }");
        assertThat(item).isNotNull();
        assertThat(page.<String>getList("find { it.id == '" + a.id() + "' }.watchlists")).containsExactly("HER2 news");
        String text = (String) item.get("text");
        assertThat(text).isEqualTo(a.announcement().fullText());
        List<String> marked = page.<Map<String, Object>>getList("find { it.id == '" + a.id() + "' }.highlights").stream()
                .map(s -> s.get("kind") + ":" + text.substring((Integer) s.get("start"), (Integer) s.get("end"))).toList();
        assertThat(marked).contains("Target:biparatopic HER2-targeting", "Modality:bispecific antibody-drug conjugate",
                "Event:has been granted breakthrough therapy designation by the U.S. Food and Drug Administration",
                "History:has been granted Fast Track Designation by the FDA");
        assertThat(page.getList("find { it.id == '" + a.id() + "' }.tags.kind")).contains("Event", "Target", "Modality");

        // Bob's watchlists caught nothing of it, and he sees nothing of Alice's.
        List<String> bobs = given().header("Authorization", bearer(bob)).get("/api/announcements")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(bobs).doesNotContain(a.id());
    }

    @Test
    void theListNeedsATokenAndABoundedLimit() {
        given().get("/api/announcements").then().statusCode(401);
        given().header("Authorization", bearer(Fixtures.signUp())).queryParam("limit", 0).get("/api/announcements")
                .then().statusCode(400).body("fields.field", hasItem(containsString("limit")));
    }

    /** Issue 13, hole 9: the page had no Content-Security-Policy and could be framed. */
    @Test
    void thePageAndTheLinkPagesCarryAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/", "/app.js", "/api/me", "/api/confirm/c_unknown", "/api/unsubscribe/u_unknown"}) {
            var r = given().get(path).then().extract();
            assertThat(r.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        // What the policy allows is enough for the page: nothing of it is inline.
        String html = given().get("/").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "style=")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(given().get("/app.js").then().statusCode(200).extract().asString()).doesNotContain("style=\"");
        given().get("/app.css").then().statusCode(200);
    }

    @Test
    void thePageIsServedAtTheRootAndUsesTheApi() {
        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("<title>BioAlert", "/app.js");
        assertThat(given().get("/app.js").then().statusCode(200).extract().asString())
                .contains("/api/watchlists", "/api/announcements", "/api/taxonomy", "Send test alert");
    }
}
