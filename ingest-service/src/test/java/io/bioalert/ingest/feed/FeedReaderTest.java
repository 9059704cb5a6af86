package io.bioalert.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.source.SourceFormatException;
import io.bioalert.ingest.support.Fixtures;
import java.nio.charset.StandardCharsets;
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

    @Test
    void datesRomeCannotReadAreTakenAsWritten() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>医药要闻</title>
                <item><title>青禾生物QH-212获批临床</title><link>https://news.example.cn/a</link>
                <pubDate>2026-11-08 10:30:00</pubDate><description>青禾生物宣布QH-212获批临床。</description></item>
                <item><title>澜川医药LC-301上市申请获受理</title><link>https://news.example.cn/b</link>
                <pubDate>2026年11月20日</pubDate><description>澜川医药宣布LC-301上市申请获受理。</description></item>
                <item><title>岭南药业LN-88完成首例给药</title><link>https://news.example.cn/c</link>
                <pubDate>Wed, 25 Nov 2026 02:00:00 GMT</pubDate><description>岭南药业宣布LN-88完成首例给药。</description></item>
                </channel></rss>""";
        List<Story> stories = FeedReader.read(feed.getBytes(StandardCharsets.UTF_8), "https://news.example.cn/rss", "zh");
        assertThat(stories).extracting(Story::publishedAt).containsExactly(LocalDate.of(2026, 11, 8),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25));
    }
}
