package io.bioalert.notify.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the catalyst calendar: catalysts by period, the announcements behind each, and their moves. */
@ApplicationScoped
public class Catalysts {

    /** One move of a catalyst's date, by the announcement that said so. */
    public record Move(int seq, LocalDate fromDate, String fromPrecision, LocalDate toDate, String toPrecision,
            String announcementId, String evidence, Instant changedAt) {
    }

    /**
     * Catalysts whose period touches [from, to], any status, soonest first.
     *
     * @param c a connection of the caller's, so that a view is read in one go
     */
    public List<Catalyst> overlapping(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CatalystStore.COLUMNS
                + " FROM catalyst WHERE event_date <= ? AND period_end >= ? ORDER BY event_date, drug, kind, id")) {
            ps.setObject(1, to);
            ps.setObject(2, from);
            return readAll(ps);
        }
    }

    /** Open catalysts whose first day falls within [from, to]: those a reminder may be due for. */
    public List<Catalyst> openStarting(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CatalystStore.COLUMNS
                + " FROM catalyst WHERE status = 'OPEN' AND event_date BETWEEN ? AND ? ORDER BY event_date, id")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            return readAll(ps);
        }
    }

    public List<Catalyst> byIds(Connection c, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CatalystStore.COLUMNS
                + " FROM catalyst WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return readAll(ps);
        }
    }

    /** The announcements behind each catalyst, in the order they were recorded. */
    public Map<UUID, List<String>> announcementIds(Connection c, Collection<UUID> catalysts) throws SQLException {
        Map<UUID, List<String>> out = new HashMap<>();
        if (catalysts.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT catalyst_id, announcement_id FROM catalyst_announcement WHERE catalyst_id = ANY(?)
                ORDER BY recorded_at, announcement_id""")) {
            ps.setArray(1, c.createArrayOf("uuid", catalysts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The moves of each catalyst, oldest first. */
    public Map<UUID, List<Move>> moves(Connection c, Collection<UUID> catalysts) throws SQLException {
        Map<UUID, List<Move>> out = new HashMap<>();
        if (catalysts.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT catalyst_id, seq, from_date, from_precision, to_date, to_precision, announcement_id, evidence,
                       changed_at
                FROM catalyst_change WHERE catalyst_id = ANY(?) ORDER BY catalyst_id, seq""")) {
            ps.setArray(1, c.createArrayOf("uuid", catalysts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Move(rs.getInt(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return out;
    }

    private static List<Catalyst> readAll(PreparedStatement ps) throws SQLException {
        List<Catalyst> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /** One row of {@link CatalystStore#COLUMNS}. */
    static Catalyst read(ResultSet rs) throws SQLException {
        return new Catalyst(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
                rs.getString(10), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getObject(16, LocalDate.class), rs.getInt(17), rs.getTimestamp(18).toInstant(),
                rs.getTimestamp(19).toInstant());
    }
}
