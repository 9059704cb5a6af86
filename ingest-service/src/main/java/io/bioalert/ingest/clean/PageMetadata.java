package io.bioalert.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article outside the text: headline, publication date, canonical URL. Read
 * before anything is removed, since the tags and JSON-LD that carry them sit in the chrome.
 */
record PageMetadata(String title, LocalDate publishedAt, String canonicalUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SITE_NAME_SEPARATOR = Pattern.compile("\\s*(?:_|\\||｜|——|\\s[-–—]\\s)\\s*");
    /** An h1 this short that the {@code <title>} does not repeat names the site's section ("Newsroom"), not the story. */
    private static final int SECTION_NAME_MAX_WORDS = 3;

    static PageMetadata of(Document doc) {
        List<JsonNode> jsonLd = jsonLd(doc);
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        return new PageMetadata(title(doc, jsonLd), date(doc, jsonLd),
                canonical == null ? null : blankToNull(canonical.absUrl("href")));
    }

    /**
     * The headline as the publisher gives it (og:title, twitter:title, JSON-LD headline), else the article's
     * h1 unless it is a section name, else {@code <title>} without the site's name.
     */
    private static String title(Document doc, List<JsonNode> jsonLd) {
        for (String q : new String[] {"meta[property=og:title]", "meta[name=twitter:title]", "meta[property=twitter:title]"}) {
            Element m = doc.selectFirst(q);
            if (m != null && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        String headline = firstText(jsonLd, "headline");
        if (headline != null) {
            return headline;
        }
        String fromTitle = withoutSiteName(blankToNull(doc.title()));
        for (Element h1 : doc.select("article h1, main h1, [itemprop=articleBody] h1, h1")) {
            String text = blankToNull(h1.text());
            if (text != null && !isSectionName(text, fromTitle)) {
                return text;
            }
        }
        Element meta = doc.selectFirst("meta[name=title]");
        if (meta != null && !meta.attr("content").isBlank()) {
            return meta.attr("content").strip();
        }
        return fromTitle;
    }

    private static boolean isSectionName(String h1, String fromTitle) {
        boolean short_ = h1.split("\\s+").length <= SECTION_NAME_MAX_WORDS && h1.length() < 40;
        return short_ && (Debris.isDebrisLine(h1) || fromTitle != null && fromTitle.length() > h1.length()
                && !fromTitle.equalsIgnoreCase(h1));
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

    /** The publisher's structured date first (JSON-LD, article:published_time), then other meta tags, then {@code <time>}. */
    private static LocalDate date(Document doc, List<JsonNode> jsonLd) {
        LocalDate structured = DateExtractor.parseLoose(firstText(jsonLd, "datePublished"));
        if (structured != null) {
            return structured;
        }
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
        Element time = doc.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
        return time == null ? null : DateExtractor.parseLoose(time.attr("datetime"));
    }

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                nodes.add(JSON.readTree(script.data()));
            } catch (Exception e) {
                // A broken JSON-LD block is common and harmless: the other blocks and the meta tags remain.
            }
        }
        return nodes;
    }

    private static String firstText(List<JsonNode> jsonLd, String field) {
        for (JsonNode node : jsonLd) {
            JsonNode value = node == null ? null : node.findValue(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
