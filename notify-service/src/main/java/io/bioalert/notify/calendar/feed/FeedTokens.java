package io.bioalert.notify.calendar.feed;

import io.bioalert.notify.subscriber.ApiTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The secret in a subscriber's calendar feed address. A calendar app cannot send a bearer token, so the address
 * itself is the credential: 32 random bytes, of which only the SHA-256 is kept, as for API tokens. A new one
 * replaces the old, whose address then answers 404.
 */
@ApplicationScoped
public class FeedTokens {

    static final String PREFIX = "cal_";

    private final DataSource dataSource;

    FeedTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new token for the subscriber, replacing any earlier one; shown once. */
    public String rotate(UUID subscriber) throws SQLException {
        String token = ApiTokens.random(PREFIX);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO calendar_feed (subscriber_id, token_hash, created_at) VALUES (?, ?, now())
                        ON CONFLICT (subscriber_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                                                                  created_at = EXCLUDED.created_at""")) {
            ps.setObject(1, subscriber);
            ps.setString(2, ApiTokens.sha256(token));
            ps.executeUpdate();
        }
        return token;
    }

    /** When the subscriber's current feed address was made, if there is one. */
    public Optional<Instant> createdAt(UUID subscriber) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT created_at FROM calendar_feed WHERE subscriber_id = ?")) {
            ps.setObject(1, subscriber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    public void revoke(UUID subscriber) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_feed WHERE subscriber_id = ?")) {
            ps.setObject(1, subscriber);
            ps.executeUpdate();
        }
    }

    /** The subscriber whose feed this token opens. */
    public Optional<UUID> subscriber(String token) throws SQLException {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT subscriber_id FROM calendar_feed WHERE token_hash = ?")) {
            ps.setString(1, ApiTokens.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
