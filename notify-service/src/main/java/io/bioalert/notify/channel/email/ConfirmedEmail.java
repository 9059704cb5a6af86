package io.bioalert.notify.channel.email;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An address a subscriber proved to own by double opt-in; new destinations to it start active. */
@Entity
@Table(name = "confirmed_email")
public class ConfirmedEmail extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "subscriber_id") UUID subscriberId, String address) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "confirmed_at", nullable = false)
    public Instant confirmedAt;

    public static boolean isConfirmed(UUID subscriberId, String address) {
        return findById(new Key(subscriberId, address)) != null;
    }
}
