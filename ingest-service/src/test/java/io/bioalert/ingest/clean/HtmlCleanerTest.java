package io.bioalert.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

    @Test
    void articlePageKeepsTheArticleAndItsMetadataOnly() {
        HtmlCleaner.CleanedPage page = HtmlCleaner.cleanPage(Fixtures.text("pages/article.html"),
                "https://biowire.example.com/news/2025/teliqor-prime-tq55");

        assertThat(page.text().title()).isEqualTo("Teliqor Bio wins EMA PRIME designation for gene therapy TQ-55");
        assertThat(page.text().publishedAt()).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(page.canonicalUrl()).startsWith("https://biowire.example.com/news/2025/teliqor-prime-tq55");
        assertThat(page.text().body())
                .startsWith("Teliqor Bio announced that the European Medicines Agency")
                .contains("\nAbout Pompe disease\n")
                .endsWith("progressive weakness.")
                .doesNotContain("cookies", "BioWire", "Advertisement", "Buy lab gear", "Stay Connected",
                        "newsletter", "Share this", "Related news", "Image Source", "Home >", "window.dataLayer",
                        "By Staff", "Privacy");
    }

    @Test
    void pageWithoutArticleMarkupIsFoundByItsParagraphsAndDatedFromTheText() {
        HtmlCleaner.CleanedPage page = HtmlCleaner.cleanPage(Fixtures.text("pages/syndicated.html"), "https://pharmadaily.example.net/x");

        assertThat(page.text().title()).isEqualTo("Teliqor Bio wins EMA PRIME designation for gene therapy TQ-55");
        assertThat(page.text().publishedAt()).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(page.text().body()).startsWith("Teliqor Bio announced")
                .doesNotContain("Log in", "cookies", "PharmaDaily", "21 October 2025");
    }

    @Test
    void fragmentsAndTheHtmlTest() {
        assertThat(HtmlCleaner.cleanFragment("<p>One &amp; two</p><p>Three</p>", "Title").body()).isEqualTo("One & two\n\nThree");
        assertThat(HtmlCleaner.looksLikeHtml("<p>text</p>")).isTrue();
        assertThat(HtmlCleaner.looksLikeHtml("IL-2 < 5 and > 3")).isFalse();
    }
}
