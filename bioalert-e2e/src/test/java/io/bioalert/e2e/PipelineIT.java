package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An announcement pushed into ingest-service reaches a subscriber's webhook and mailbox, tagged, through
 * the real broker and the three service processes.
 */
@RealInfrastructure
class PipelineIT {

    private final E2eStack stack = E2eStack.get();

    @Test
    void pushedAnnouncementIsClassifiedAndAlertedByWebhookAndEmail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "analyst-" + run + "@example.org";
        String hookPath = "/hooks/pipeline-" + run;
        Subscriber analyst = Subscriber.signUp(stack, email);
        Api.post(stack.notify.url("/api/watchlists"), analyst.token, """
                {"name": "HER2 ADC designations",
                 "filter": {"targets": ["ERBB2"], "modalities": ["ADC"], "eventTypes": ["BREAKTHROUGH_THERAPY"]},
                 "destinations": [
                   {"type": "WEBHOOK", "url": "%s", "secret": "e2e-secret-0123456789"},
                   {"type": "EMAIL", "email": "%s"}]}
                """.formatted(stack.webhooks.url(hookPath), email), 201);
        analyst.confirmEmail();

        String drug = "ZR-" + (1000 + Math.abs(run.hashCode() % 9000));
        String announcementId = Api.post(stack.ingest.url("/api/announcements"), stack.ingestKey, """
                {"title": "Zephyr Oncology's %1$s granted FDA Breakthrough Therapy Designation",
                 "body": "Zephyr Oncology announced that %1$s, a HER2-directed antibody-drug conjugate (ADC), has been granted Breakthrough Therapy Designation by the U.S. Food and Drug Administration for HER2-low breast cancer.",
                 "url": "https://news.example.org/zephyr/%2$s", "publishedAt": "2026-11-20", "source": "e2e"}
                """.formatted(drug, run), 202).path("id").asText();

        HttpSink.Request hook = await().atMost(Duration.ofSeconds(60)).until(
                () -> stack.webhooks.requests().stream().filter(r -> r.path().equals(hookPath)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        JsonNode payload = Api.readTree(hook.body());
        JsonNode classified = payload.path("announcement");
        assertThat(classified.path("announcement").path("id").asText()).isEqualTo(announcementId);
        JsonNode tags = classified.path("classification");
        assertThat(tags.path("targets").findValuesAsText("id")).contains("ERBB2");
        assertThat(tags.path("modalities").findValuesAsText("id")).contains("ADC");
        assertThat(tags.path("events").get(0).path("type").asText()).isEqualTo("BREAKTHROUGH_THERAPY");
        assertThat(tags.path("events").get(0).path("agency").asText()).isEqualTo("FDA");
        assertThat(hook.header("X-BioAlert-Signature")).startsWith("v1=");
        assertThat(hook.header("Idempotency-Key")).isNotBlank();

        MimeMessage alert = await().atMost(Duration.ofSeconds(60)).until(
                analyst::alerts, list -> !list.isEmpty()).get(0);
        assertThat(alert.getSubject()).contains(drug).containsIgnoringCase("breakthrough").contains("FDA");
        assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String text = new String(alert.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("HER2").contains("news.example.org/zephyr/" + run);
    }
}
