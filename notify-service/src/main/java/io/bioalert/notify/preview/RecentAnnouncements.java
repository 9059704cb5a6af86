package io.bioalert.notify.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.FactIndex;
import io.bioalert.notify.matching.FilterMatcher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The stored announcements of the last {@link #WINDOW}, parsed once and kept in memory with an index of
 * their tags ({@link FactIndex}): parsing 100,000 JSON payloads per preview would take seconds, and visiting
 * each one's facts costs a cache miss apiece. Each call reads only what was received since the previous one
 * (stored announcements never change). The normalised text is kept apart from the facts built from the
 * tags, because only keyword filters need text facts, and those of 100,000 texts would not fit in memory.
 */
@ApplicationScoped
public class RecentAnnouncements {

    static final Duration WINDOW = Duration.ofDays(90);
    /** received_at is now() at insert, so a transaction committing late can add rows just behind the cursor. */
    private static final Duration LATE_COMMIT = Duration.ofMinutes(2);
    /** Rows per read of ids: with a LIMIT the planner keeps to the received_at index, statistics or not. */
    private static final int BATCH = 10_000;

    /** One stored announcement: the facts of its tags, and its normalised text for keyword filters. */
    record Entry(String id, Instant receivedAt, Classification classification, String paddedText,
            AnnouncementFacts tagFacts) {

        AnnouncementFacts fullFacts() {
            return AnnouncementFacts.of(classification, paddedText, "");
        }
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    /** In the order read, which is that of received_at but for late commits; positions in {@link #index}. */
    private List<Entry> entries = new ArrayList<>();
    private FactIndex index = new FactIndex();
    private final Set<String> held = new HashSet<>();
    private Instant cursor;
    /** Expired entries are skipped when asked for and dropped from memory once a day. */
    private Instant compactedAt = Instant.EPOCH;

    RecentAnnouncements(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * The announcements received within the window that {@code matcher} may match (a superset, in the order
     * read): those having one of the values it asks for in its most selective field, or all for a filter of
     * keywords alone.
     */
    synchronized List<Entry> candidates(FilterMatcher matcher) throws SQLException {
        Instant oldest = refresh().minus(WINDOW);
        int[] positions = index.candidates(matcher);
        List<Entry> out = new ArrayList<>(positions == null ? entries.size() : positions.length);
        if (positions == null) {
            entries.stream().filter(e -> !e.receivedAt().isBefore(oldest)).forEach(out::add);
        } else {
            for (int p : positions) {
                Entry e = entries.get(p);
                if (!e.receivedAt().isBefore(oldest)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The first read parses everything of the last 90 days (seconds for 100,000): not on a subscriber's time. */
    void warm(@Observes StartupEvent event) {
        Thread warm = new Thread(() -> {
            try {
                refresh();
            } catch (SQLException | RuntimeException e) {
                Log.warnf("preview: stored announcements not read at start, will be on first use: %s", e.toString());
            }
        }, "preview-warm");
        warm.setDaemon(true);
        warm.start();
    }

    /** @return the database's now */
    private synchronized Instant refresh() throws SQLException {
        Instant now;
        List<Entry> added = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            now = dbNow(c);
            Instant from = cursor == null ? now.minus(WINDOW) : cursor.minus(LATE_COMMIT);
            // The overlap is read again on every call: ids first, payloads only of what is not held yet.
            Map<String, Instant> unseen = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, received_at FROM announcement "
                    + "WHERE received_at > ? ORDER BY received_at LIMIT " + BATCH)) {
                while (true) {
                    ps.setTimestamp(1, Timestamp.from(from));
                    int rows = 0;
                    Instant last = from;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            last = rs.getTimestamp(2).toInstant();
                            if (!held.contains(rs.getString(1))) {
                                unseen.put(rs.getString(1), last);
                            }
                        }
                    }
                    cursor = cursor == null || last.isAfter(cursor) ? last : cursor;
                    if (rows < BATCH || !last.isAfter(from)) {
                        break;
                    }
                    from = last.minusNanos(1_000); // rows sharing the last instant come again; held ids are skipped
                }
            }
            List<String> ids = new ArrayList<>(unseen.keySet());
            for (int i = 0; i < ids.size(); i += 1_000) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM announcement WHERE id = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("text", ids.subList(i, Math.min(ids.size(), i + 1_000)).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (held.add(rs.getString(1))) {
                                added.add(entry(rs.getString(1), rs.getString(2), unseen.get(rs.getString(1))));
                            }
                        }
                    }
                }
            }
        }
        if (cursor == null) {
            cursor = now.minus(WINDOW);
        }
        for (Entry e : added) {
            index.add(e.tagFacts());
            entries.add(e);
        }
        if (compactedAt.isBefore(now.minus(Duration.ofDays(1)))) {
            compact(now.minus(WINDOW));
            compactedAt = now;
        }
        return now;
    }

    private void compact(Instant oldest) {
        List<Entry> kept = new ArrayList<>(entries.size());
        FactIndex rebuilt = new FactIndex();
        for (Entry e : entries) {
            if (e.receivedAt().isBefore(oldest)) {
                held.remove(e.id());
            } else {
                rebuilt.add(e.tagFacts());
                kept.add(e);
            }
        }
        entries = kept;
        index = rebuilt;
    }

    private Entry entry(String id, String payload, Instant receivedAt) throws SQLException {
        ClassifiedAnnouncement a;
        try {
            a = json.readValue(payload, ClassifiedAnnouncement.class);
        } catch (Exception e) {
            // Stored only after it was parsed once on the way in, so this is a bug, not bad input.
            throw new IllegalStateException("stored announcement " + id + " is not a classified announcement", e);
        }
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        return new Entry(id, receivedAt, c, AnnouncementFacts.paddedText(a.announcement().title(),
                a.announcement().body()), AnnouncementFacts.of(c, "", ""));
    }

    private static Instant dbNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT now()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
