package io.bioalert.ingest.announcement;

import io.bioalert.ingest.publish.RawAnnouncementPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Stores a story once and hands it to the publisher after the row is committed. */
@ApplicationScoped
public class AnnouncementStore {

    private final RawAnnouncementPublisher publisher;

    AnnouncementStore(RawAnnouncementPublisher publisher) {
        this.publisher = publisher;
    }

    public IngestResult ingest(AnnouncementRequest request) {
        String id = AnnouncementIds.forStory(request.url(), request.title(), request.body());
        Announcement stored = QuarkusTransaction.requiringNew().call(() -> {
            if (Announcement.findById(id) != null) {
                return null;
            }
            Announcement a = new Announcement();
            a.id = id;
            a.title = blankToNull(request.title());
            a.body = request.body().strip();
            a.url = request.url() == null ? null : AnnouncementIds.canonicalUrl(request.url());
            a.publishedAt = request.publishedAt();
            a.source = request.source() == null || request.source().isBlank() ? "push" : request.source();
            a.ingestedAt = Instant.now();
            a.persist();
            return a;
        });
        if (stored == null) {
            return new IngestResult(id, true);
        }
        publisher.publish(stored.toRaw());
        return new IngestResult(id, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
