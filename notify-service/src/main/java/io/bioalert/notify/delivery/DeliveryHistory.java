package io.bioalert.notify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A watchlist's deliveries, newest first, as users read them: sent, retrying, failed, with the last error,
 * and the later reports of the same news that were attached to each instead of sent.
 */
@ApplicationScoped
public class DeliveryHistory {

    /**
     * @param kind         {@code alert} for an announcement, else the notice's type ({@code catalyst_reminder},
     *                     {@code catalyst_date_changed}); a notice's title is its subject and its announcementId
     *                     its key
     * @param status       PENDING, RETRYING (pending after a failed attempt), SENDING, SENT, FAILED, CANCELLED,
     *                     UNKNOWN (an at-most-once destination's send whose answer was lost: not sent again), or
     *                     DIGEST (waiting for the end of the digest period)
     * @param alsoReported later reports of the same news, attached to this alert instead of sent, oldest first
     */
    public record Entry(UUID id, UUID destinationId, String channel, String kind, String announcementId, String title,
            String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
            JsonNode reasons, List<Report> alsoReported) {
    }

    /** An announcement attached to an alert: another outlet's or language's report of the same event. */
    public record Report(String announcementId, String title, String url, String source, Instant attachedAt) {
    }

    private final DeliveryStore store;
    private final ObjectMapper json;

    DeliveryHistory(DeliveryStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public List<Entry> of(UUID watchlistId, String status, int limit) throws SQLException {
        String where = status == null ? "" : switch (status) {
            case "RETRYING" -> " AND d.status = 'PENDING' AND d.attempts > 0";
            case "PENDING" -> " AND d.status = 'PENDING' AND d.attempts = 0";
            case "DIGEST" -> " AND d.status IN ('DIGEST_PENDING', 'DIGEST_SENDING')";
            default -> " AND d.status = ?";
        };
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT d.id, d.destination_id, d.channel, d.announcement_id,
                               COALESCE(a.payload::jsonb -> 'announcement' ->> 'title', d.notice::jsonb ->> 'subject'),
                               d.status, d.attempts, d.last_error, d.created_at, d.next_attempt_at, d.sent_at, d.reasons,
                               COALESCE(d.notice::jsonb ->> 'type', 'alert')
                        FROM delivery d LEFT JOIN announcement a ON a.id = d.announcement_id AND d.notice IS NULL
                        WHERE d.watchlist_id = ?""" + where + " ORDER BY d.created_at DESC LIMIT ?")) {
            int i = 1;
            ps.setObject(i++, watchlistId);
            if (where.contains("?")) {
                ps.setString(i++, status);
            }
            ps.setInt(i, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String st = rs.getString(6);
                    int attempts = rs.getInt(7);
                    String shown = "PENDING".equals(st) && attempts > 0 ? "RETRYING"
                            : st.startsWith("DIGEST") ? "DIGEST" : st;
                    out.add(new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(13), rs.getString(4), rs.getString(5), shown, attempts, rs.getString(8), instant(rs.getTimestamp(9)),
                            "SENT".equals(st) || "FAILED".equals(st) ? null : instant(rs.getTimestamp(10)),
                            instant(rs.getTimestamp(11)), readReasons(rs.getString(12)), new ArrayList<>()));
                }
            }
            addReports(c, out);
            return out;
        }
    }

    private static void addReports(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Map<UUID, List<Report>> byDelivery = new HashMap<>();
        for (Entry e : entries) {
            byDelivery.put(e.id(), e.alsoReported());
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.delivery_id, r.announcement_id, p.doc -> 'announcement' ->> 'title',
                       p.doc -> 'announcement' ->> 'url', p.doc -> 'announcement' ->> 'source', r.attached_at
                FROM attached_report r
                JOIN announcement a ON a.id = r.announcement_id
                CROSS JOIN LATERAL (SELECT a.payload::jsonb AS doc) p
                WHERE r.delivery_id = ANY(?)
                ORDER BY r.attached_at""")) {
            ps.setArray(1, c.createArrayOf("uuid", byDelivery.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byDelivery.get(rs.getObject(1, UUID.class)).add(new Report(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))));
                }
            }
        }
    }

    private JsonNode readReasons(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
