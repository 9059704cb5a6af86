package io.bioalert.ingest.clean;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Article text from an HTML page or fragment: metadata first (title, date, canonical URL, {@link PageMetadata}),
 * then the chrome goes ({@link PageChrome}), the article is found ({@link ArticleExtractor}), and its text goes
 * through {@link TextCleaner}.
 */
public final class HtmlCleaner {

    /** Result of cleaning a whole page. {@code canonicalUrl} is null when the page names none. */
    public record CleanedPage(CleanedText text, String canonicalUrl) {
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
        "h5", "h6", "li", "ul", "ol", "br", "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "figcaption",
        "figure", "hr", "address", "time");
    private static final Pattern HTML_TAG = Pattern.compile(
            "<(html|body|p|div|article|br|h[1-6]|span|section)(\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE);

    private HtmlCleaner() {
    }

    /** Cleans a whole page fetched from {@code baseUrl} (used to resolve relative links). */
    public static CleanedPage cleanPage(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        PageMetadata meta = PageMetadata.of(doc);
        PageChrome.remove(doc);
        CleanedText cleaned = TextCleaner.clean(ArticleExtractor.extract(doc, baseUrl), meta.title());
        return new CleanedPage(new CleanedText(cleaned.title(), cleaned.body(),
                meta.publishedAt() != null ? meta.publishedAt() : cleaned.publishedAt()), meta.canonicalUrl());
    }

    /** Cleans an HTML fragment such as a feed item's description or content. */
    public static CleanedText cleanFragment(String html, String knownTitle) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        PageChrome.remove(doc);
        return TextCleaner.clean(textOf(doc.body()), knownTitle);
    }

    /** True when a pushed or imported text is HTML rather than plain text. */
    public static boolean looksLikeHtml(String text) {
        return text != null && HTML_TAG.matcher(text).find();
    }

    /** A {@code <title>} without the site's name ("Headline - Site", "标题_网站"). */
    static String withoutSiteName(String title) {
        return PageMetadata.withoutSiteName(title);
    }

    /** Text with a line break around every block element, so paragraphs and headings stay lines. */
    static String textOf(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
        return sb.toString();
    }
}
