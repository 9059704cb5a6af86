package io.bioalert.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes what is never article text before the article is looked for: scripts and styles, then navigation,
 * header, footer, forms and widgets named as such ({@link WidgetNames}). An element holding most of the page's
 * text, or the marked-up article body, stays whatever it is called: sites wrap whole pages in a {@code form}
 * (ASP.NET), a {@code header}-named layout or a "sidebar" panel.
 */
final class PageChrome {

    private static final String NO_TEXT = "script, style, noscript, template, iframe, svg, canvas, link, meta, video, audio, object, embed";
    private static final String CHROME = "nav, header, footer, aside, form, button, input, select, textarea, dialog,"
            + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog],"
            + " [aria-hidden=true], [hidden], [aria-modal=true], [role=slider]";
    private static final String ARTICLE = "main, [role=main], [itemprop=articleBody]";
    /** Share of the page's text above which an element is the page's content, not chrome around it. */
    private static final double MOST_OF_THE_TEXT = 0.5;

    private PageChrome() {
    }

    static void remove(Document doc) {
        doc.select(NO_TEXT).remove();
        Element body = doc.body();
        if (body == null) {
            return;
        }
        int pageChars = body.text().length();
        List<Element> chrome = new ArrayList<>(doc.select(CHROME));
        for (Element e : doc.select("[class], [id]")) {
            if (WidgetNames.isWidget(e.className() + " " + e.id())) {
                chrome.add(e);
            }
        }
        for (Element e : chrome) {
            if (e.parent() != null && isRemovable(e, pageChars)) {
                e.remove();
            }
        }
    }

    private static boolean isRemovable(Element e, int pageChars) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || e.is(ARTICLE)) {
            return false;
        }
        return pageChars == 0 || e.text().length() <= pageChars * MOST_OF_THE_TEXT;
    }
}
