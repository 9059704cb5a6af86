package io.bioalert.ingest.store;

import java.time.LocalDate;

/**
 * A story as a source delivers it, already cleaned to text: the input of {@link AnnouncementStore}.
 *
 * @param url    where it was seen, as found (canonicalised on storing); null for text without a URL
 * @param source name of the source ("push", a feed's name, "import")
 */
public record Story(String title, String body, String url, LocalDate publishedAt, String source) {
}
