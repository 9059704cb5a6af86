package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.RealInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chinese news through the three service processes: a Traditional-script story from a GBK-encoded feed comes
 * out as a mail and a webhook with the right tags and the Chinese evidence; the same news in an English and a
 * Chinese story is one alert per watchlist, with the second story listed on it.
 */
@RealInfrastructure
class ChineseNewsIT {
    private static final Charset GBK = Charset.forName("GBK");

    private final E2eStack stack = E2eStack.get();

    @Test
    void traditionalChineseStoryFromAGbkFeedIsAlertedByMailAndWebhook() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String drug = "HY-" + (1000 + Math.abs(run.hashCode() % 9000));
        String hookPath = "/hooks/zh-" + run;
        Subscriber analyst = Subscriber.signUp(stack, "zh-" + run + "@example.org");
        watch(analyst, hookPath, true);
        analyst.confirmEmail();

        String feed = """
                <?xml version="1.0" encoding="GBK"?>
                <rss version="2.0"><channel><title>華岳生物新聞</title><link>https://huayue.example.cn/</link>
                <item>
                  <title>華岳生物%1$s獲國家藥監局突破性療法認定</title>
                  <link>https://huayue.example.cn/news/%2$s</link>
                  <pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate>
                  <description>華岳生物今日宣佈，公司自主研發的靶向HER2的抗體偶聯藥物（ADC）注射用%1$s已獲國家藥品監督管理局藥品審評中心（CDE）納入突破性治療品種，用於治療HER2陽性晚期胃癌。</description>
                </item></channel></rss>
                """.formatted(drug, run).strip();
        HttpServer server = serve("/feed.xml", feed.getBytes(GBK), "application/rss+xml");
        try {
            String feedUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            JsonNode source = Api.post(stack.ingest.url("/api/sources"), stack.ingestKey, """
                    {"name": "huayue-%s", "kind": "FEED", "url": "%s", "pollIntervalSeconds": 3600}
                    """.formatted(run, feedUrl), 201);
            JsonNode poll = Api.post(stack.ingest.url("/api/sources/" + source.path("id").asText() + "/poll"), stack.ingestKey,
                    null, 200);
            assertThat(poll.path("newStories").asInt()).as(poll.toString()).isEqualTo(1);
        } finally {
            server.stop(0);
        }

