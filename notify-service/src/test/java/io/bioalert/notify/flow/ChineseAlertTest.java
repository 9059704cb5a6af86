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
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A Chinese announcement through every channel: the evidence stays in Chinese, the tag names stay English,
 * and nothing is lost on the way (RFC 2047 subject, UTF-8 mail parts, JSON bodies).
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class ChineseAlertTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final HttpSink SINK = HttpSink.start();
    private static final String EVIDENCE = "拟纳入突破性治疗品种";

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Test
    void chineseEvidenceReachesMailSlackAndWebhookIntactWithEnglishTagNames() throws Exception {
        String token = Fixtures.signUp();
        String hook = "/zh/hook/" + UUID.randomUUID();
        String slack = "/zh/slack/" + UUID.randomUUID();
        String address = "zh-" + UUID.randomUUID() + "@example.org";
        String watchlistId = Fixtures.createWatchlist(token, Fixtures.watchlist("HER2 在 NMPA",
                "{\"targets\": [\"ERBB2\"], \"agencies\": [\"NMPA\"]}", "IMMEDIATE",
                Fixtures.webhook(SINK.url(hook), SECRET), Fixtures.email(address),
                "{\"type\": \"SLACK\", \"url\": \"" + SINK.url(slack) + "\"}")).getString("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 1);
        given().post(Fixtures.confirmPath(Fixtures.mailTo(address).get(0))).then().statusCode(200);

        ClassifiedAnnouncement a = TestAnnouncements.her2BtdChineseNews();
        Fixtures.publish(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(hook) == 1 && count(slack) == 1
                && Fixtures.mailTo(address).size() == 2);

        MimeMessage mail = Fixtures.mailTo(address).get(1);
        String rawSubject = Fixtures.header(mail, "Subject");
        assertThat(rawSubject).as("RFC 2047 encoded word, ASCII on the wire").startsWith("=?").matches("\\p{ASCII}*")
                .containsIgnoringCase("utf-8");
        assertThat(mail.getSubject()).contains(EVIDENCE).contains("Breakthrough Therapy (NMPA)");
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < 2; i++) {
            BodyPart part = parts.getBodyPart(i);
            assertThat(part.getContentType()).containsIgnoringCase("charset=utf-8");
            assertThat(part.getContent().toString()).contains(EVIDENCE).contains("HER2双特异性")
                    .contains("Breakthrough Therapy (NMPA)").contains("HER2 (ERBB2)").contains("Bispecific ADC");
        }

        HttpSink.Request webhook = requests(hook).get(0);
        assertThat(webhook.header("Content-Type")).containsIgnoringCase("charset=utf-8");
        JsonPath body = JsonPath.from(webhook.body());
        assertThat(body.getString("announcement.classification.events[0].evidence")).isEqualTo(EVIDENCE);
        assertThat(body.getString("announcement.announcement.body")).isEqualTo(a.announcement().body());
        assertThat(body.getString("watchlist.name")).isEqualTo("HER2 在 NMPA");
        assertThat(body.getList("reasons.evidence")).contains("HER2双特异性");

        String blocks = requests(slack).get(0).body();
        assertThat(blocks).contains(EVIDENCE).contains("Breakthrough Therapy (NMPA)").contains("HER2 (ERBB2)");

        // The page's API: text and evidence as received.
        JsonPath page = given().header("Authorization", bearer(token)).get("/api/announcements")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("find { it.id == '" + a.id() + "' }.text")).contains(EVIDENCE);
        assertThat(page.<String>getList("find { it.id == '" + a.id() + "' }.tags.evidence")).contains(EVIDENCE);
        List<String> titles = given().header("Authorization", bearer(token))
                .get("/api/watchlists/{id}/deliveries", watchlistId).then().statusCode(200)
                .extract().jsonPath().getList("title");
        assertThat(titles).containsOnly(a.announcement().title());
    }

    private static List<HttpSink.Request> requests(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private static long count(String path) {
        return requests(path).size();
    }
}
