package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cleaned announcement as ingest-service publishes it to {@link Topics#RAW}.
 *
 * @param id          stable id derived from the canonical URL (or the normalised text); the Kafka key
 * @param title       headline, may be null
 * @param body        cleaned plain text
 * @param url         canonical URL, may be null for pushed or imported text
 * @param urls        every URL the story was seen at (syndicated copies included)
 * @param publishedAt publication date, may be null when unknown
 * @param source      name of the source it came from ("push", a feed name, ...)
 * @param ingestedAt  when ingest-service stored it
 * @param language    "zh" or "en" as ingest-service decided it from the text, null when unknown (older
 *                    records, text without letters); added within schemaVersion 1, since readers ignore
 *                    unknown fields and absent fields read as null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawAnnouncement(
        int schemaVersion,
        String id,
        String title,
        String body,
        String url,
        List<String> urls,
        LocalDate publishedAt,
        String source,
        Instant ingestedAt,
        String language) {

    public static final int SCHEMA_VERSION = 1;

    @JsonCreator
    public RawAnnouncement {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    /** Without a language: what producers that do not detect one (classify API, test alerts) create. */
    public RawAnnouncement(int schemaVersion, String id, String title, String body, String url, List<String> urls,
            LocalDate publishedAt, String source, Instant ingestedAt) {
        this(schemaVersion, id, title, body, url, urls, publishedAt, source, ingestedAt, null);
    }

    /** Title and body as one text, the way the classifier reads it. */
    public String fullText() {
        return title == null || title.isBlank() ? body : title + "\n\n" + body;
    }
}
