package io.bioalert.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One invented page per way real pages went wrong: what of each page is the article and what is not. */
class PageExtractionTest {

    private static HtmlCleaner.CleanedPage page(String name) {
        return HtmlCleaner.cleanPage(Fixtures.text("pages/extraction/" + name), "https://news.example.com/2025/" + name);
    }

    @Test
    void wrapperNamedWithAWidgetWordInsideALongerNameKeepsTheArticle() {
        CleanedText text = page("widget-word-wrappers.html").text();

        assertThat(text.body()).startsWith("Norvale Therapeutics today announced that the first patient has been dosed")
                .contains("VALIANT-3 will enroll about 420 patients", "52% reduction in proteinuria")
                .endsWith("accelerated approval in the United States.")
                .doesNotContain("Share on LinkedIn", "Email this page", "Upcoming events", "ASN Kidney Week",
                        "FDA clears IND for NV-115", "Pipeline", "Privacy");
    }

    @Test
    void widgetNamesAreWholeTokensNotSubstrings() {
        assertThat(WidgetNames.isWidget("share-bar")).isTrue();
        assertThat(WidgetNames.isWidget("main cookieBanner")).isTrue();
        assertThat(WidgetNames.isWidget("jp-relatedposts")).isTrue();
        assertThat(WidgetNames.isWidget("related-news")).isTrue();
        assertThat(WidgetNames.isWidget("video-player")).isTrue();
        assertThat(WidgetNames.isWidget("panel-two-col-sidebar-right-mix")).isFalse();
        assertThat(WidgetNames.isWidget("nav_drawer_slide")).isFalse();
        assertThat(WidgetNames.isWidget("gigya-share-btns-2-Parent")).isFalse();
        assertThat(WidgetNames.isWidget("header-image download")).isFalse();
        assertThat(WidgetNames.isWidget("shareholder-letter")).isFalse();
    }

    @Test
    void articleSplitOverSiblingSectionsIsKeptWhole() {
        CleanedText text = page("sibling-sections.html").text();

        assertThat(text.title()).isEqualTo("Halcyon Bio reports positive topline results for HB-31 in plaque psoriasis");
        assertThat(text.body()).startsWith("Halcyon Bio today reported positive topline results from CLEAR-2")
                .contains("PASI 90 were 44% and 2%", "HB-31 was well tolerated", "Phase 3 program")
                .endsWith("HB-40 in ulcerative colitis.");
    }

    @Test
    void videoLabelsPhotoCreditsNextOnTeasersAndPartnerLinksGo() {
        CleanedText text = page("media-debris.html").text();

        assertThat(text.title()).isEqualTo("Orbis Oncology wins FDA Fast Track for OB-9 in pancreatic cancer");
        assertThat(text.body()).startsWith("Orbis Oncology said on Tuesday")
                .contains("objective response rate was 29%")
                .endsWith("Phase 3 trial in the second line in early 2026.")
                .doesNotContain("Play video", "Now playing", "02:31", "Watch:", "Getty Images", "Related:",
                        "FDA approves rival KRAS drug", "Next on BioWire", "EMA validates Zentara", "From our partners",
                        "Ten stocks", "Breakthrough Therapy drugs to watch");
    }

    @Test
    void sectionNameIsNotTheTitleWhenThePageHasAHeadline() {
        CleanedText text = page("section-title.html").text();

        assertThat(text.title()).isEqualTo("Vireo Pharma doses first patient in Phase 2 trial of VR-12");
        assertThat(text.body()).startsWith("Vireo Pharma today announced").doesNotContain("Newsroom");
    }

    @Test
    void headlineAndDateFromTheStructuredDataBeforeTitleTagAndText() {
        String html = """
                <html><head><title>News | Site</title>
                <meta property="article:published_time" content="2025-03-09T08:00:00Z">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Acme wins approval for AC-1",
                "datePublished":"2025-03-08T10:00:00-05:00"}</script></head>
                <body><h1>News</h1><article><p>Updated April 2, 2025</p><p>Acme Bio said the agency approved AC-1,
                its oral antiviral, for adults with chronic hepatitis B after a priority review of two Phase 3 trials.</p>
                </article></body></html>""";

        CleanedText text = HtmlCleaner.cleanPage(html, "https://acme.example.com/news/ac-1").text();

        assertThat(text.title()).isEqualTo("Acme wins approval for AC-1");
        // Not article:published_time (the 9th) nor the "Updated" line: a site's meta tags often carry the last edit.
        assertThat(text.publishedAt()).isEqualTo(LocalDate.of(2025, 3, 8));
    }

    @Test
    void prWireReleaseKeptAndItsRelatedNewsRailDropped() {
        HtmlCleaner.CleanedPage page = page("prwire-related-rail.html");

        assertThat(page.text().title())
                .isEqualTo("Selvara Biosciences Receives FDA Breakthrough Therapy Designation for SLV-401 in Myasthenia Gravis");
        assertThat(page.text().publishedAt()).isEqualTo(LocalDate.of(2025, 9, 14));
        assertThat(page.text().body()).contains("BOSTON, Sept. 14, 2025 /NewsWire/ -- Selvara Biosciences",
                        "reduced the MG-ADL score by 5.8 points", "About SLV-401", "SERENE-MG",
                        "Media contact: Lena Ortiz")
                .doesNotContain("Zentrix", "Kelvora", "Complete Response Letter", "Orphan Drug", "NMPA",
                        "Related news", "More news from", "Log in", "All rights reserved");
    }

    @Test
    void irReleaseKeptAndItsShareBarAndCookieBannerDropped() {
        HtmlCleaner.CleanedPage page = page("ir-share-cookie.html");

        assertThat(page.text().title())
                .isEqualTo("Tamrin Pharmaceuticals Announces EMA Validation of Marketing Authorisation Application for TP-77");
        assertThat(page.text().publishedAt()).isEqualTo(LocalDate.of(2025, 10, 2));
        assertThat(page.text().body()).startsWith("COPENHAGEN, Denmark -- Tamrin Pharmaceuticals A/S today announced")
                .contains("mean weight loss of 19.4%", "About Tamrin Pharmaceuticals", "Nasdaq Copenhagen")
                .doesNotContain("cookies", "Accept all", "Reject all", "Share on", "Print", "Download PDF",
                        "Investors", "Events", "Press Releases");
    }
}
