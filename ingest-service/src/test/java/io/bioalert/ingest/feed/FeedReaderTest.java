package io.bioalert.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bioalert.ingest.announcement.Story;
import io.bioalert.ingest.source.SourceFormatException;
import io.bioalert.ingest.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    @Test
    void rssItemsBecomeCleanStoriesWithPubDateAndLink() throws Exception {
        List<Story> stories = FeedReader.read(Fixtures.bytes("feeds/rss.xml"), "https://marrow.example.com/feed", "marrow");

        assertThat(stories).hasSize(2);
        Story first = stories.get(0);
        assertThat(first.title()).isEqualTo("Marrow Pharma starts Phase 3 trial of MP-410 in IgA nephropathy");
        assertThat(first.url()).startsWith("https://marrow.example.com/news/mp-410-phase-3");
        assertThat(first.publishedAt()).isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(first.source()).isEqualTo("marrow");
        assertThat(first.body()).startsWith("Marrow Pharma today announced").contains("\nThe trial will enroll")
                .doesNotContain("Image Source", "newsletter", "<p>");
        assertThat(stories.get(1).body()).startsWith("Marrow Pharma will present new long-term data");
    }

    @Test
    void atomEntriesUseContentAndPublished() throws Exception {
        List<Story> stories = FeedReader.read(Fixtures.bytes("feeds/atom.xml"), "https://kestrel.example.org/atom", "kestrel");

        assertThat(stories).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Kestrel Oncology licenses KO-88 ADC to a global partner");
            assertThat(s.url()).isEqualTo("https://kestrel.example.org/press/ko-88-license");
            assertThat(s.publishedAt()).isEqualTo(LocalDate.of(2025, 11, 3));
            assertThat(s.body()).contains("upfront payment of 80 million US dollars").doesNotContain("cookies");
        });
    }

    @Test
    void malformedXmlIsAFormatErrorNamingTheProblem() {
        assertThatThrownBy(() -> FeedReader.read(Fixtures.bytes("feeds/malformed.xml"), "https://x.example/feed", "x"))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("not a readable RSS/Atom feed");
        assertThatThrownBy(() -> FeedReader.read("<html><body>Not a feed</body></html>".getBytes(), null, "x"))
                .isInstanceOf(SourceFormatException.class);
    }

    @Test
    void doctypeWithExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title><description>d</description>"
                + "</item></channel></rss>";
        assertThatThrownBy(() -> FeedReader.read(xxe.getBytes(), null, "x")).isInstanceOf(SourceFormatException.class);
    }
}
