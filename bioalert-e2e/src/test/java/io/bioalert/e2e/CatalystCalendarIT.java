package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The catalyst calendar across the three service processes: a BLA acceptance with a PDUFA date, an extension
 * that moves it three months, and the approval, pushed into ingest as text and classified on the way. The
 * subscriber's calendar feed (read with ical4j) shows one event that moves and is then marked met; the webhook
 * receives the "date changed" notice once and, with notify's calendar clock set to a week before the new date,
 * the reminder once. The clock is notify's {@code BIOALERT_TEST_CLOCK}, set by starting notify again with it.
 */
@RealInfrastructure
class CatalystCalendarIT {

    private final E2eStack stack = E2eStack.get();

    @AfterAll
    static void notifyAsItWas() {
        E2eStack.get().restartNotify(Map.of());
    }

    @Test
    void aPdufaDateMovesIsRemindedOnceAtItsLeadTimeAndIsMarkedMetInTheFeed() throws Exception {
        // June 21, 2027: the day after the extension, months before either PDUFA date.
        stack.restartNotify(Map.of("BIOALERT_TEST_CLOCK", "2027-06-21T09:00:00Z"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String drug = "CVT-" + (1000 + Math.abs(run.hashCode() % 9000));
        String hookPath = "/hooks/calendar-" + run;
        Subscriber analyst = Subscriber.signUp(stack, "bd-" + run + "@example.org");
        String watchlist = Api.post(stack.notify.url("/api/watchlists"), analyst.token, """
                {"name": "Corvane's HER2 ADC", "filter": {"drugs": ["%s"]},
                 "destinations": [{"type": "WEBHOOK", "url": "%s", "secret": "e2e-secret-0123456789"}]}
                """.formatted(drug, stack.webhooks.url(hookPath)), 201).path("id").asText();
        assertThat(Api.get(stack.notify.url("/api/watchlists/" + watchlist), analyst.token, 200).path("reminders")
                .toString()).isEqualTo("[7,1]");
        String feedPath = URI.create(Api.post(stack.notify.url("/api/calendar/feed"), analyst.token, null, 201)
                .path("url").asText()).getPath();

        push(run + "-accepted", "Corvane Therapeutics announces FDA acceptance of BLA for %s with Priority Review",
                "Corvane Therapeutics today announced that the U.S. Food and Drug Administration (FDA) has accepted its "
                        + "Biologics License Application (BLA) for %s, a HER2-directed antibody-drug conjugate (ADC), for "
                        + "HER2-positive metastatic gastric cancer, and granted Priority Review. The FDA has assigned a "
                        + "Prescription Drug User Fee Act (PDUFA) target action date of September 12, 2027.",
                "2027-01-12", drug);
        VEvent accepted = await().atMost(Duration.ofSeconds(60)).until(() -> event(feedPath, drug), Optional::isPresent)
                .orElseThrow();
        String uid = value(accepted, "UID");
        assertThat(accepted.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 9, 12));
        assertThat(value(accepted, "SEQUENCE")).isEqualTo("0");
        assertThat(value(accepted, "SUMMARY")).isEqualTo(drug + " PDUFA date (FDA)");
        assertThat(value(accepted, "URL")).isEqualTo("https://news.example.org/corvane/" + run + "-accepted");

        push(run + "-extended", "FDA extends review of Corvane's %s BLA by three months",
                "Corvane Therapeutics today announced that the U.S. Food and Drug Administration (FDA) has extended the "
                        + "review period of the Biologics License Application (BLA) for %s, its HER2-directed "
                        + "antibody-drug conjugate, by three months to allow time to review a major amendment. The new "
                        + "PDUFA target action date is December 12, 2027.",
                "2027-06-20", drug);
        VEvent moved = await().atMost(Duration.ofSeconds(60)).until(() -> event(feedPath, drug),
                e -> e.isPresent() && "1".equals(value(e.get(), "SEQUENCE"))).orElseThrow();
        assertThat(value(moved, "UID")).isEqualTo(uid);
        assertThat(moved.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 12, 12));
        assertThat(value(moved, "DESCRIPTION")).contains("Moved from 2027-09-12 to 2027-12-12");
        JsonNode changed = await().atMost(Duration.ofSeconds(30)).until(() -> notices(hookPath, "catalyst_date_changed"),
                l -> !l.isEmpty()).get(0);
        assertThat(changed.path("subject").asText()).isEqualTo("Date changed: " + drug
                + " PDUFA date (FDA) moved from 2027-09-12 to 2027-12-12");
        awaitJobRuns(3);
        assertThat(notices(hookPath, "catalyst_date_changed")).hasSize(1);
        assertThat(notices(hookPath, "catalyst_reminder")).as("months ahead: no reminder yet").isEmpty();

        // A week before the new PDUFA date.
        stack.restartNotify(Map.of("BIOALERT_TEST_CLOCK", "2027-12-05T09:00:00Z"));
        JsonNode reminder = await().atMost(Duration.ofSeconds(30)).until(() -> notices(hookPath, "catalyst_reminder"),
                l -> !l.isEmpty()).get(0);
        assertThat(reminder.path("subject").asText()).isEqualTo("In 7 days: " + drug + " PDUFA date (FDA) on 2027-12-12");
        assertThat(reminder.path("daysBefore").asInt()).isEqualTo(7);
        assertThat(reminder.path("catalyst").path("evidence").asText()).isEqualTo("PDUFA target action date is December 12, 2027");
        assertThat(reminder.path("url").asText()).isEqualTo("https://news.example.org/corvane/" + run + "-extended");
        awaitJobRuns(3);
        assertThat(notices(hookPath, "catalyst_reminder")).as("once, however often the job runs").hasSize(1);
        JsonNode history = Api.get(stack.notify.url("/api/watchlists/" + watchlist + "/deliveries"), analyst.token, 200);
        assertThat(history.findValuesAsText("kind").stream().filter("catalyst_reminder"::equals).count()).isEqualTo(1);

        push(run + "-approved", "FDA approves Corvane's %s for HER2-positive gastric cancer",
                "Corvane Therapeutics today announced that the U.S. Food and Drug Administration (FDA) has approved %s, "
                        + "a HER2-directed antibody-drug conjugate, for adults with HER2-positive metastatic gastric cancer.",
                "2027-12-10", drug);
        VEvent met = await().atMost(Duration.ofSeconds(60)).until(() -> event(feedPath, drug),
                e -> e.isPresent() && "2".equals(value(e.get(), "SEQUENCE"))).orElseThrow();
        assertThat(value(met, "UID")).isEqualTo(uid);
        assertThat(value(met, "SUMMARY")).isEqualTo(drug + " PDUFA date (FDA): met");
        assertThat(value(met, "X-BIOALERT-OUTCOME")).isEqualTo("MET");
        assertThat(value(met, "DESCRIPTION")).contains("Met on 2027-12-10").contains("/corvane/" + run + "-approved");
        assertThat(met.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 12, 12));
    }

    private void push(String slug, String title, String body, String publishedAt, String drug) {
        Api.post(stack.ingest.url("/api/announcements"), stack.ingestKey, Api.JSON.createObjectNode()
                .put("title", title.formatted(drug)).put("body", body.formatted(drug))
                .put("url", "https://news.example.org/corvane/" + slug).put("publishedAt", publishedAt)
                .put("source", "e2e").toString(), 202);
    }

    /** The feed's one event for the drug, read with ical4j. */
    private Optional<VEvent> event(String feedPath, String drug) throws Exception {
        JsonNode text = Api.get(stack.notify.url(feedPath), null, 200);
        List<VEvent> events = new CalendarBuilder().build(new StringReader(text.asText())).<VEvent>getComponents("VEVENT")
                .stream().filter(e -> value(e, "SUMMARY").startsWith(drug + " ")).toList();
        assertThat(events.size()).as("one event per catalyst").isLessThanOrEqualTo(1);
        return events.stream().findFirst();
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    private List<JsonNode> notices(String hookPath, String type) {
        return stack.webhooks.requests().stream().filter(r -> r.path().equals(hookPath)).map(HttpSink.Request::body)
                .map(Api::readTree).filter(n -> type.equals(n.path("type").asText())).toList();
    }

    /**
     * Waits until notify's calendar job has run {@code more} more times, so that whatever it would queue it has
     * queued: a second reminder would be a second delivery in the history, which the test counts too.
     */
    private void awaitJobRuns(int more) {
        double start = jobRuns();
        await().atMost(Duration.ofSeconds(30)).until(() -> jobRuns() >= start + more);
    }

    private double jobRuns() {
        String metrics = Api.get(stack.notify.url("/q/metrics"), null, 200).asText();
        return metrics.lines().filter(l -> l.startsWith("bioalert_notify_calendar_runs_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
