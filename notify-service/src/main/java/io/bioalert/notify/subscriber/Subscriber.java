package io.bioalert.notify.subscriber;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone who owns watchlists. Authenticates with an API token whose hash only is kept. */
@Entity
@Table(name = "subscriber")
public class Subscriber extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Subscriber byTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }
}
