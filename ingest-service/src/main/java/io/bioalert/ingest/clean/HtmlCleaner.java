package io.bioalert.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Article text from an HTML page or fragment: metadata first (title, date, canonical URL), then the
 * chrome is removed (navigation, header/footer, forms, cookie and newsletter widgets, ads), the element
 * holding the article is chosen, and its text goes through {@link TextCleaner}.
 */
public final class HtmlCleaner {

    /** Result of cleaning a whole page. {@code canonicalUrl} is null when the page names none. */
    public record CleanedPage(CleanedText text, String canonicalUrl) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROME = "script, style, noscript, template, iframe, svg, canvas, nav, header, footer,"
            + " aside, form, button, input, select, textarea, dialog, [role=navigation], [role=banner],"
            + " [role=contentinfo], [role=complementary], [role=dialog], [aria-hidden=true], [hidden]";
    /** Substrings of class or id that mark widgets, never article text. */
    private static final String[] WIDGET_WORDS = {"cookie", "consent", "gdpr", "newsletter", "subscribe", "signup",
        "sign-up", "social", "share", "sharing", "advert", "sponsor", "promo", "breadcrumb", "related", "recommend",
        "sidebar", "popup", "modal", "paywall", "login", "comment"};
    /** Whole class or id tokens that mark widgets ("ad" only as a token: "header", "download" are not ads). */
    private static final Set<String> WIDGET_TOKENS = Set.of("ad", "ads", "adslot", "banner", "menu", "nav", "navbar",
        "footer", "masthead", "toolbar", "tags");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
        "h5", "h6", "li", "ul", "ol", "br", "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "figcaption",
        "figure", "hr", "address", "time");
    private static final String ARTICLE_ROOTS = "[itemprop=articleBody], article, main, [role=main]";
    private static final int MIN_ARTICLE_CHARS = 200;
    private static final java.util.regex.Pattern SITE_NAME_SEPARATOR = java.util.regex.Pattern.compile(
            "\\s*(?:_|\\||｜|——|\\s[-–—]\\s)\\s*");
    private static final java.util.regex.Pattern HTML_TAG = java.util.regex.Pattern.compile(
            "<(html|body|p|div|article|br|h[1-6]|span|section)(\\s[^>]*)?/?>", java.util.regex.Pattern.CASE_INSENSITIVE);

    private HtmlCleaner() {
    }

    /** Cleans a whole page fetched from {@code baseUrl} (used to resolve relative links). */
    public static CleanedPage cleanPage(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        String title = metaTitle(doc);
        LocalDate metaDate = metaDate(doc);
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String canonicalUrl = canonical == null ? null : blankToNull(canonical.absUrl("href"));
        removeChrome(doc);
        String text = textOf(articleRoot(doc));
        CleanedText cleaned = TextCleaner.clean(text, title);
        return new CleanedPage(new CleanedText(cleaned.title(), cleaned.body(),
                metaDate != null ? metaDate : cleaned.publishedAt()), canonicalUrl);
    }

    /** Cleans an HTML fragment such as a feed item's description or content. */
    public static CleanedText cleanFragment(String html, String knownTitle) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        removeChrome(doc);
        return TextCleaner.clean(textOf(doc.body()), knownTitle);
    }

    /** True when a pushed or imported text is HTML rather than plain text. */
    public static boolean looksLikeHtml(String text) {
        return text != null && HTML_TAG.matcher(text).find();
    }

    private static String metaTitle(Document doc) {
        for (String q : new String[] {"meta[property=og:title]", "meta[name=twitter:title]", "meta[name=title]"}) {
            Element m = doc.selectFirst(q);
            if (m != null && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return withoutSiteName(blankToNull(doc.title()));
    }

    /**
     * A page's {@code <title>} names the site too ("标题_网站名", "Headline - Site", "标题 | 网站"): the headline
     * is the longest part. Separators need spaces around a hyphen, so "PD-1" stays whole.
     */
    static String withoutSiteName(String title) {
        if (title == null) {
            return null;
        }
        String best = title;
        String[] parts = SITE_NAME_SEPARATOR.split(title);
        if (parts.length > 1) {
            best = "";
            for (String part : parts) {
                best = part.strip().length() > best.length() ? part.strip() : best;
            }
        }
        return best.isEmpty() ? title : best;
    }

    private static LocalDate metaDate(Document doc) {
        String[] queries = {"meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publish-date]",
            "meta[name=dc.date]", "meta[name=DC.date.issued]", "meta[name=citation_publication_date]",
            "meta[property=og:published_time]"};
        for (String q : queries) {
            Element m = doc.selectFirst(q);
            LocalDate d = m == null ? null : DateExtractor.parseLoose(m.attr("content"));
            if (d != null) {
                return d;
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode published = JSON.readTree(script.data()).findValue("datePublished");
                LocalDate d = published == null ? null : DateExtractor.parseLoose(published.asText());
                if (d != null) {
                    return d;
                }
            } catch (Exception e) {
                // A broken JSON-LD block is common and harmless: other sources of the date remain.
            }
        }
        Element time = doc.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
        return time == null ? null : DateExtractor.parseLoose(time.attr("datetime"));
    }

    private static void removeChrome(Document doc) {
        doc.select(CHROME).remove();
        for (Element e : doc.select("[class], [id]")) {
            if (e.parent() != null && isWidget(e)) {
                e.remove();
            }
        }
    }

    private static boolean isWidget(Element e) {
        if (e.tagName().equals("body") || e.tagName().equals("html") || e.tagName().equals("article")
                || e.tagName().equals("main")) {
            return false;
        }
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        for (String word : WIDGET_WORDS) {
            if (names.contains(word)) {
                return true;
            }
        }
        return Arrays.stream(names.split("[\\s_-]+")).anyMatch(WIDGET_TOKENS::contains);
    }

    /** The marked-up article if the page has one with enough text; else the block with the most paragraph text. */
    private static Element articleRoot(Document doc) {
        for (Element candidate : doc.select(ARTICLE_ROOTS)) {
            if (candidate.text().length() >= MIN_ARTICLE_CHARS) {
                return candidate;
            }
        }
        Map<Element, Integer> scores = new HashMap<>();
        for (Element p : doc.select("p")) {
            int len = p.text().length();
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, len, Integer::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), len / 2, Integer::sum);
                }
            }
        }
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_ARTICLE_CHARS)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(doc.body());
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
