package io.bioalert.notify.calendar;

import io.bioalert.model.CatalystTag;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes the catalyst calendar as {@link CatalystRules} decide, in plain JDBC like the delivery queue: one
 * transaction per dated tag, the open catalyst of a key locked while it is changed, the partial unique index
 * {@code catalyst_open} deciding which of two concurrent first announcements opens it. Every announcement is
 * linked to the catalysts it touched under a primary key, so a redelivered record changes nothing.
 */
@ApplicationScoped
public class CatalystStore {

    /** What recording one dated tag did. */
    public enum Result {
        OPENED, CONFIRMED, MOVED, EARLIER,
        /** The key's catalyst was closed on or after this announcement's day: old news, nothing recorded. */
        OLD_NEWS,
        /** This announcement was recorded for the key before (a redelivery). */
        ALREADY
    }

    static final String COLUMNS = """
            id, drug_key, drug, agency, kind, event_date, precision, period_end, evidence, announcement_id, as_of,
            opened_on, status, outcome_announcement_id, outcome_evidence, outcome_on, sequence, created_at, updated_at""";

    private static final String KEY = "drug_key = ? AND kind = ? AND COALESCE(agency, '') = ?";

    private final DataSource dataSource;

    CatalystStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens, confirms or moves the open catalyst of the tag's (drug, agency, kind). */
    public Result record(String announcementId, LocalDate published, String drugKey, CatalystTag tag) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Result r = record(c, announcementId, published, drugKey, tag);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Result record(Connection c, String announcementId, LocalDate published, String drugKey, CatalystTag tag)
            throws SQLException {
        if (alreadyRecorded(c, announcementId, drugKey, tag)) {
            return Result.ALREADY;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Catalyst open = lockOpen(c, drugKey, tag);
            if (open != null) {
                return change(c, open, announcementId, published, tag);
            }
            LocalDate lastOutcome = lastOutcome(c, drugKey, tag);
            if (lastOutcome != null && !CatalystRules.opensAfterOutcome(lastOutcome, published)) {
                return Result.OLD_NEWS;
            }
            UUID id = insertOpen(c, announcementId, published, drugKey, tag);
            if (id != null) {
                link(c, id, announcementId, "OPENED");
                return Result.OPENED;
            }
            // Another transaction opened it meanwhile and has committed (the insert waited for it): change that one.
        }
        throw new SQLException("catalyst " + drugKey + "/" + tag.kind() + " kept changing under this transaction");
    }

