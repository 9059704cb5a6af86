package io.bioalert.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.channel.http.HttpTransport;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.matching.MatchReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void alertHasFallbackTextHeaderLinkAndEvidenceWithinLimits() {
        AlertView view = AlertView.of(TestAnnouncements.her2Btd("JSKN003"),
                List.of(new MatchReason("target", "ERBB2", "HER2", "biparatopic HER2-targeting")), "HER2 <ADC> & co");
        JsonNode msg = tree(SlackBlocks.alert(view));
        assertThat(msg.get("text").asText()).startsWith("JSKN003: Breakthrough Therapy (FDA)");
        assertThat(msg.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        String all = msg.get("blocks").toString();
        assertThat(all).contains("<https://news.example.org/").contains("biparatopic HER2-targeting")
                .contains("HER2 &lt;ADC&gt; &amp; co");
        assertWithinLimits(msg);
    }

    @Test
    void aNoticeHasItsSubjectAsHeaderItsLinesEscapedItsLinkAndTheWatchlist() {
        Notice notice = new Notice("catalyst_reminder", "In 7 days: CVT-2291 PDUFA date (FDA) on 2027-12-12",
                List.of("\"PDUFA target action date is <b>December 12</b>\"", "Source: FDA extends review"),
                "https://news.example.org/x|y", json.createObjectNode());
        JsonNode msg = tree(SlackBlocks.notice(notice, "HER2 <ADC>"));
        assertThat(msg.get("text").asText()).isEqualTo("In 7 days: CVT-2291 PDUFA date (FDA) on 2027-12-12");
        assertThat(msg.get("blocks").get(0).get("text").get("text").asText()).isEqualTo(notice.subject());
        String all = msg.get("blocks").toString();
        assertThat(all).contains("&lt;b&gt;December 12&lt;/b&gt;").contains("<https://news.example.org/x%7Cy|Read the announcement>")
                .contains("HER2 &lt;ADC&gt;");
        assertWithinLimits(msg);
    }

    @Test
    void aReplyIsShownAsSlacksErrorWordOrNotAtAll() {
        assertThat(SlackSender.judge(new HttpTransport.Answer(404, null, "channel_not_found")).detail())
                .isEqualTo("Slack: channel_not_found");
        assertThat(SlackSender.judge(new HttpTransport.Answer(400, null, "invalid_blocks")).detail())
                .isEqualTo("Slack: HTTP 400 invalid_blocks");
        assertThat(SlackSender.judge(new HttpTransport.Answer(500, null, "{\"AccessKeyId\": \"ASIA...\"}")).detail())
                .isEqualTo("Slack: HTTP 500");
        assertThat(SlackSender.judge(new HttpTransport.Answer(400, null, "ASIA0123456789")).detail()).isEqualTo("Slack: HTTP 400");
    }

    @Test
    void fallbackTextCannotMentionTheChannel() {
        AlertView view = AlertView.of(TestAnnouncements.her2Btd("<!channel>"), List.of(), "<!here>");
        assertThat(tree(SlackBlocks.alert(view)).get("text").asText()).startsWith("&lt;!channel&gt;").doesNotContain("<!");
        assertThat(treeDigest("<!here>", List.of(view)).get("text").asText()).contains("&lt;!here&gt;")
                .doesNotContain("<!");
    }

    @Test
    void hugeTextsAndManyItemsAreCutToSlackLimitsAndCounted() {
        String longWord = "x".repeat(10_000);
        List<MatchReason> reasons = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reasons.add(new MatchReason("keyword", longWord, null, longWord));
        }
        AlertView view = AlertView.of(TestAnnouncements.her2Btd(longWord), reasons, longWord);
        assertWithinLimits(tree(SlackBlocks.alert(view)));

        List<AlertView> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(view);
        }
        JsonNode digest = treeDigest("w", items);
        assertWithinLimits(digest);
        assertThat(digest.get("blocks").get(digest.get("blocks").size() - 1).toString()).contains("and 72 more");
    }

    @Test
    void permanentErrorsDisableRateLimitsWaitServerErrorsRetry() {
        assertThat(SlackSender.judge(response(200, "ok", Map.of())).kind().name()).isEqualTo("SENT");
        assertThat(SlackSender.judge(response(410, "channel_is_archived", Map.of())).detail())
                .isEqualTo("Slack: channel_is_archived");
        assertThat(SlackSender.judge(response(404, "channel_not_found", Map.of())).kind().name()).isEqualTo("DISABLE");
        assertThat(SlackSender.judge(response(403, "invalid_token", Map.of())).kind().name()).isEqualTo("DISABLE");
        assertThat(SlackSender.judge(response(404, "no_service", Map.of())).kind().name()).isEqualTo("DISABLE");
        assertThat(SlackSender.judge(response(410, "", Map.of())).kind().name()).isEqualTo("DISABLE");
        var limited = SlackSender.judge(response(429, "rate_limited", Map.of("Retry-After", "7")));
        assertThat(limited.kind().name()).isEqualTo("RETRY");
        assertThat(limited.retryAfter()).hasSeconds(7);
        assertThat(SlackSender.judge(response(500, "oops", Map.of())).kind().name()).isEqualTo("RETRY");
        assertThat(SlackSender.judge(response(400, "invalid_payload", Map.of())).kind().name()).isEqualTo("FAILED");
    }

    private static void assertWithinLimits(JsonNode msg) {
        assertThat(msg.get("text").asText()).isNotBlank();
        JsonNode blocks = msg.get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonNode b : blocks) {
            if (b.get("type").asText().equals("section")) {
                assertThat(b.get("text").get("text").asText().length()).isLessThan(3000);
            }
            if (b.get("type").asText().equals("header")) {
                assertThat(b.get("text").get("text").asText().length()).isLessThanOrEqualTo(150);
            }
        }
    }

    private JsonNode tree(SlackMessage message) {
        return json.valueToTree(message);
    }

    private JsonNode treeDigest(String watchlistName, List<AlertView> items) {
        return json.valueToTree(SlackBlocks.digest(watchlistName, items));
    }

    private static HttpTransport.Answer response(int status, String body, Map<String, String> headers) {
        return new HttpTransport.Answer(status, headers.get("Retry-After"), body);
    }
}
