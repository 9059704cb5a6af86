package io.bioalert.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.source.SourceFormatException;
import io.bioalert.ingest.support.Fixtures;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    @Test
    void listingLinksToArticlesOnlyOnceEachNotToNavigation() {
        assertThat(PageReader.articleLinks(Fixtures.text("pages/listing.html"), "https://ostrava.example.com/press", null))
                .containsExactly("https://ostrava.example.com/press/2025/ob-12-ind-clearance",
                        "https://ostrava.example.com/press/2025/ob-7-phase3-topline");
        assertThat(PageReader.articleLinks(Fixtures.text("pages/listing.html"), "https://ostrava.example.com/press", "/press/\\d{4}/"))
                .containsExactly("https://ostrava.example.com/press/2025/ob-12-ind-clearance",
                        "https://ostrava.example.com/press/2025/ob-7-phase3-topline");
    }

    @Test
    void articleUsesTheCanonicalUrlOfTheSameSite() throws Exception {
        Story story = PageReader.article(Fixtures.text("pages/article.html"), "https://biowire.example.com/n?id=1", "biowire");
        assertThat(story.url()).startsWith("https://biowire.example.com/news/2025/teliqor-prime-tq55");
        assertThat(story.source()).isEqualTo("biowire");
    }

    @Test
    void pageWithoutArticleTextIsAFormatError() {
        assertThatThrownBy(() -> PageReader.article("<html><body><nav>Menu</nav><div id=app></div></body></html>",
                "https://spa.example.com/", "spa")).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("no article text");
    }

    @Test
    void aCaptionIsNotAnArticle() {
        assertThatThrownBy(() -> PageReader.article(Fixtures.text("pages/extraction/caption-only.html"),
                "https://acme.example.com/media/plant", "acme")).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("no article text");
    }
}
