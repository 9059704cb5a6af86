package io.bioalert.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.FeedServer;
import io.bioalert.ingest.support.Fixtures;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Single pages and listing pages served by a real local HTTP server. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class PagePollingTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final FeedServer server = new FeedServer();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pageWithBoilerplateIsOneCleanAnnouncementAndItsSyndicatedCopyOnlyAddsAUrl() {
        server.serve("/biowire/teliqor.html", HTML, Fixtures.text("pages/article.html"), "\"a1\"")
                .serve("/pharmadaily/teliqor.html", HTML, Fixtures.text("pages/syndicated.html"), null);
        long biowire = Api.createSource("biowire-teliqor", "PAGE", server.url("/biowire/teliqor.html"));
        long daily = Api.createSource("pharmadaily-teliqor", "PAGE", server.url("/pharmadaily/teliqor.html"));

        assertThat(Api.poll(biowire).getInt("newStories")).isEqualTo(1);
        String id = Api.idByTitle("biowire-teliqor", "Teliqor Bio wins EMA PRIME designation for gene therapy TQ-55");
        JsonPath stored = Api.announcement(id);
        assertThat(stored.getString("publishedAt")).isEqualTo("2025-10-21");
        // The page is served from the test server, but names its canonical URL on another host: keep the page's.
        assertThat(stored.getString("url")).isEqualTo(server.url("/biowire/teliqor.html"));
        assertThat(stored.getString("body")).startsWith("Teliqor Bio announced")
                .doesNotContain("cookies", "Advertisement", "Stay Connected", "newsletter", "Related news");

        assertThat(Api.poll(biowire).getString("outcome")).isEqualTo("NOT_MODIFIED");
        JsonPath copy = Api.poll(daily);
        assertThat(copy.getInt("stories")).isEqualTo(1);
        assertThat(copy.getInt("newStories")).isZero();

        assertThat(RawTopic.countWithKey(id)).isEqualTo(1);
        assertThat(Api.announcement(id).getList("urls", String.class))
                .containsExactly(server.url("/biowire/teliqor.html"), server.url("/pharmadaily/teliqor.html"));
    }

    @Test
    void listingPageFetchesEachNewArticleOnce() {
        server.serve("/ostrava/press", HTML, Fixtures.text("pages/listing.html"), null)
                .serve("/press/2025/ob-12-ind-clearance", HTML, article("Ostrava Biologics receives IND clearance for OB-12",
                        "2025-09-30", "Ostrava Biologics announced that the U.S. FDA cleared its IND application for OB-12, "
                                + "a long-acting IL-23 antibody, allowing a Phase 1 study in healthy volunteers and patients "
                                + "with psoriasis to start in the fourth quarter."), null)
                .serve("/press/2025/ob-7-phase3-topline", HTML, article("Ostrava Biologics reports positive Phase 3 topline results for OB-7",
                        "2025-09-12", "Ostrava Biologics reported that its Phase 3 trial of OB-7 in moderate to severe atopic "
                                + "dermatitis met both co-primary endpoints at week 16, with a safety profile consistent with earlier "
                                + "studies and no new safety signals."), null);
        long listing = Api.createSource("ostrava-press", "LISTING", server.url("/ostrava/press"));

        JsonPath first = Api.poll(listing);
        assertThat(first.getInt("newStories")).isEqualTo(2);
        String ind = Api.idByTitle("ostrava-press", "Ostrava Biologics receives IND clearance for OB-12");
        assertThat(Api.announcement(ind).getString("publishedAt")).isEqualTo("2025-09-30");
        assertThat(RawTopic.countWithKey(ind)).isEqualTo(1);

        assertThat(Api.poll(listing).getInt("newStories")).isZero();
        // Known article links are not fetched again.
        assertThat(server.requestsTo("/press/2025/ob-12-ind-clearance")).isEqualTo(1);
        assertThat(server.requestsTo("/ostrava/press")).isEqualTo(2);
    }

    @Test
    void pressReleasePagesKeepTheReleaseAndDropRailShareBarAndCookieBanner() {
        server.serve("/wire/selvara.html", HTML, Fixtures.text("pages/extraction/prwire-related-rail.html"), null)
                .serve("/ir/tamrin.html", HTML, Fixtures.text("pages/extraction/ir-share-cookie.html"), null);
        long wire = Api.createSource("wire-selvara", "PAGE", server.url("/wire/selvara.html"));
        long ir = Api.createSource("ir-tamrin", "PAGE", server.url("/ir/tamrin.html"));

        assertThat(Api.poll(wire).getInt("newStories")).isEqualTo(1);
        JsonPath release = Api.announcement(Api.idByTitle("wire-selvara",
                "Selvara Biosciences Receives FDA Breakthrough Therapy Designation for SLV-401 in Myasthenia Gravis"));
        assertThat(release.getString("publishedAt")).isEqualTo("2025-09-14");
        // The rail's "FDA approves …" teasers would tag the release with events it does not announce.
        assertThat(release.getString("body")).contains("Breakthrough Therapy designation to SLV-401", "SERENE-MG")
                .doesNotContain("Zentrix", "Kelvora", "Complete Response Letter", "Orphan Drug", "NMPA");

        assertThat(Api.poll(ir).getInt("newStories")).isEqualTo(1);
        JsonPath irRelease = Api.announcement(Api.idByTitle("ir-tamrin",
                "Tamrin Pharmaceuticals Announces EMA Validation of Marketing Authorisation Application for TP-77"));
        assertThat(irRelease.getString("publishedAt")).isEqualTo("2025-10-02");
        assertThat(irRelease.getString("body")).contains("validated its Marketing Authorisation Application for TP-77")
                .doesNotContain("cookies", "Accept all", "Share on", "Download PDF");
    }

    @Test
    void pageWithoutArticleTextIsAnError() {
        server.serve("/empty/app.html", HTML, "<html><body><nav>Menu</nav><div id=app></div></body></html>", null);
        long empty = Api.createSource("spa-page", "PAGE", server.url("/empty/app.html"));
        assertThat(Api.poll(empty).getString("error")).contains("no article text");
        assertThat(Api.source(empty).getString("lastError")).contains("no article text");
    }

    private static String article(String title, String date, String text) {
        return """
                <html><head><title>%s</title><meta property="article:published_time" content="%s"></head>
                <body><nav><a href="/">Home</a></nav><article><h1>%s</h1><p>%s</p></article>
                <footer>Follow us</footer></body></html>""".formatted(title, date, title, text);
    }
}
