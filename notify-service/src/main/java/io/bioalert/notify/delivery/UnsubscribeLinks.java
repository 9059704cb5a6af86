package io.bioalert.notify.delivery;

import io.bioalert.notify.subscriber.ApiTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The tokens of the unsubscribe links in mail, of which the database keeps only the SHA-256
 * ({@code unsubscribe_link}). A mail needs the token itself, so this instance mints one per destination
 * the first time it mails it, stores the hash, and keeps the token in memory: one insert per new
 * destination and instance, made for a whole claimed batch at once. A link minted by another instance,
 * or before a restart, keeps working, as every stored hash does.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Tokens kept in memory; past this the cache starts again, and the next mails carry new links. */
    private static final int CACHED = 100_000;

    private final DataSource dataSource;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    UnsubscribeLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String tokenFor(UUID destination) throws SQLException {
        return tokensFor(List.of(destination)).get(destination);
    }

    /** A token for each destination, minting and storing those this instance holds none for yet. */
    public Map<UUID, String> tokensFor(Collection<UUID> destinations) throws SQLException {
        Map<UUID, String> found = new HashMap<>();
        Map<UUID, String> minted = new HashMap<>();
        for (UUID d : destinations) {
            String token = tokens.get(d);
            if (token != null) {
                found.put(d, token);
            } else if (!minted.containsKey(d)) {
                minted.put(d, ApiTokens.random("u_"));
            }
        }
        if (minted.isEmpty()) {
            return found;
        }
        List<String> hashes = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        minted.forEach((d, t) -> {
            ids.add(d);
            hashes.add(ApiTokens.sha256(t));
        });
        // A connection of its own, committed at once: a token goes into mail only once its hash is stored.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO unsubscribe_link (token_hash, destination_id, created_at)
                        SELECT h, d, now() FROM unnest(?::text[], ?::uuid[]) AS m(h, d)""")) {
            ps.setArray(1, c.createArrayOf("text", hashes.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
        if (tokens.size() + minted.size() > CACHED) {
            tokens.clear();
        }
        tokens.putAll(minted);
        found.putAll(minted);
        return found;
    }

    /** The destination a token unsubscribes, or null for a token never minted. */
    public UUID destinationOf(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT destination_id FROM unsubscribe_link WHERE token_hash = ?")) {
            ps.setString(1, ApiTokens.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }
}
