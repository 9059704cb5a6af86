package io.bioalert.notify.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.matching.AnnouncementFacts;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The stored announcements of the last {@link #WINDOW}, parsed once and kept in memory, oldest first: a
 * preview judges every one of them, and parsing 100,000 JSON payloads per request would take seconds. Each
 * call reads only what was received since the previous one (stored announcements never change). The text
 * is kept apart from the facts built from the tags, because only keyword filters need text facts, and
 * those of 100,000 texts would not fit in memory.
 */
@ApplicationScoped
public class RecentAnnouncements {

    static final Duration WINDOW = Duration.ofDays(90);
    /** received_at is now() at insert, so a transaction committing late can add rows just behind the cursor. */
    private static final Duration LATE_COMMIT = Duration.ofMinutes(2);

    /** One stored announcement: the facts of its tags, and its normalised text for keyword filters. */
    record Entry(String id, Instant receivedAt, Classification classification, String paddedText,
            AnnouncementFacts tagFacts) {

        AnnouncementFacts fullFacts() {
            return AnnouncementFacts.of(classification, paddedText, "");
        }
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    private volatile List<Entry> entries = List.of();
    private final Set<String> held = new HashSet<>();
    private Instant cursor;

    RecentAnnouncements(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Everything received within the window, as of now, oldest first. */
    List<Entry> current() throws SQLException {
        refresh();
        return entries;
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

    private synchronized void refresh() throws SQLException {
        Instant now;
        List<Entry> added = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            now = dbNow(c);
            Instant from = cursor == null ? now.minus(WINDOW) : cursor.minus(LATE_COMMIT);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, payload, received_at FROM announcement WHERE received_at > ? ORDER BY received_at")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        Instant at = rs.getTimestamp(3).toInstant();
                        cursor = cursor == null || at.isAfter(cursor) ? at : cursor;
                        if (held.add(id)) {
                            added.add(entry(id, rs.getString(2), at));
                        }
                    }
                }
            }
        }
        if (cursor == null) {
            cursor = now.minus(WINDOW);
        }
        Instant oldest = now.minus(WINDOW);
        List<Entry> old = entries;
        boolean expired = !old.isEmpty() && old.get(0).receivedAt().isBefore(oldest);
        if (added.isEmpty() && !expired) {
            return;
        }
        List<Entry> next = new ArrayList<>(old.size() + added.size());
        for (Entry e : old) {
            if (e.receivedAt().isBefore(oldest)) {
                held.remove(e.id());
            } else {
                next.add(e);
            }
        }
        next.addAll(added);
        if (!added.isEmpty() && !old.isEmpty() && added.get(0).receivedAt().isBefore(old.get(old.size() - 1).receivedAt())) {
            next.sort(Comparator.comparing(Entry::receivedAt));
        }
        entries = List.copyOf(next);
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