        JsonNode payload = Api.readTree(webhookTo(hookPath).body());
        JsonNode story = payload.path("announcement").path("announcement");
        JsonNode tags = payload.path("announcement").path("classification");
        assertThat(story.path("title").asText()).isEqualTo("華岳生物" + drug + "獲國家藥監局突破性療法認定");
        assertThat(story.path("language").asText()).isEqualTo("zh");
        assertThat(tags.path("targets").findValuesAsText("id")).containsExactly("ERBB2");
        assertThat(tags.path("modalities").findValuesAsText("id")).containsExactly("ADC");
        assertThat(textsOf(tags.path("drugs"))).contains(drug);
        JsonNode event = tags.path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("BREAKTHROUGH_THERAPY");
        assertThat(event.path("agency").asText()).isEqualTo("NMPA");
        assertThat(event.path("primary").asBoolean()).isTrue();
        assertThat(event.path("evidence").asText()).containsAnyOf("突破性療法", "突破性治療");

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(analyst::alerts, l -> !l.isEmpty()).get(0);
        // Whatever is not ASCII travels as RFC 2047 encoded words, which getSubject decodes: the tag names are
        // English, the drug as written (an ASCII code here, so the subject may well be plain ASCII)
        assertThat(mail.getHeader("Subject")[0]).matches("\\p{ASCII}*");
        assertThat(mail.getSubject()).contains(drug).containsIgnoringCase("breakthrough").contains("NMPA");
        String text = plainText(mail);
        assertThat(text).contains("HER2").contains("突破性").contains("huayue.example.cn/news/" + run);
    }

    @Test
    void theSameNewsInEnglishAndChineseIsOneAlertListingBothStories() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String drug = "HY-" + (1000 + Math.abs(run.hashCode() % 9000));
        String hookPath = "/hooks/one-event-" + run;
        Subscriber analyst = Subscriber.signUp(stack, "one-event-" + run + "@example.org");
        String watchlist = watch(analyst, hookPath, false);

        String english = push("""
                {"title": "Huayue Bio's %1$s receives NMPA Breakthrough Therapy Designation",
                 "body": "Huayue Biotech announced that China's National Medical Products Administration has granted Breakthrough Therapy Designation to %1$s, its HER2-targeted antibody-drug conjugate, for HER2-positive advanced gastric cancer.",
                 "url": "https://press.example.com/huayue/%2$s", "publishedAt": "2026-12-01", "source": "e2e-en"}
                """.formatted(drug, run));
        HttpSink.Request first = webhookTo(hookPath);
        assertThat(Api.readTree(first.body()).path("announcement").path("announcement").path("id").asText())
                .isEqualTo(english);

        String chinese = push("""
                {"title": "華岳生物%1$s獲突破性療法認定",
                 "body": "12月2日，華岳生物宣佈其靶向HER2的抗體偶聯藥物%1$s被國家藥監局藥審中心納入突破性治療品種，擬用於HER2陽性晚期胃癌的治療。",
                 "url": "https://news.example.cn/huayue/%2$s", "publishedAt": "2026-12-02", "source": "e2e-zh"}
                """.formatted(drug, run));

        JsonNode alert = await().atMost(Duration.ofSeconds(60)).until(
                () -> deliveries(analyst, watchlist).stream().filter(d -> !d.path("alsoReported").isEmpty()).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(alert.path("alsoReported").findValuesAsText("announcementId")).containsExactly(chinese);
        assertThat(alert.path("alsoReported").findValuesAsText("url")).containsExactly("https://news.example.cn/huayue/" + run);
        assertThat(stack.webhooks.requests().stream().filter(r -> r.path().equals(hookPath)).count())
                .as("the Chinese report of the same news is attached, not sent").isEqualTo(1);
    }

    /** A watchlist on HER2 breakthrough designations by the NMPA; returns its id. */
    private String watch(Subscriber s, String hookPath, boolean byMail) {
        String mail = byMail ? ", {\"type\": \"EMAIL\", \"email\": \"" + s.email + "\"}" : "";
        return Api.post(stack.notify.url("/api/watchlists"), s.token, """
                {"name": "HER2 BTD in China",
                 "filter": {"targets": ["ERBB2"], "eventTypes": ["BREAKTHROUGH_THERAPY"], "agencies": ["NMPA"]},
                 "destinations": [{"type": "WEBHOOK", "url": "%s", "secret": "e2e-secret-0123456789"}%s]}
                """.formatted(stack.webhooks.url(hookPath), mail), 201).path("id").asText();
    }

    private String push(String json) {
        return Api.post(stack.ingest.url("/api/announcements"), stack.ingestKey, json, 202).path("id").asText();
    }

    private HttpSink.Request webhookTo(String path) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> stack.webhooks.requests().stream().filter(r -> r.path().equals(path)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private List<JsonNode> deliveries(Subscriber s, String watchlist) {
        JsonNode page = Api.get(stack.notify.url("/api/watchlists/" + watchlist + "/deliveries"), s.token, 200);
        JsonNode items = page.isArray() ? page : page.path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static List<String> textsOf(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Every text part of the mail, decoded (quoted-printable, charset), nested multiparts included. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                sb.append(plainText(parts.getBodyPart(i)));
            }
            return sb.toString();
        }
        return content instanceof String text ? text : "";
    }

    /** A real HTTP server that serves raw bytes (the test kit's sink answers in UTF-8 only). */
    private static HttpServer serve(String path, byte[] body, String contentType) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
