package io.bioalert.ingest.clean;

import java.time.LocalDate;

/**
 * Article text after cleaning.
 *
 * @param title       headline, null when none could be told apart from the text
 * @param body        plain text, paragraphs separated by line breaks, without page debris
 * @param publishedAt publication date found in metadata or the text, null when none
 */
public record CleanedText(String title, String body, LocalDate publishedAt) {

    public boolean isEmpty() {
        return body == null || body.isBlank();
    }
}
