package io.bioalert.ingest.source;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.EncodedServer;
import io.bioalert.ingest.support.Fixtures;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Chinese feeds and pages in the encodings Chinese sites use, served as bytes by a real local HTTP server.
 * The fixtures under {@code zh/} are invented and kept in UTF-8 to stay readable; each is encoded here to
 * the charset it declares (or, for the undeclared page, to GBK) before it is served.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ChineseSourcesTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final EncodedServer server = new EncodedServer();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void gbkFeedBecomesChineseAnnouncementsWithoutEndMatterAndItsNearCopyIsDropped() {
        // No charset in the header: the XML declaration (GBK) decides.
        server.serve("/zh/rss.xml", "application/rss+xml", Fixtures.text("zh/rss-gbk.xml").getBytes(GBK));
        long feed = Api.createSource("zh-wire", "FEED", server.url("/zh/rss.xml"));

        JsonPath poll = Api.poll(feed);
        assertThat(poll.getString("outcome")).isEqualTo("OK");
        assertThat(poll.getInt("stories")).isEqualTo(3);
        // The second item is another outlet's edit of the first: one announcement, with both URLs.
        assertThat(poll.getInt("newStories")).isEqualTo(2);

        String qinghe = Api.idByTitle("zh-wire", "青禾生物EGFR/HER3双抗ADC QH-212获批临床");
        JsonPath stored = Api.announcement(qinghe);
        assertThat(stored.getString("language")).isEqualTo("zh");
        assertThat(stored.getString("publishedAt")).isEqualTo("2026-11-08");
        assertThat(stored.getString("body"))
                .startsWith("青禾生物今日宣布，公司自主研发的EGFR/HER3双特异性抗体偶联药物（ADC）QH-212")
                .contains("我们期待它为耐药患者带来新的治疗选择。”")
                .doesNotContain("点击上方", "发布时间", "免责声明", "投资建议", "二维码", "关注我们", "阅读原文", "\uFFFD");
        assertThat(stored.getList("urls", String.class)).containsExactly(
                "https://news.example.cn/2026/qh-212-ind.html", "https://wire.example.com/zh/qinghe-qh-212");

        String lanchuan = Api.idByTitle("zh-wire", "澜川医药口服GLP-1受体激动剂LC-301上市申请获受理");
        assertThat(Api.announcement(lanchuan).getString("language")).isEqualTo("zh");
        assertThat(Api.announcement(lanchuan).getString("publishedAt")).isEqualTo("2026-11-20");

        assertThat(RawTopic.withKey(qinghe)).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("\"language\":\"zh\"", "\"title\":\"青禾生物EGFR/HER3双抗ADC QH-212获批临床\"", "默示许可");
    }

    @Test
    void big5PageDeclaredInAMetaTagAndAnUndeclaredGbkPageAreReadAsChinese() {
        server.serve("/tw/fb-17.html", "text/html", Fixtures.text("zh/page-big5.html").getBytes(BIG5))
                .serve("/cn/ln-88.html", "text/html", Fixtures.text("zh/page-undeclared-gbk.html").getBytes(GBK));
        long big5 = Api.createSource("tw-biotech", "PAGE", server.url("/tw/fb-17.html"));
        long undeclared = Api.createSource("cn-pharma", "PAGE", server.url("/cn/ln-88.html"));
        assertThat(Api.poll(big5).getInt("newStories")).isEqualTo(1);
        assertThat(Api.poll(undeclared).getInt("newStories")).isEqualTo(1);

        // The site name leaves the <title>; the date line and the disclaimer leave the body.
        JsonPath page = Api.announcement(Api.idByTitle("tw-biotech", "福爾摩沙生技PD-1/VEGF雙抗FB-17完成第二期臨床收案"));
        assertThat(page.getString("language")).isEqualTo("zh");
        assertThat(page.getString("publishedAt")).isEqualTo("2026-11-20");
        assertThat(page.getString("body")).startsWith("福爾摩沙生技今日宣布，其自主研發的PD-1/VEGF雙特異性抗體FB-17")
                .contains("客觀緩解率達百分之三十二", "第三期試驗設計。」")
                .doesNotContain("免責聲明", "點擊關注", "首頁", "版權所有", "發布日期");

        JsonPath detected = Api.announcement(Api.idByTitle("cn-pharma", "岭南药业PCSK9小干扰RNA药物LN-88完成I期首例给药"));
        assertThat(detected.getString("language")).isEqualTo("zh");
        assertThat(detected.getString("publishedAt")).isEqualTo("2026-11-25");
        assertThat(detected.getString("body")).startsWith("岭南药业宣布，其靶向PCSK9的小干扰RNA药物LN-88")
                .contains("有望实现每半年给药一次。");
    }

    @Test
    void englishStoryIsEnglish() {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"title": "Qinghe Biosciences doses first patient with QH-212",
                         "body": "Qinghe Biosciences (青禾生物) announced that the first patient was dosed in the Phase 1 study of QH-212, an EGFR/HER3 bispecific ADC.",
                         "source": "qinghe-en"}""")
                .post("/api/announcements").then().statusCode(202).extract().path("id");
        assertThat(Api.announcement(id).getString("language")).isEqualTo("en");
    }
}
