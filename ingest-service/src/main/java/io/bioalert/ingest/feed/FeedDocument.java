package io.bioalert.ingest.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;

/**
 * A feed parsed once, by ROME's own secure parser setup, keeping the XML document next to ROME's model:
 * ROME reads only RFC 822 and W3C dates and drops the others ("2025-07-08 10:00:00", "2025年7月8日"), and the
 * document still has them as written.
 */
final class FeedDocument extends WireFeedInput {

    /** Date elements of RSS items and Atom entries (dc:date included), in order of preference. */
    private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "date", "issued", "updated", "modified");
    private static final Set<String> ENTRY_ELEMENTS = Set.of("item", "entry");

    private final SyndFeed feed;
    private final List<Element> entries;

    private FeedDocument(String xml) throws FeedException, JDOMException, IOException {
        // Feeds are untrusted input: no DTDs, so no external entities.
        setAllowDoctypes(false);
        Document document = createSAXBuilder().build(new XmlFixerReader(new StringReader(xml)));
        this.feed = new SyndFeedImpl(build(document));
        this.entries = new ArrayList<>();
        collectEntries(document.getRootElement(), entries);
    }

    static FeedDocument parse(String xml) throws FeedException, JDOMException, IOException {
        return new FeedDocument(xml);
    }

    SyndFeed feed() {
        return feed;
    }

    /** The date of the {@code index}-th entry as the feed wrote it, null when it has none or cannot be told. */
    String rawDate(int index) {
        // ROME keeps the document's order of items; a count that differs means we cannot pair them safely.
        if (entries.size() != feed.getEntries().size() || index >= entries.size()) {
            return null;
        }
        for (String name : DATE_ELEMENTS) {
            for (Element child : entries.get(index).getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return child.getTextTrim();
                }
            }
        }
        return null;
    }

    private static void collectEntries(Element element, List<Element> found) {
        for (Element child : element.getChildren()) {
            if (ENTRY_ELEMENTS.contains(child.getName())) {
                found.add(child);
            } else {
                collectEntries(child, found);
            }
        }
    }
}
