package io.bioalert.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bioalert.notify.channel.TestJobs;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Slack sender against a real HTTP endpoint standing in for an incoming webhook. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class SlackSenderTest {

    private static final HttpSink SINK = HttpSink.start().respondWith(r -> {
        if (r.path().startsWith("/missing/")) {
            return new HttpSink.Response(404, Map.of(), "channel_not_found");
        }
        if (r.path().startsWith("/limited/")) {
            return new HttpSink.Response(429, Map.of("Retry-After", "30"), "rate_limited");
        }
        return HttpSink.Response.ok("ok");
    });

    @Inject
    SlackSender sender;

    @AfterAll
    static void stop() {
        SINK.close();
    }

    private static HttpSink.Request at(String path) {
        return SINK.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void anAlertIsPostedAsBlockKitJsonAndOkIsSent() throws Exception {
        String path = "/ok/" + UUID.randomUUID();
        DeliveryJob job = TestJobs.alert(Destination.Type.SLACK, SINK.url(path), null, TestAnnouncements.her2Btd("SL-1"));

        SendOutcome outcome = sender.send(job).get(10, TimeUnit.SECONDS);

        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.SENT);
        HttpSink.Request got = at(path);
        assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(got.header("webhook-signature")).isNull(); // Slack checks its URL, not signatures
        JsonNode body = TestJobs.JSON.readTree(got.body());
        assertThat(body.get("text").asText()).startsWith("SL-1: Breakthrough Therapy (FDA)");
        assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(body.get("blocks").get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        assertThat(body.get("blocks").get(0).get("text").get("emoji").asBoolean()).isFalse();
        assertThat(body.get("blocks").get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(body.get("blocks").get(1).get("text").has("emoji")).isFalse();
        assertThat(body.toString()).contains("Why it matched").contains("biparatopic HER2-targeting");
    }

    @Test
    void aNoticeAndADigestArePostedWithTheirOwnHeaders() throws Exception {
        String path = "/notice/" + UUID.randomUUID();
        Notice notice = new Notice("catalyst_reminder", "In 7 days: SL-2 PDUFA date (FDA)", List.of("on 2027-12-12"),
                "https://news.example.org/sl-2", TestJobs.JSON.createObjectNode());
        sender.sendNotice(TestJobs.notice(Destination.Type.SLACK, SINK.url(path), null, notice)).get(10, TimeUnit.SECONDS);
        JsonNode got = TestJobs.JSON.readTree(at(path).body());
        assertThat(got.get("blocks").get(0).get("text").get("text").asText()).isEqualTo(notice.subject());
        assertThat(got.toString()).contains("<https://news.example.org/sl-2|Read the announcement>")
                .contains("Because of your watchlist HER2 ADC");

        String digestPath = "/digest/" + UUID.randomUUID();
        List<DeliveryJob> jobs = List.of(
                TestJobs.alert(Destination.Type.SLACK, SINK.url(digestPath), null, TestAnnouncements.her2Btd("SL-3")),
                TestJobs.alert(Destination.Type.SLACK, SINK.url(digestPath), null, TestAnnouncements.her2PriorityReview("SL-3")));
        assertThat(sender.sendDigest("d-1", jobs).get(10, TimeUnit.SECONDS).kind()).isEqualTo(SendOutcome.Kind.SENT);
        JsonNode digest = TestJobs.JSON.readTree(at(digestPath).body());
        assertThat(digest.get("text").asText()).isEqualTo("BioAlert digest: 2 new for HER2 ADC");
        assertThat(digest.get("blocks")).hasSize(3);
    }

    @Test
    void aMissingChannelDisablesAndARateLimitWaitsAsAsked() throws Exception {
        SendOutcome missing = sender.send(TestJobs.alert(Destination.Type.SLACK, SINK.url("/missing/" + UUID.randomUUID()),
                null, TestAnnouncements.her2Btd("SL-4"))).get(10, TimeUnit.SECONDS);
        assertThat(missing.kind()).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(missing.detail()).isEqualTo("Slack: channel_not_found");

        SendOutcome limited = sender.send(TestJobs.alert(Destination.Type.SLACK, SINK.url("/limited/" + UUID.randomUUID()),
                null, TestAnnouncements.her2Btd("SL-5"))).get(10, TimeUnit.SECONDS);
        assertThat(limited.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(limited.retryAfter()).hasSeconds(30);
    }
}
