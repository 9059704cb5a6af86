package io.bioalert.notify.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.notify.channel.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The recent announcements that matched one subscriber's watchlists, newest match first, with their tags,
 * their text and where the evidence stands in it: what the subscriber page shows. Only announcements a
 * delivery was recorded for are kept here, so a subscriber sees exactly what their watchlists caught; a later
 * report of the same news, attached to an alert instead of sent, is listed under the alerted announcement.
 */
@ApplicationScoped
public class MatchedAnnouncements {

    /**
     * One announcement as the page shows it.
     *
     * @param alsoReported other outlets' or languages' reports of the same news, attached to its alerts
     *                     instead of sent
     */
    public record Item(String id, Instant matchedAt, List<String> watchlists, String title, String url,
            LocalDate publishedAt, String source, List<String> drugs, List<String> companies, List<AlertView.Tag> tags,
            String text, List<Highlights.Span> highlights, List<Report> alsoReported) {
    }

    /** A later report of the same news: enough to name it and link to it. */
    public record Report(String id, String title, String url, String source, String publishedAt, Instant attachedAt) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    MatchedAnnouncements(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public List<Item> recent(UUID subscriber, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH recent AS (
                            SELECT d.announcement_id, max(d.created_at) AS matched_at,
                                   array_agg(DISTINCT w.name ORDER BY w.name) AS watchlists
                            FROM watchlist w JOIN delivery d ON d.watchlist_id = w.id
                            WHERE w.subscriber_id = ? AND w.deleted_at IS NULL AND d.notice IS NULL
                            GROUP BY d.announcement_id
                            ORDER BY matched_at DESC
                            LIMIT ?)
                        SELECT r.announcement_id, r.matched_at, r.watchlists, a.payload
                        FROM recent r JOIN announcement a ON a.id = r.announcement_id
                        ORDER BY r.matched_at DESC""")) {
            ps.setObject(1, subscriber);
            ps.setInt(2, limit);
            List<Item> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs.getTimestamp(2).toInstant(),
                            Arrays.asList((String[]) rs.getArray(3).getArray()), read(rs.getString(4))));
                }
            }
            addReports(c, subscriber, items);
            return items;
        }
    }

    /** The reports attached to the alerts of these announcements, each once although several watchlists hold it. */
    private static void addReports(Connection c, UUID subscriber, List<Item> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Map<String, List<Report>> byAnnouncement = new HashMap<>();
        items.forEach(i -> byAnnouncement.put(i.id(), i.alsoReported()));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.alerted, r.announcement_id, p.doc -> 'announcement' ->> 'title',
                       p.doc -> 'announcement' ->> 'url', p.doc -> 'announcement' ->> 'source',
                       p.doc -> 'announcement' ->> 'publishedAt', r.attached_at
                FROM (SELECT d.announcement_id AS alerted, r.announcement_id, min(r.attached_at) AS attached_at
                      FROM attached_report r
                      JOIN delivery d ON d.id = r.delivery_id
                      JOIN watchlist w ON w.id = r.watchlist_id
                      WHERE w.subscriber_id = ? AND w.deleted_at IS NULL AND d.announcement_id = ANY(?)
                      GROUP BY d.announcement_id, r.announcement_id) r
                JOIN announcement a ON a.id = r.announcement_id
                CROSS JOIN LATERAL (SELECT a.payload::jsonb AS doc) p
                ORDER BY r.attached_at""")) {
            ps.setObject(1, subscriber);
            ps.setArray(2, c.createArrayOf("text", byAnnouncement.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byAnnouncement.get(rs.getString(1)).add(new Report(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
    }

    private Item item(Instant matchedAt, List<String> watchlists, ClassifiedAnnouncement a) {
        AlertView view = AlertView.of(a, List.of(), null);
        RawAnnouncement raw = a.announcement();
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        return new Item(a.id(), matchedAt, watchlists, view.title(), raw.url(), raw.publishedAt(), raw.source(),
                c.drugs(), c.companies(), view.tags(), raw.fullText(), Highlights.of(a), new ArrayList<>());
    }

    private ClassifiedAnnouncement read(String payload) {
        try {
            return json.readValue(payload, ClassifiedAnnouncement.class);
        } catch (Exception e) {
            // Stored only after it was parsed once on the way in, so this is a bug, not bad input.
            throw new IllegalStateException("stored announcement is not a classified announcement", e);
        }
    }
}
