package io.bioalert.ingest.store;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.language.Language;
import java.time.LocalDate;

/**
 * A story with everything the store compares and writes computed beforehand, in the caller's thread: the
 * canonical URL, the id, the content fingerprint and the language. The writer that stores a batch then only
 * talks to the database.
 *
 * @param url    canonical URL, null without one
 * @param source the source's name, "push" when the story names none
 */
public record PreparedStory(String id, String title, String body, String url, LocalDate publishedAt, String source,
        String language, Fingerprint fingerprint) {

    static final String DEFAULT_SOURCE = "push";

    public static PreparedStory of(Story story) {
        String source = story.source() == null || story.source().isBlank() ? DEFAULT_SOURCE : story.source().strip();
        String url = story.url() == null || story.url().isBlank() ? null : AnnouncementIds.canonicalUrl(story.url());
        String language = Language.of((story.title() == null ? "" : story.title() + "\n") + story.body());
        return new PreparedStory(AnnouncementIds.forStory(url, story.title(), story.body()), blankToNull(story.title()),
                story.body().strip(), url, story.publishedAt(), source, language, Fingerprint.of(story.body()));
    }

    /** Characters of text: what a batch is capped by besides its number of stories. */
    int size() {
        return body.length() + (title == null ? 0 : title.length());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
