package io.bioalert.ingest.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A polled source with its schedule, the validators of its last answer and its health. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind kind;

    @Column(nullable = false)
    public String url;

    @Column(name = "link_pattern")
    public String linkPattern;

    @Column(name = "poll_interval_s", nullable = false)
    public int pollIntervalSeconds;

    @Column(nullable = false)
    public boolean paused;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceStatus status;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "stories_new", nullable = false)
    public long storiesNew;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
