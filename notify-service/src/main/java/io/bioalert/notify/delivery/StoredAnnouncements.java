package io.bioalert.notify.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stored announcements that claimed deliveries refer to, read once per announcement and kept. A claim
 * of 500 deliveries usually names one or a few announcements; reading the payload (kilobytes of JSON)
 * with every claimed row made PostgreSQL and the driver move and decode it 500 times. Stored
 * announcements never change, so a cached one is never stale.
 */
@ApplicationScoped
public class StoredAnnouncements {

    /** Enough for every announcement of a busy hour; each entry is one payload (a few KB). */
    private static final int CAPACITY = 1024;

    /** The payload as received from Kafka, and the same parsed on first use. */
    public record Stored(String payload, Supplier<ClassifiedAnnouncement> parsed) {
    }

    private final ObjectMapper json;
    private final Map<String, Stored> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > CAPACITY;
        }
    };

    StoredAnnouncements(ObjectMapper json) {
        this.json = json;
    }

    /** Called by the recorder, which has just stored it and holds it parsed already. */
    public void remember(String id, String payload, ClassifiedAnnouncement parsed) {
        put(id, new Stored(payload, () -> parsed));
    }

    /** The announcements with these ids, from memory or else in one query on {@code c}, kept for the next claim. */
    public Map<String, Stored> get(Connection c, Collection<String> ids) throws SQLException {
        return get(c, ids, true);
    }

    /**
     * The same without keeping what was read: for readers of many older announcements at once (the catalyst
     * calendar), which would otherwise push the announcements being delivered out of memory.
     */
    public Map<String, Stored> read(Connection c, Collection<String> ids) throws SQLException {
        return get(c, ids, false);
    }

    private Map<String, Stored> get(Connection c, Collection<String> ids, boolean keep) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        List<String> missing;
        synchronized (recent) {
            for (String id : ids) {
                Stored s = recent.get(id);
                if (s != null) {
                    found.put(id, s);
                }
            }
        }
        missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM announcement WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Stored s = new Stored(rs.getString(2), lazy(rs.getString(2)));
                        if (keep) {
                            put(rs.getString(1), s);
                        }
                        found.put(rs.getString(1), s);
                    }
                }
            }
        }
        return found;
    }

    private void put(String id, Stored s) {
        synchronized (recent) {
            recent.put(id, s);
        }
    }

    private Supplier<ClassifiedAnnouncement> lazy(String payload) {
        return new Supplier<>() {
            private ClassifiedAnnouncement value;

            @Override
            public synchronized ClassifiedAnnouncement get() {
                if (value == null) {
                    try {
                        value = json.readValue(payload, ClassifiedAnnouncement.class);
                    } catch (Exception e) {
                        throw new IllegalStateException("stored announcement is not readable", e);
                    }
                }
                return value;
            }
        };
    }
}
