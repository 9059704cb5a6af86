package io.bioalert.ingest.announcement;

import io.bioalert.model.RawAnnouncement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored announcement. {@code publishedToKafkaAt} stays null until the record is acknowledged by the
 * broker, which makes this table its own outbox: a crash between storing and publishing loses nothing.
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

    public RawAnnouncement toRaw() {
        return new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, id, title, body, url,
                url == null ? List.of() : List.of(url), publishedAt, source, ingestedAt);
    }
}
