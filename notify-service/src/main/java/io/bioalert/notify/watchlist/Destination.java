package io.bioalert.notify.watchlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a watchlist's alerts go: an email address, a Slack incoming webhook, or a generic webhook. */
@Entity
@Table(name = "destination")
public class Destination extends PanacheEntityBase {

    public enum Type { EMAIL, SLACK, WEBHOOK }

    public enum Status { PENDING_CONFIRMATION, ACTIVE, DISABLED, UNSUBSCRIBED }

    @Id
    public UUID id;

    @Column(name = "watchlist_id", nullable = false)
    public UUID watchlistId;

    @Column(nullable = false)
    public String type;

    /** The email address or the URL. */
    @Column(nullable = false)
    public String address;

    /** HMAC key of a generic webhook. */
    public String secret;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason", columnDefinition = "text")
    public String statusReason;

    /** SHA-256 of the token of the pending confirm link; the token itself goes only into the opt-in mail. */
    @Column(name = "confirm_token_hash")
    public String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    /** The confirm token just minted, held in memory until the opt-in mail is sent; never stored. */
    @Transient
    public String newConfirmToken;

    @Column(name = "rate_per_minute")
    public Integer ratePerMinute;

    /** Slack only: a send whose answer was lost is marked UNKNOWN, never sent again (default at-least-once). */
    @Column(name = "at_most_once", nullable = false)
    public boolean atMostOnce;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /**
     * Starts a new double opt-in: a fresh confirm token (kept in {@link #newConfirmToken} for the mail),
     * its hash, and when the link stops working. A link sent before stops working now.
     */
    public void newConfirmLink(Instant expiresAt) {
        newConfirmToken = io.bioalert.notify.subscriber.ApiTokens.random("c_");
        confirmTokenHash = io.bioalert.notify.subscriber.ApiTokens.sha256(newConfirmToken);
        confirmExpiresAt = expiresAt;
    }

    public Type typeEnum() {
        return Type.valueOf(type);
    }

    public static List<Destination> ofWatchlist(UUID watchlistId) {
        return list("watchlistId = ?1 and deletedAt is null order by createdAt", watchlistId);
    }
}