    private static boolean alreadyRecorded(Connection c, String announcementId, String drugKey, CatalystTag tag)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM catalyst_announcement ca JOIN catalyst c ON c.id = ca.catalyst_id
                WHERE ca.announcement_id = ? AND c.""" + KEY)) {
            ps.setString(1, announcementId);
            setKey(ps, 2, drugKey, tag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Catalyst lockOpen(Connection c, String drugKey, CatalystTag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM catalyst WHERE " + KEY
                + " AND status = 'OPEN' FOR UPDATE")) {
            setKey(ps, 1, drugKey, tag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Catalysts.read(rs) : null;
            }
        }
    }

    private static LocalDate lastOutcome(Connection c, String drugKey, CatalystTag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(outcome_on) FROM catalyst WHERE " + KEY
                + " AND status <> 'OPEN'")) {
            setKey(ps, 1, drugKey, tag);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDate.class);
            }
        }
    }

    private static UUID insertOpen(Connection c, String announcementId, LocalDate published, String drugKey,
            CatalystTag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO catalyst (id, drug_key, drug, agency, kind, event_date, precision, period_end, evidence,
                                      announcement_id, as_of, opened_on, status, sequence, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, now(), now())
                ON CONFLICT (drug_key, kind, (COALESCE(agency, ''))) WHERE status = 'OPEN' DO NOTHING
                RETURNING id""")) {
            UUID id = UUID.randomUUID();
            int i = 1;
            ps.setObject(i++, id);
            ps.setString(i++, drugKey);
            ps.setString(i++, tag.drug().strip());
            ps.setString(i++, tag.agency());
            ps.setString(i++, tag.kind());
            ps.setObject(i++, tag.date());
            ps.setString(i++, tag.precision());
            ps.setObject(i++, CatalystPeriod.end(tag.date(), tag.precision()));
            ps.setString(i++, tag.evidence());
            ps.setString(i++, announcementId);
            ps.setObject(i++, published);
            ps.setObject(i, published);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? id : null;
            }
        }
    }

    private static Result change(Connection c, Catalyst open, String announcementId, LocalDate published, CatalystTag tag)
            throws SQLException {
        switch (CatalystRules.change(open, tag, published)) {
            case OLDER -> {
                link(c, open.id(), announcementId, "EARLIER");
                return Result.EARLIER;
            }
            case CONFIRMS -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE catalyst SET as_of = GREATEST(as_of, ?) WHERE id = ?")) {
                    ps.setObject(1, published);
                    ps.setObject(2, open.id());
                    ps.executeUpdate();
                }
                link(c, open.id(), announcementId, "CONFIRMED");
                return Result.CONFIRMED;
            }
            default -> {
                int seq = open.sequence() + 1;
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO catalyst_change (catalyst_id, seq, from_date, from_precision, to_date, to_precision,
                                                     announcement_id, evidence, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())""")) {
                    int i = 1;
                    ps.setObject(i++, open.id());
                    ps.setInt(i++, seq);
                    ps.setObject(i++, open.date());
                    ps.setString(i++, open.precision());
                    ps.setObject(i++, tag.date());
                    ps.setString(i++, tag.precision());
                    ps.setString(i++, announcementId);
                    ps.setString(i, tag.evidence());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE catalyst SET event_date = ?, precision = ?, period_end = ?, evidence = ?,
                                            announcement_id = ?, as_of = ?, sequence = ?, updated_at = now()
                        WHERE id = ?""")) {
                    int i = 1;
                    ps.setObject(i++, tag.date());
                    ps.setString(i++, tag.precision());
                    ps.setObject(i++, CatalystPeriod.end(tag.date(), tag.precision()));
                    ps.setString(i++, tag.evidence());
                    ps.setString(i++, announcementId);
                    ps.setObject(i++, published);
                    ps.setInt(i++, seq);
                    ps.setObject(i, open.id());
                    ps.executeUpdate();
                }
                link(c, open.id(), announcementId, "MOVED");
                return Result.MOVED;
            }
        }
    }

    /**
     * Closes the open catalysts of (drug, agency) that an outcome event settles (see {@link CatalystRules}),
     * in one statement that also links the announcement to them.
     *
     * @return the catalysts closed now; none when the record is a redelivery
     */
    public List<UUID> close(String announcementId, LocalDate day, String drugKey, String agency, String eventType,
            String evidence) throws SQLException {
        List<String> kinds = CatalystRules.closedKinds(eventType);
        if (kinds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH closed AS (
                            UPDATE catalyst SET status = ?, outcome_announcement_id = ?, outcome_evidence = ?,
                                                outcome_on = ?, sequence = sequence + 1, updated_at = now()
                            WHERE drug_key = ? AND COALESCE(agency, '') = ? AND kind = ANY(?) AND status = 'OPEN'
                              AND opened_on <= ?
                            RETURNING id)
                        INSERT INTO catalyst_announcement (catalyst_id, announcement_id, role, recorded_at)
                        SELECT id, ?, ?, now() FROM closed
                        ON CONFLICT DO NOTHING
                        RETURNING catalyst_id""")) {
            String status = CatalystRules.closingStatus(eventType);
            int i = 1;
            ps.setString(i++, status);
            ps.setString(i++, announcementId);
            ps.setString(i++, evidence);
            ps.setObject(i++, day);
            ps.setString(i++, drugKey);
            ps.setString(i++, agency == null ? "" : agency);
            ps.setArray(i++, c.createArrayOf("text", kinds.toArray()));
            ps.setObject(i++, day);
            ps.setString(i++, announcementId);
            ps.setString(i, status);
            List<UUID> closed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closed.add(rs.getObject(1, UUID.class));
                }
            }
            return closed;
        }
    }

    /** Whether some catalyst stands on this announcement, so that its text must be kept. */
    public boolean linked(String announcementId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM catalyst_announcement WHERE announcement_id = ? LIMIT 1")) {
            ps.setString(1, announcementId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void link(Connection c, UUID catalyst, String announcementId, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO catalyst_announcement (catalyst_id, announcement_id, role, recorded_at)
                VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")) {
            ps.setObject(1, catalyst);
            ps.setString(2, announcementId);
            ps.setString(3, role);
            ps.executeUpdate();
        }
    }

    private static void setKey(PreparedStatement ps, int from, String drugKey, CatalystTag tag) throws SQLException {
        ps.setString(from, drugKey);
        ps.setString(from + 1, tag.kind());
        ps.setString(from + 2, tag.agency() == null ? "" : tag.agency());
    }
}
