package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.calendar.reminder.ReminderJob;
import io.bioalert.notify.channel.webhook.WebhookSignature;
import io.bioalert.notify.config.SettableClock;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders and "date changed" notices through the watchlists' destinations, with the calendar clock set to
 * the days that matter instead of waiting for them: each reminder is sent once at its lead time, a moved date
 * is told once and reminded of again, and watchlists that ask for no reminders get none.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class CatalystRemindersTest {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final LocalDate SEP_12 = LocalDate.of(2027, 9, 12);
    private static final LocalDate DEC_12 = LocalDate.of(2027, 12, 12);
    private static final HttpSink SINK = HttpSink.start();

    @Inject
    SettableClock clock;
    @Inject
    ReminderJob job;

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<JsonPath> hooks(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).map(r -> JsonPath.from(r.body())).toList();
    }

    private static List<String> types(String path) {
        return hooks(path).stream().map(j -> j.getString("type")).toList();
    }

    /** The subjects of the notices of this type that reached {@code path}, in the order they came. */
    private static List<String> notices(String path, String type) {
        return hooks(path).stream().filter(j -> type.equals(j.getString("type"))).map(j -> j.getString("subject")).toList();
    }

    /** Sets the calendar clock to 9:00 UTC of {@code day} and runs the job as the scheduler would. */
    private int runOn(LocalDate day) throws Exception {
        clock.set(day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        return job.runOnce();
    }

    private static void awaitCatalyst(String token, String drug, String date) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", bearer(token))
                .get("/api/catalysts?from=2027-01-01&to=2027-12-31").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .anyMatch(c -> drug.equals(c.get("drug")) && date.equals(c.get("date"))));
    }

    @Test
    void eachReminderIsSentOnceAtItsLeadTimeAndAMovedDateIsToldOnceAndRemindedAgain() throws Exception {
        String token = Fixtures.signUp();
        String drug = "RMD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String defaults = "/h/" + UUID.randomUUID();
        String none = "/h/" + UUID.randomUUID();
        String digest = "/h/" + UUID.randomUUID();
        String filter = "{\"drugs\": [\"" + drug + "\"]}";
        String watchlistId = Fixtures.createWatchlist(token, Fixtures.watchlist("reminders by default", filter,
                "IMMEDIATE", Fixtures.webhook(SINK.url(defaults), SECRET))).getString("id");
        Fixtures.createWatchlist(token, "{\"name\": \"no reminders\", \"filter\": " + filter + ", \"reminders\": [], "
                + "\"destinations\": [" + Fixtures.webhook(SINK.url(none), SECRET) + "]}");
        Fixtures.createWatchlist(token, "{\"name\": \"daily, three days ahead\", \"filter\": " + filter + ", \"digest\": "
                + "\"DAILY\", \"reminders\": [3], \"destinations\": [" + Fixtures.webhook(SINK.url(digest), SECRET) + "]}");

        ClassifiedAnnouncement accepted = TestAnnouncements.blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12));
        Fixtures.publish(accepted);
        awaitCatalyst(token, drug, "2027-09-12");
        await().atMost(Duration.ofSeconds(20)).until(() -> types(defaults).size() == 1); // the acceptance's own alert
        assertThat(types(defaults)).containsExactly("alert");

        runOn(SEP_12.minusDays(8));
        runOn(SEP_12.minusDays(7));
        await().atMost(Duration.ofSeconds(20)).until(() -> types(defaults).size() == 2);
        assertThat(runOn(SEP_12.minusDays(7))).as("a second run the same day queues nothing").isZero();
        HttpSink.Request sent = SINK.requests().stream().filter(r -> r.path().equals(defaults)).toList().get(1);
        JsonPath reminder = JsonPath.from(sent.body());
        assertThat(reminder.getString("type")).isEqualTo("catalyst_reminder");
        assertThat(reminder.getString("subject")).isEqualTo("In 7 days: " + drug + " PDUFA date (FDA) on 2027-09-12");
        assertThat(reminder.getInt("daysBefore")).isEqualTo(7);
        assertThat(reminder.getString("catalyst.drug")).isEqualTo(drug);
        assertThat(reminder.getString("catalyst.evidence")).isEqualTo("PDUFA target action date of 2027-09-12");
        assertThat(reminder.getString("catalyst.announcement.url")).isEqualTo(accepted.announcement().url());
        assertThat(reminder.getString("watchlist.id")).isEqualTo(watchlistId);
        assertThat(reminder.getString("deliveryId")).isEqualTo(sent.header("Idempotency-Key"));
        assertThat(WebhookSignature.verify(SECRET, sent.header(WebhookSignature.TIMESTAMP_HEADER), sent.body(),
                sent.header(WebhookSignature.SIGNATURE_HEADER), Instant.now().getEpochSecond(), 300)).isTrue();

        assertThat(runOn(SEP_12.minusDays(6))).isZero();
        runOn(SEP_12.minusDays(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> hooks(digest).size() == 1);
        assertThat(hooks(digest).get(0).getString("subject")).as("a digest watchlist is reminded at once")
                .startsWith("In 3 days: ");
        runOn(SEP_12.minusDays(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> types(defaults).size() == 3);
        assertThat(hooks(defaults).get(2).getString("subject")).startsWith("Tomorrow: " + drug);

        // The review is extended: the move is told once, and the new date is reminded of in its turn.
        ClassifiedAnnouncement extended = TestAnnouncements.pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 9, 11));
        Fixtures.publish(extended);
        awaitCatalyst(token, drug, "2027-12-12");
        runOn(SEP_12.minusDays(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(defaults, "catalyst_date_changed").size() == 1);
        JsonPath changed = hooks(defaults).stream().filter(j -> j.getString("type").equals("catalyst_date_changed"))
                .findFirst().orElseThrow();
        assertThat(changed.getString("subject")).isEqualTo("Date changed: " + drug + " PDUFA date (FDA) moved from "
                + "2027-09-12 to 2027-12-12");
        assertThat(changed.getString("previous.date")).isEqualTo("2027-09-12");
        assertThat(changed.getString("url")).isEqualTo(extended.announcement().url());
        assertThat(runOn(SEP_12.minusDays(1))).isZero();

        runOn(DEC_12.minusDays(7));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(defaults, "catalyst_reminder").size() == 3);
        assertThat(runOn(DEC_12.minusDays(7))).isZero();
        assertThat(notices(defaults, "catalyst_reminder")).containsExactly(
                "In 7 days: " + drug + " PDUFA date (FDA) on 2027-09-12",
                "Tomorrow: " + drug + " PDUFA date (FDA) on 2027-09-12",
                "In 7 days: " + drug + " PDUFA date (FDA) on 2027-12-12");
        assertThat(notices(defaults, "catalyst_date_changed")).hasSize(1);
        // The extension is news of its own for a watchlist on the drug: an alert, as any announcement.
        await().atMost(Duration.ofSeconds(20)).until(() -> types(defaults).stream().filter("alert"::equals).count() == 2);
        assertThat(types(none)).as("a watchlist that asks for no reminders gets its alerts only").containsOnly("alert");
        assertThat(types(digest)).containsExactly("catalyst_reminder", "catalyst_date_changed");

        // The history lists the notices by their subject; the caught announcements do not.
        List<Map<String, Object>> history = given().header("Authorization", bearer(token))
                .get("/api/watchlists/{id}/deliveries", watchlistId).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).extracting(h -> h.get("kind")).containsExactlyInAnyOrder("catalyst_reminder",
                "catalyst_date_changed", "catalyst_reminder", "catalyst_reminder", "alert", "alert");
        assertThat(history.get(0)).containsEntry("title", "In 7 days: " + drug + " PDUFA date (FDA) on 2027-12-12")
                .containsEntry("status", "SENT");
        List<String> caught = given().header("Authorization", bearer(token)).get("/api/announcements?limit=100").then()
                .statusCode(200).extract().jsonPath().getList("id");
        assertThat(caught).contains(accepted.id()).allMatch(id -> id.startsWith("u-"));
    }

    @Test
    void aReminderMailNamesTheCatalystItsEvidenceAndItsLink() throws Exception {
        String token = Fixtures.signUp();
        String drug = "RMM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String address = "reminded-" + UUID.randomUUID() + "@example.org";
        Fixtures.createWatchlist(token, "{\"name\": \"by mail\", \"filter\": {\"drugs\": [\"" + drug + "\"]}, "
                + "\"reminders\": [14], \"destinations\": [" + Fixtures.email(address) + "]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 1);
        given().post(Fixtures.confirmPath(Fixtures.mailTo(address).get(0))).then().statusCode(200);

        ClassifiedAnnouncement accepted = TestAnnouncements.blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12));
        Fixtures.publish(accepted);
        awaitCatalyst(token, drug, "2027-09-12");
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.mailTo(address).size() == 2); // the alert
        runOn(SEP_12.minusDays(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.mailTo(address).size() == 3);
        MimeMessage mail = Fixtures.mailTo(address).get(2);
        assertThat(mail.getSubject()).isEqualTo("[BioAlert] In 10 days: " + drug + " PDUFA date (FDA) on 2027-09-12");
        assertThat(Fixtures.header(mail, "List-Unsubscribe")).contains("/api/unsubscribe/");
        String deliveryId = Fixtures.header(mail, "X-BioAlert-Delivery");
        assertThat(Fixtures.header(mail, "Message-ID")).isEqualTo("<" + deliveryId + "@bioalert>");
        Multipart parts = (Multipart) mail.getContent();
        String text = parts.getBodyPart(0).getContent().toString();
        assertThat(text).contains("\"PDUFA target action date of 2027-09-12\"").contains(accepted.announcement().url())
                .contains("watchlist \"by mail\"");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<a href=\"" + accepted.announcement().url() + "\">");
    }
}
