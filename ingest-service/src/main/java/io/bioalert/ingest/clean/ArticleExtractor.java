package io.bioalert.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Postprocessor;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article of a page, as text lines: Readability4J (Mozilla's Readability: text and link density scored
 * over the tree, the best block joined with its sibling blocks) on the page without its chrome, then the
 * sections of the same article it left out (README: "Page extraction" has the measurements behind it).
 */
final class ArticleExtractor {

    /** Paragraph text a sibling section needs to be article text rather than a caption or a teaser. */
    private static final int SECTION_MIN_CHARS = 140;
    /** Above this share of its text in links, a block is a link list (related stories, partners). */
    private static final double MAX_LINK_DENSITY = 0.3;
    /** How far above the article's longest paragraph the wrapper repeated per section can be. */
    private static final int MAX_SECTION_DEPTH = 8;

    private ArticleExtractor() {
    }

    /** The article text of {@code doc} (already without chrome); {@code doc} is consumed. */
    static String extract(Document doc, String url) {
        Document original = doc.clone();
        Element article = readability(doc, url);
        if (article == null || article.text().isBlank()) {
            // Readability found no block: what is left of the page after its chrome is all there is.
            return original.body() == null ? "" : HtmlCleaner.textOf(original.body());
        }
        return withSiblingSections(original, article);
    }

    private static Element readability(Document doc, String url) {
        RegExUtil regEx = new TokenRegExUtil();
        ReadabilityOptions options = new ReadabilityOptions();
        Article article = new Readability4J(url == null ? "" : url, doc, options, regEx, new Preprocessor(regEx),
                new MetadataParser(regEx), new ArticleGrabber(options, regEx), new Postprocessor()).parse();
        return article.getArticleContent();
    }

    /**
     * Readability joins the best block with siblings that share its parent; an article whose sections each sit
     * in their own wrapper (same tag and class, figures between them) loses all sections but the best one.
     * Finds the wrapper repeated around the article's longest paragraph and adds the other wrappers' text in
     * page order, when they read as prose rather than links.
     */
    private static String withSiblingSections(Document original, Element article) {
        String text = HtmlCleaner.textOf(article);
        Element anchor = sameParagraph(original, article);
        if (anchor == null) {
            return text;
        }
        String flat = flatten(article.text());
        Element wrapper = anchor;
        for (int depth = 0; depth < MAX_SECTION_DEPTH && wrapper.parent() != null && wrapper.parent() != original.body();
                depth++) {
            wrapper = wrapper.parent();
            List<Element> sections = sectionsLike(wrapper);
            if (sections.size() < 2) {
                continue;
            }
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            boolean seen = false;
            for (Element section : sections) {
                if (section == wrapper) {
                    seen = true;
                } else if (!flat.contains(flatten(firstLine(section)))) {
                    (seen ? after : before).append('\n').append(HtmlCleaner.textOf(section)).append('\n');
                }
            }
            return before + text + after;
        }
        return text;
    }

    /** The wrapper and its siblings of the same tag and class that read as prose, in page order. */
    private static List<Element> sectionsLike(Element wrapper) {
        List<Element> sections = new ArrayList<>();
        if (wrapper.className().isBlank() || wrapper.parent() == null) {
            return sections;
        }
        for (Element sibling : wrapper.parent().children()) {
            if (sibling == wrapper || sibling.normalName().equals(wrapper.normalName())
                    && sibling.className().equals(wrapper.className()) && isProse(sibling)) {
                sections.add(sibling);
            }
        }
        return sections;
    }

    private static boolean isProse(Element e) {
        int paragraphChars = e.select("p").stream().mapToInt(p -> p.text().length()).sum();
        int chars = e.text().length();
        int linkChars = e.select("a").stream().mapToInt(a -> a.text().length()).sum();
        return paragraphChars >= SECTION_MIN_CHARS && chars > 0 && (double) linkChars / chars <= MAX_LINK_DENSITY;
    }

    /** The paragraph of the page that is the extracted article's longest one. */
    private static Element sameParagraph(Document original, Element article) {
        Element longest = null;
        for (Element p : article.select("p")) {
            if (longest == null || p.text().length() > longest.text().length()) {
                longest = p;
            }
        }
        if (longest == null || longest.text().length() < SECTION_MIN_CHARS / 2) {
            return null;
        }
        String wanted = longest.text();
        for (Element p : original.select("p")) {
            if (p.text().equals(wanted)) {
                return p;
            }
        }
        return null;
    }

    private static String firstLine(Element section) {
        Element p = section.selectFirst("p");
        String t = p == null ? section.text() : p.text();
        return t.length() > 80 ? t.substring(0, 80) : t;
    }

    private static String flatten(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Readability's class and id patterns matched as whole tokens ({@link WidgetNames}) instead of substrings,
     * so "panel-two-col-sidebar-right-mix" or "gigya-share-btns-2-Parent" around an article is not dropped or
     * marked down as a sidebar or a share bar.
     */
    private static final class TokenRegExUtil extends RegExUtil {

        private static final Set<String> NEGATIVE_TOKENS = Set.of("hidden", "hid", "media", "meta", "widget", "scroll",
                "shopping", "contact", "outbrain", "promo", "tags", "shoutbox", "skyscraper");

        TokenRegExUtil() {
            super(UnlikelyCandidatesDefaultPattern, OkMaybeItsACandidateDefaultPattern, PositiveDefaultPattern,
                    NegativeDefaultPattern, ExtraneousDefaultPattern, BylineDefaultPattern, ReplaceFontsDefaultPattern,
                    NormalizeDefaultPattern, VideosDefaultPattern, NextLinkDefaultPattern, PrevLinkDefaultPattern,
                    WhitespaceDefaultPattern, HasContentDefaultPattern);
        }

        @Override
        public boolean isUnlikelyCandidate(String matchString) {
            return WidgetNames.isWidget(matchString);
        }

        @Override
        public boolean isNegative(String matchString) {
            return WidgetNames.isWidget(matchString) || super.isNegative(matchString) && negativeToken(matchString);
        }

        /** Readability's other negative words ("hidden", "media", "meta", "widget", "scroll") as whole tokens. */
        private static boolean negativeToken(String matchString) {
            for (String token : matchString.toLowerCase(Locale.ROOT).split("[\\s_-]+")) {
                if (NEGATIVE_TOKENS.contains(token)) {
                    return true;
                }
            }
            return false;
        }
    }
}
