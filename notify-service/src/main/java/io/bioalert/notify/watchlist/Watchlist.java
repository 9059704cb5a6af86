package io.bioalert.notify.watchlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's watchlist. Deletion is soft ({@code deletedAt}) so that other notify instances see it
 * through {@code changeSeq} and drop it from their match index.
 */
@Entity
@Table(name = "watchlist")
public class Watchlist extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subscriber_id", nullable = false)
    public UUID subscriberId;

    @Column(nullable = false)
    public String name;

    @Column(name = "filter_json", nullable = false, columnDefinition = "text")
    public String filterJson;

    @Column(nullable = false)
    public String digest;

    /** Days before each matching catalyst to send a reminder, most first; empty for none. */
    @Column(name = "reminder_days", nullable = false)
    public int[] reminderDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    public static Watchlist owned(UUID id, UUID subscriberId) {
        return find("id = ?1 and subscriberId = ?2 and deletedAt is null", id, subscriberId).firstResult();
    }

    public static List<Watchlist> ownedBy(UUID subscriberId) {
        return list("subscriberId = ?1 and deletedAt is null order by createdAt", subscriberId);
    }
}
