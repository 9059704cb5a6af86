package io.bioalert.ingest.announcement;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.dedup.FingerprintRepository;
import io.bioalert.ingest.language.Language;
import io.bioalert.ingest.publish.RawAnnouncementPublisher;
import io.bioalert.model.RawAnnouncement;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One story, one announcement: a story is stored unless its URL, its id or its content (exact or near
 * copy) is already known, in which case its URL is recorded on the announcement it repeats. A new
 * announcement is handed to the publisher only after its row is committed.
 */
@ApplicationScoped
public class AnnouncementStore {

    private final RawAnnouncementPublisher publisher;
    private final FingerprintRepository fingerprints;
    private final MeterRegistry registry;

    AnnouncementStore(RawAnnouncementPublisher publisher, FingerprintRepository fingerprints, MeterRegistry registry) {
        this.publisher = publisher;
        this.fingerprints = fingerprints;
        this.registry = registry;
    }

    /** True when this URL was seen before: lets pollers skip fetching and cleaning a known item. */
    public boolean knownUrl(String url) {
        return url != null && QuarkusTransaction.joiningExisting().call(
                () -> AnnouncementUrl.findById(AnnouncementIds.canonicalUrl(url)) != null);
    }

    public IngestResult ingest(Story story) {
        String source = story.source() == null || story.source().isBlank() ? "push" : story.source().strip();
        String url = story.url() == null || story.url().isBlank() ? null : AnnouncementIds.canonicalUrl(story.url());
        String id = AnnouncementIds.forStory(url, story.title(), story.body());
        Fingerprint fp = Fingerprint.of(story.body());
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> storeOrMatch(story, source, url, id, fp));
        } catch (PersistenceException e) {
            // Another instance stored the same URL between our check and insert: the story is known.
            Log.debugf("concurrent insert of %s: %s", id, e.getMessage());
            AnnouncementUrl known = url == null ? null : QuarkusTransaction.requiringNew()
                    .call(() -> AnnouncementUrl.<AnnouncementUrl>findById(url));
            outcome = new Outcome(known == null ? id : known.announcementId, null);
        }
        registry.counter("bioalert.ingest.stories", "outcome", outcome.stored == null ? "duplicate" : "new").increment();
        if (outcome.stored == null) {
            return new IngestResult(outcome.id, true);
        }
        publisher.publish(outcome.stored);
        return new IngestResult(outcome.id, false);
    }

    private record Outcome(String id, RawAnnouncement stored) {
    }

    private Outcome storeOrMatch(Story story, String source, String url, String id, Fingerprint fp) {
        if (url != null) {
            AnnouncementUrl seen = AnnouncementUrl.findById(url);
            if (seen != null) {
                return new Outcome(seen.announcementId, null);
            }
        }
        fingerprints.lockFor(fp, id);
        Optional<String> same = Announcement.findByIdOptional(id).map(a -> ((Announcement) a).id)
                .or(() -> fingerprints.findSameStory(fp));
        if (same.isPresent()) {
            if (url != null && AnnouncementUrl.findById(url) == null) {
                AnnouncementUrl.of(url, same.get(), source).persist();
                Log.infof("story at %s is a copy of %s; URL recorded", url, same.get());
            }
            return new Outcome(same.get(), null);
        }
        Announcement a = new Announcement();
        a.id = id;
        a.title = blankToNull(story.title());
        a.body = story.body().strip();
        a.url = url;
        a.publishedAt = story.publishedAt();
        a.source = source;
        a.ingestedAt = Instant.now();
        a.language = Language.of((story.title() == null ? "" : story.title() + "\n") + story.body());
        a.setFingerprint(fp);
        a.persist();
        if (url != null) {
            AnnouncementUrl.of(url, id, source).persist();
        }
        Announcement.getEntityManager().flush();
        fingerprints.saveBands(id, fp);
        return new Outcome(id, a.toRaw(url == null ? List.of() : List.of(url)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
