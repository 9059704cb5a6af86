package io.bioalert.ingest.announcement;

import io.bioalert.ingest.clean.CleanedText;
import io.bioalert.ingest.clean.HtmlCleaner;
import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.store.Story;

/** Pushed and imported text becomes a {@link Story} through the same cleaning as fetched pages. */
public final class Stories {

    private Stories() {
    }

    public static Story fromRequest(AnnouncementRequest request, String defaultSource) {
        CleanedText cleaned = clean(request.body(), request.title(), request.url());
        String source = request.source() == null || request.source().isBlank() ? defaultSource : request.source();
        return new Story(cleaned.title(), cleaned.body(), request.url(),
                request.publishedAt() != null ? request.publishedAt() : cleaned.publishedAt(), source);
    }

    /** Plain text or HTML, whichever it is; never loses the text when cleaning would leave nothing. */
    public static CleanedText clean(String body, String title, String url) {
        CleanedText cleaned = HtmlCleaner.looksLikeHtml(body)
                ? HtmlCleaner.cleanPage(body, url).text()
                : TextCleaner.clean(body, title);
        if (cleaned.isEmpty()) {
            return new CleanedText(title, body == null ? "" : body.strip(), cleaned.publishedAt());
        }
        return new CleanedText(title != null && !title.isBlank() ? title.strip() : cleaned.title(),
                cleaned.body(), cleaned.publishedAt());
    }
}
