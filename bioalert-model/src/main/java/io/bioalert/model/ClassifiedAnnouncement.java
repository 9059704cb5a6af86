package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What classifier-service publishes to {@link Topics#CLASSIFIED}: the announcement, its tags, and the
 * classifier version that produced them, so a taxonomy change can be replayed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifiedAnnouncement(
        int schemaVersion,
        RawAnnouncement announcement,
        Classification classification,
        String classifierVersion,
        Instant classifiedAt) {

    public static final int SCHEMA_VERSION = 1;

    public String id() {
        return announcement.id();
    }
}
