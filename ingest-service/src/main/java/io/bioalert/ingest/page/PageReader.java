package io.bioalert.ingest.page;

import io.bioalert.ingest.store.AnnouncementIds;
import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.clean.HtmlCleaner;
import io.bioalert.ingest.source.SourceFormatException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Single article pages, and listing pages that link to articles. */
public final class PageReader {

    /**
     * Below this many words an "article" is a photo caption, a placeholder, an error page or a page that needs
     * JavaScript; the shortest press release states who, what and the drug in more. A Chinese character counts
     * half a word, as in near-duplicate detection.
     */
    private static final int MIN_BODY_WORDS = 30;
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{N}]+|(\\p{IsHan}|\\p{IsHiragana}|\\p{IsKatakana})");

    private PageReader() {
    }

    /** The page's article as a story; its URL is the page's canonical link when it names one. */
    public static Story article(String html, String pageUrl, String sourceName) throws SourceFormatException {
        HtmlCleaner.CleanedPage page = HtmlCleaner.cleanPage(html, pageUrl);
        if (page.text().isEmpty() || words(page.text().body()) < MIN_BODY_WORDS) {
            throw new SourceFormatException("no article text found at " + pageUrl);
        }
        String url = sameSite(page.canonicalUrl(), pageUrl) ? page.canonicalUrl() : pageUrl;
        return new Story(page.text().title(), page.text().body(), url, page.text().publishedAt(), sourceName);
    }

    /**
     * Links of a listing page that lead to articles: those matching {@code linkPattern} when given, else
     * same-site links at least two path segments deep (news/2025/x, press-releases/x), listing excluded.
     */
    public static List<String> articleLinks(String html, String listingUrl, String linkPattern) {
        Document doc = Jsoup.parse(html, listingUrl);
        // Menus and footers link to "about" and "privacy" pages on every site; they are never articles.
        doc.select("nav, header, footer, [role=navigation], [role=banner], [role=contentinfo]").remove();
        Pattern pattern = linkPattern == null || linkPattern.isBlank() ? null : Pattern.compile(linkPattern);
        String listing = AnnouncementIds.canonicalUrl(listingUrl);
        Set<String> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty() || !(href.startsWith("http://") || href.startsWith("https://"))) {
                continue;
            }
            String canonical = AnnouncementIds.canonicalUrl(href);
            if (canonical.equals(listing)) {
                continue;
            }
            boolean wanted = pattern != null ? pattern.matcher(href).find() : sameSite(href, listingUrl) && depth(href) >= 2;
            if (wanted) {
                links.add(href.replaceAll("#.*$", ""));
            }
        }
        return List.copyOf(links);
    }

    private static double words(String body) {
        double words = 0;
        java.util.regex.Matcher m = WORD.matcher(body);
        while (m.find()) {
            words += m.group(1) != null ? 0.5 : 1;
        }
        return words;
    }

    private static boolean sameSite(String a, String b) {
        try {
            return a != null && b != null && URI.create(a).getHost() != null
                    && URI.create(a).getHost().equalsIgnoreCase(URI.create(b).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int depth(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? 0 : (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).count();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
