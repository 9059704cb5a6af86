package io.bioalert.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.clean.CleanedText;
import io.bioalert.ingest.clean.DateExtractor;
import io.bioalert.ingest.clean.HtmlCleaner;
import io.bioalert.ingest.encoding.DocumentCharset;
import io.bioalert.ingest.source.SourceFormatException;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.JDOMException;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) through ROME: each entry becomes a cleaned {@link Story}.
 * The date comes from the entry's published or updated field (as ROME reads it, else as written), else
 * from its text.
 */
public final class FeedReader {

    private FeedReader() {
    }

    public static List<Story> read(byte[] xml, String feedUrl, String sourceName) throws SourceFormatException {
        return read(xml, null, feedUrl, sourceName);
    }

    /**
     * Reads a feed as served: the charset is decided by {@link DocumentCharset} like a page's (header, XML
     * declaration, detection), and the parser is given text, so ROME never guesses a second time.
     */
    public static List<Story> read(byte[] xml, String contentType, String feedUrl, String sourceName)
            throws SourceFormatException {
        FeedDocument document;
        try {
            document = FeedDocument.parse(DocumentCharset.decode(xml, contentType));
        } catch (FeedException | JDOMException | IOException | IllegalArgumentException e) {
            throw new SourceFormatException("not a readable RSS/Atom feed: " + rootMessage(e), e);
        }
        List<SyndEntry> entries = document.feed().getEntries();
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Story story = toStory(entries.get(i), document.rawDate(i), feedUrl, sourceName);
            if (story != null) {
                stories.add(story);
            }
        }
        return stories;
    }

    private static Story toStory(SyndEntry entry, String rawDate, String feedUrl, String sourceName) {
        String title = entry.getTitle() == null ? null : HtmlCleaner.cleanFragment(entry.getTitle(), null).body();
        String html = content(entry);
        CleanedText cleaned = HtmlCleaner.cleanFragment(html, title);
        String body = cleaned.isEmpty() ? title : cleaned.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        LocalDate date = toDate(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        if (date == null) {
            // A date ROME could not read ("2025-07-08 10:00:00", "2025年7月8日"): the date as written.
            date = DateExtractor.parseLoose(rawDate);
        }
        return new Story(cleaned.title() != null ? cleaned.title() : title, body, link(entry, feedUrl),
                date != null ? date : cleaned.publishedAt(), sourceName);
    }

    /** Full content when the feed has it (Atom content, RSS content:encoded), else the summary. */
    private static String content(SyndEntry entry) {
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                sb.append(c.getValue()).append('\n');
            }
        }
        if (sb.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            sb.append(entry.getDescription().getValue());
        }
        return sb.toString();
    }

    private static String link(SyndEntry entry, String feedUrl) {
        String link = entry.getLink();
        if (link == null) {
            for (SyndLink l : entry.getLinks()) {
                if (l.getRel() == null || "alternate".equals(l.getRel())) {
                    link = l.getHref();
                    break;
                }
            }
        }
        if (link == null && entry.getUri() != null && entry.getUri().startsWith("http")) {
            link = entry.getUri();
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = feedUrl == null ? URI.create(link.strip()) : URI.create(feedUrl).resolve(link.strip());
            return "http".equals(resolved.getScheme()) || "https".equals(resolved.getScheme()) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate toDate(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
