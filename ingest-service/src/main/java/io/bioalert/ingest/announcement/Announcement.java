package io.bioalert.ingest.announcement;

import io.bioalert.model.RawAnnouncement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A stored announcement, as the read side and the publish sweep see it (the store writes rows with plain
 * SQL, {@code store.BatchWriter}). {@code publishedToKafkaAt} stays null until the record is acknowledged by
 * the broker, which makes this table its own outbox: a crash between storing and publishing loses nothing.
 */
@Entity
@Table(name = "announcement")
public class Announcement extends PanacheEntityBase {

    @Id
    public String id;

    public String title;

    @Column(columnDefinition = "text", nullable = false)
    public String body;

    public String url;

    @Column(name = "published_at")
    public LocalDate publishedAt;

    @Column(nullable = false)
    public String source;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    @Column(name = "published_to_kafka_at")
    public Instant publishedToKafkaAt;

    /** Until when a publish sweep holds this row; another sweep takes it only after. */
    @Column(name = "publish_claimed_until")
    public Instant publishClaimedUntil;

    /** Set when the broker refused the record for good; the row then leaves the outbox. */
    @Column(name = "poisoned_at")
    public Instant poisonedAt;

    @Column(name = "poison_reason")
    public String poisonReason;

    @Column(name = "content_hash")
    public String contentHash;

    public byte[] minhash;

    @Column(name = "token_count")
    public Integer tokenCount;

    /** "zh" or "en" ({@link io.bioalert.ingest.language.Language}), null for rows older than the column. */
    public String language;

    public RawAnnouncement toRaw(List<String> urls) {
        List<String> all = urls == null || urls.isEmpty() ? (url == null ? List.of() : List.of(url)) : urls;
        return new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, id, title, body, url, all, publishedAt, source,
                ingestedAt, language);
    }

    /** The wire form of each announcement with every URL it was seen at (call inside a transaction). */
    public static List<RawAnnouncement> toRaw(Collection<Announcement> announcements) {
        Map<String, List<String>> urls = AnnouncementUrl.forAnnouncements(
                announcements.stream().map(a -> a.id).toList());
        return announcements.stream().map(a -> a.toRaw(urls.get(a.id))).toList();
    }
}
