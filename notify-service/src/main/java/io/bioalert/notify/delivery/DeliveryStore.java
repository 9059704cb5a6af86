package io.bioalert.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.watchlist.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The deliveries table as a persistent queue, in plain JDBC because its statements are what PostgreSQL
 * does best and an ORM would hide: a set-based insert with ON CONFLICT for the exactly-once key, and a
 * claim with FOR UPDATE SKIP LOCKED plus a lease for concurrent dispatchers.
 */
@ApplicationScoped
public class DeliveryStore {

    /**
     * What a channel needs of a delivery, its destination and its watchlist. A removed destination reads
     * as status {@link #REMOVED}, so that a row claimed after the removal is cancelled, not sent.
     */
    public static final String JOB_COLUMNS = """
            d.id, d.attempts, d.reasons, d.announcement_id, dst.id, dst.type, dst.address, dst.secret,
            CASE WHEN dst.deleted_at IS NULL THEN dst.status ELSE 'REMOVED' END, dst.rate_per_minute,
            w.id, w.name, w.filter_json, w.deleted_at, d.notice, dst.at_most_once""";

    /** The status a removed destination's deliveries read it by. */
    public static final String REMOVED = "REMOVED";

    private static final int JOB_COLUMN_COUNT = 16;

    /** The final status of an at-most-once delivery that may or may not have reached its receiver. */
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * Status, attempts, due time and lease of a new delivery, from the watchlist's {@code digest} and the
     * claim's {@code owner} and {@code lease_ms}: the same in {@link #RECORD} and {@link #RECORD_NEWS}.
     */
    private static final String NEW_DELIVERY = """
            CASE WHEN digest <> 'IMMEDIATE' THEN 'DIGEST_PENDING'
                 WHEN owner IS NULL THEN 'PENDING' ELSE 'SENDING' END,
            CASE WHEN digest = 'IMMEDIATE' AND owner IS NOT NULL THEN 1 ELSE 0 END,
            CASE digest WHEN 'HOURLY' THEN date_trunc('hour', now()) + interval '1 hour'
                        WHEN 'DAILY' THEN date_trunc('day', now()) + interval '1 day'
                        ELSE now() + lease_ms * interval '1 millisecond' END,
            CASE WHEN digest = 'IMMEDIATE' THEN owner END""";

    private static final String INSERT_DELIVERY = """
            INSERT INTO delivery (id, watchlist_id, destination_id, announcement_id, channel, status, attempts,
                                  next_attempt_at, lease_owner, reasons, created_at)""";

    /**
     * Inserts one delivery per active destination of the matched watchlists. Given a claim owner, the
     * immediate ones are inserted already claimed by it (SENDING, first attempt, under its lease) and
     * returned, so that they are sent without a second write to claim them; without one they are PENDING
     * for the claim loops. Digest deliveries wait for their period either way.
     */
    private static final String RECORD = """
            WITH d AS (
            """ + INSERT_DELIVERY + """

                SELECT gen_random_uuid(), w.id, dst.id, ?, dst.type,
            """ + NEW_DELIVERY + """
            ,
                       m.reasons, now()
                FROM unnest(?::uuid[], ?::text[]) AS m(watchlist_id, reasons)
                CROSS JOIN (VALUES (?::uuid, ?::bigint)) AS claim(owner, lease_ms)
                JOIN watchlist w ON w.id = m.watchlist_id AND w.deleted_at IS NULL
                JOIN destination dst ON dst.watchlist_id = w.id AND dst.status = 'ACTIVE' AND dst.deleted_at IS NULL
                ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                RETURNING id, attempts, reasons, announcement_id, destination_id, watchlist_id, status, notice)
            SELECT""" + " " + JOB_COLUMNS + """

            FROM d JOIN destination dst ON dst.id = d.destination_id JOIN watchlist w ON w.id = d.watchlist_id
            WHERE d.status = 'SENDING'""";

    /**
     * {@link #RECORD} for an announcement with event keys. Each destination that has neither a delivery
     * nor an attachment of this announcement yet claims its keys in event_alert; one that takes at least
     * one key (new, or older than the window) gets a delivery, one that takes none has had this news
     * alerted and gets the announcement attached to the newest of those alerts. A key committed by another
     * transaction after this statement's snapshot is refused by ON CONFLICT yet invisible to the attaching
     * join: the last column counts such destinations ({@code missed}), and {@link #ATTACH} handles them.
     * Keys are claimed in one order everywhere (destination, then key), so that two announcements of one
     * event fanning out at once wait for each other instead of deadlocking.
     */
    private static final String RECORD_NEWS = """
            WITH candidate AS MATERIALIZED (
                SELECT gen_random_uuid() AS id, w.id AS watchlist_id, dst.id AS destination_id, dst.type AS channel,
                       w.digest, m.reasons
                FROM unnest(?::uuid[], ?::text[]) AS m(watchlist_id, reasons)
                JOIN watchlist w ON w.id = m.watchlist_id AND w.deleted_at IS NULL
                JOIN destination dst ON dst.watchlist_id = w.id AND dst.status = 'ACTIVE' AND dst.deleted_at IS NULL
                WHERE NOT EXISTS (SELECT 1 FROM delivery x WHERE x.watchlist_id = w.id AND x.destination_id = dst.id
                                  AND x.announcement_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM attached_report r WHERE r.watchlist_id = w.id AND r.destination_id = dst.id
                                  AND r.announcement_id = ?)),
            news AS (
                INSERT INTO event_alert (watchlist_id, destination_id, event_key, delivery_id, alerted_at)
                SELECT c.watchlist_id, c.destination_id, k.key, c.id, now()
                FROM candidate c CROSS JOIN unnest(?::text[]) AS k(key)
                ORDER BY c.watchlist_id, c.destination_id, k.key
                ON CONFLICT (watchlist_id, destination_id, event_key) DO UPDATE
                    SET delivery_id = EXCLUDED.delivery_id, alerted_at = EXCLUDED.alerted_at
                    WHERE event_alert.alerted_at <= now() - ? * interval '1 millisecond'
                RETURNING delivery_id),
            d AS (
            """ + INSERT_DELIVERY + """

                SELECT c.id, c.watchlist_id, c.destination_id, ?, c.channel,
            """ + NEW_DELIVERY + """
            ,
                       c.reasons, now()
                FROM candidate c
                CROSS JOIN (VALUES (?::uuid, ?::bigint)) AS claim(owner, lease_ms)
                WHERE c.id IN (SELECT delivery_id FROM news)
                ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                RETURNING id, attempts, reasons, announcement_id, destination_id, watchlist_id, status, notice),
            attached AS (
                INSERT INTO attached_report (watchlist_id, destination_id, announcement_id, delivery_id, attached_at)
                SELECT c.watchlist_id, c.destination_id, ?, e.delivery_id, now()
                FROM candidate c
                JOIN LATERAL (SELECT e.delivery_id FROM event_alert e
                              WHERE e.watchlist_id = c.watchlist_id AND e.destination_id = c.destination_id
                                AND e.event_key = ANY(?::text[])
                              ORDER BY e.alerted_at DESC LIMIT 1) e ON true
                WHERE c.id NOT IN (SELECT delivery_id FROM news)
                ON CONFLICT DO NOTHING
                RETURNING 1),
            tally AS (
                SELECT (SELECT count(*) FROM candidate) - (SELECT count(DISTINCT delivery_id) FROM news)
                       - (SELECT count(*) FROM attached) AS missed)
            SELECT""" + " " + JOB_COLUMNS + """
            , tally.missed
            FROM tally
            LEFT JOIN d ON d.status = 'SENDING'
            LEFT JOIN destination dst ON dst.id = d.destination_id
            LEFT JOIN watchlist w ON w.id = d.watchlist_id""";

    /**
     * Attaches the announcement, for the matched watchlists' destinations that have neither a delivery nor
     * an attachment of it, to the newest alert of its keys: the destinations {@link #RECORD_NEWS} found
     * alerted by a transaction it could not see yet. Run as a statement of its own, it sees that commit.
     */
    private static final String ATTACH = """
            INSERT INTO attached_report (watchlist_id, destination_id, announcement_id, delivery_id, attached_at)
            SELECT w.id, dst.id, ?, e.delivery_id, now()
            FROM unnest(?::uuid[]) AS m(watchlist_id)
            JOIN watchlist w ON w.id = m.watchlist_id AND w.deleted_at IS NULL
            JOIN destination dst ON dst.watchlist_id = w.id AND dst.status = 'ACTIVE' AND dst.deleted_at IS NULL
            JOIN LATERAL (SELECT e.delivery_id FROM event_alert e
                          WHERE e.watchlist_id = w.id AND e.destination_id = dst.id AND e.event_key = ANY(?::text[])
                          ORDER BY e.alerted_at DESC LIMIT 1) e ON true
            WHERE NOT EXISTS (SELECT 1 FROM delivery x WHERE x.watchlist_id = w.id AND x.destination_id = dst.id
                              AND x.announcement_id = ?)
            ON CONFLICT DO NOTHING""";

    /**
     * Claims due rows. A row still SENDING was claimed by an instance that died or gave up waiting: its
     * send may have reached the receiver. Those of at-most-once destinations end UNKNOWN here, in the same
     * statement, instead of being sent again; the others are claimed and sent again (at-least-once).
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT id, status AS was FROM delivery
                WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT ? FOR UPDATE SKIP LOCKED),
            lost AS (
                UPDATE delivery d SET status = 'UNKNOWN', lease_owner = NULL,
                       last_error = 'the instance sending it stopped before an answer was recorded; not sent again (atMostOnce)'
                  FROM due, destination dst
                 WHERE d.id = due.id AND due.was = 'SENDING' AND dst.id = d.destination_id AND dst.at_most_once
                RETURNING d.id)
            UPDATE delivery d
               SET status = 'SENDING', attempts = d.attempts + 1, lease_owner = ?,
                   next_attempt_at = now() + ? * interval '1 millisecond'
              FROM due, destination dst, watchlist w
             WHERE d.id = due.id AND dst.id = d.destination_id AND w.id = d.watchlist_id
               AND NOT (due.was = 'SENDING' AND dst.at_most_once)
            RETURNING """ + " " + JOB_COLUMNS;

    /**
     * Queues notices: one PENDING delivery per active destination of each watchlist, keyed by the notice's key
     * in place of an announcement id, so that delivery_once lets each through once per destination. Sent
     * at once, also for digest watchlists: a reminder is about a day, not news to collect.
     */
    private static final String RECORD_NOTICES = """
            INSERT INTO delivery (id, watchlist_id, destination_id, announcement_id, channel, status, attempts,
                                  next_attempt_at, created_at, notice)
            SELECT gen_random_uuid(), w.id, dst.id, m.key, dst.type, 'PENDING', 0, now(), now(), m.notice
            FROM unnest(?::uuid[], ?::text[], ?::text[]) AS m(watchlist_id, key, notice)
            JOIN watchlist w ON w.id = m.watchlist_id AND w.deleted_at IS NULL
            JOIN destination dst ON dst.watchlist_id = w.id AND dst.status = 'ACTIVE' AND dst.deleted_at IS NULL
            ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING""";

    private final DataSource dataSource;
    private final StoredAnnouncements announcements;
    private final ObjectMapper json;
    private final UnsubscribeLinks unsubscribeLinks;

    DeliveryStore(DataSource dataSource, StoredAnnouncements announcements, ObjectMapper json,
            UnsubscribeLinks unsubscribeLinks) {
        this.dataSource = dataSource;
        this.announcements = announcements;
        this.json = json;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /** Stores the announcement once; a redelivered record changes nothing. */
    public void storeAnnouncement(String announcementId, String payload) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO announcement (id, payload, received_at) VALUES (?, ?, now())
                        ON CONFLICT (id) DO NOTHING""")) {
            ps.setString(1, announcementId);
            ps.setString(2, payload);
            ps.executeUpdate();
        }
    }

    /**
     * Records one delivery per active destination of the matched watchlists, in one statement. A
     * redelivered record inserts nothing: the unique key already holds its rows. With event keys, a
     * destination that has had this news alerted within {@code window} gets the announcement attached to
     * that alert instead of a delivery.
     *
     * @param eventKeys {@link EventKeys} of the announcement; empty to key it by its id alone
     * @param claimFor  the dispatcher owner to claim the immediate deliveries for, or null to leave them PENDING
     * @return the deliveries claimed for {@code claimFor}, ready to send
     */
    public List<DeliveryJob> recordDeliveries(String announcementId, List<String> eventKeys,
            Map<UUID, String> reasonsByWatchlist, UUID claimFor, Duration lease, Duration window) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Array watchlists = c.createArrayOf("uuid", reasonsByWatchlist.keySet().toArray());
            Array reasons = c.createArrayOf("text", reasonsByWatchlist.values().toArray());
            long leaseMs = claimFor == null ? 0 : lease.toMillis();
            if (eventKeys.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(RECORD)) {
                    ps.setString(1, announcementId);
                    ps.setArray(2, watchlists);
                    ps.setArray(3, reasons);
                    ps.setObject(4, claimFor);
                    ps.setLong(5, leaseMs);
                    return readJobs(c, ps);
                }
            }
            Array keys = c.createArrayOf("text", eventKeys.toArray());
            long[] missed = {0};
            List<DeliveryJob> jobs;
            try (PreparedStatement ps = c.prepareStatement(RECORD_NEWS)) {
                int i = 1;
                ps.setArray(i++, watchlists);
                ps.setArray(i++, reasons);
                ps.setString(i++, announcementId);
                ps.setString(i++, announcementId);
                ps.setArray(i++, keys);
                ps.setLong(i++, window.toMillis());
                ps.setString(i++, announcementId);
                ps.setObject(i++, claimFor);
                ps.setLong(i++, leaseMs);
                ps.setString(i++, announcementId);
                ps.setArray(i, keys);
                jobs = readJobs(c, ps, rs -> missed[0] = rs.getLong(JOB_COLUMN_COUNT + 1));
            }
            if (missed[0] > 0) {
                try (PreparedStatement ps = c.prepareStatement(ATTACH)) {
                    ps.setString(1, announcementId);
                    ps.setArray(2, watchlists);
                    ps.setArray(3, keys);
                    ps.setString(4, announcementId);
                    ps.executeUpdate();
                }
            }
            return jobs;
        }
    }

    /** One notice for one watchlist's destinations, once per {@code key}. */
    public record QueuedNotice(UUID watchlistId, String key, Notice notice) {
    }

    /**
     * Queues each notice for the active destinations of its watchlist, once per (watchlist, destination, key)
     * however often it is queued.
     *
     * @return the deliveries inserted now (0 for notices queued before)
     */
    public int recordNotices(List<QueuedNotice> notices) throws SQLException {
        if (notices.isEmpty()) {
            return 0;
        }
        Object[] watchlists = new Object[notices.size()];
        String[] keys = new String[notices.size()];
        String[] bodies = new String[notices.size()];
        for (int i = 0; i < notices.size(); i++) {
            QueuedNotice n = notices.get(i);
            watchlists[i] = n.watchlistId();
            keys[i] = n.key();
            try {
                bodies[i] = json.writeValueAsString(n.notice());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RECORD_NOTICES)) {
            ps.setArray(1, c.createArrayOf("uuid", watchlists));
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("text", bodies));
            return ps.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}; a crash leaves them to be claimed again after it. */
    public List<DeliveryJob> claim(int limit, UUID owner, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setInt(1, limit);
                ps.setObject(2, owner);
                ps.setLong(3, lease.toMillis());
                List<DeliveryJob> jobs = readJobs(c, ps);
                c.commit();
                return jobs;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Runs a claim statement returning {@link #JOB_COLUMNS} and joins each row with its announcement. */
    public List<DeliveryJob> readJobs(Connection c, PreparedStatement ps) throws SQLException {
        return readJobs(c, ps, rs -> {
        });
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** The same, handing every row to {@code extra} first for columns after the job's; rows without a job are skipped. */
    private List<DeliveryJob> readJobs(Connection c, PreparedStatement ps, RowReader extra) throws SQLException {
        List<DeliveryJob> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                extra.read(rs);
                if (rs.getObject(1) == null) {
                    continue;
                }
                rows.add(new DeliveryJob(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        null, null, rs.getObject(5, UUID.class), Destination.Type.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), null, (Integer) rs.getObject(10),
                        rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13), rs.getTimestamp(14) != null,
                        readNotice(rs.getString(15)), rs.getBoolean(16)));
            }
        }
        // Mail carries an unsubscribe link: its token is minted here for the batch's new email destinations.
        Map<UUID, String> unsubscribe = unsubscribeLinks.tokensFor(rows.stream()
                .filter(r -> r.channel() == Destination.Type.EMAIL).map(DeliveryJob::destinationId).distinct().toList());
        Map<String, StoredAnnouncements.Stored> stored =
                announcements.get(c,
                rows.stream().filter(r -> r.notice() == null).map(DeliveryJob::announcementId).distinct().toList());
        List<DeliveryJob> jobs = new ArrayList<>(rows.size());
        for (DeliveryJob row : rows) {
            if (row.notice() != null) {
                // a notice says all it has to say itself; by mail it carries an unsubscribe link like an alert
                jobs.add(row.withUnsubscribeToken(unsubscribe.get(row.destinationId())));
                continue;
            }
            StoredAnnouncements.Stored a = stored.get(row.announcementId());
            if (a == null) {
                throw new IllegalStateException("delivery " + row.deliveryId() + " refers to a missing announcement");
            }
            jobs.add(row.withAnnouncement(a.payload(), a.parsed()).withUnsubscribeToken(unsubscribe.get(row.destinationId())));
        }
        return jobs;
    }

    private Notice readNotice(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, Notice.class);
        } catch (JsonProcessingException e) {
            // Written by this service a moment before, so this is a bug, not bad input.
            throw new IllegalStateException("stored notice is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** How one claimed delivery ended; applied only while the claim's lease is still ours. */
    public record Completion(UUID deliveryId, String status, int attemptDelta, Instant nextAttemptAt, String error) {
    }

    /** Writes the outcomes of a batch in one transaction, and disables destinations that refused us for good. */
    public void complete(UUID owner, List<Completion> completions, Map<UUID, String> disable) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One statement for the whole batch: a round trip per delivery would cap the dispatcher.
                // The "d.id = ANY" repeats the join key on purpose: without it the planner estimated the
                // lease owner's rows from the whole table and joined by scanning all of it, every history
                // row included, once per batch of outcomes; with it the rows are found through the key.
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE delivery d
                           SET status = u.status, attempts = d.attempts + u.delta,
                               next_attempt_at = COALESCE(to_timestamp(u.next_ms / 1000.0), d.next_attempt_at),
                               last_error = u.error, lease_owner = NULL,
                               sent_at = CASE WHEN u.status = 'SENT' THEN now() ELSE d.sent_at END
                          FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::int8[], ?::text[]) AS u(id, status, delta, next_ms, error)
                         WHERE d.id = ANY(?) AND d.id = u.id AND d.lease_owner = ?""")) {
                    int n = completions.size();
                    Object[] ids = new Object[n];
                    String[] statuses = new String[n];
                    Integer[] deltas = new Integer[n];
                    Long[] next = new Long[n];
                    String[] errors = new String[n];
                    for (int i = 0; i < n; i++) {
                        Completion done = completions.get(i);
                        ids[i] = done.deliveryId();
                        statuses[i] = done.status();
                        deltas[i] = done.attemptDelta();
                        next[i] = done.nextAttemptAt() == null ? null : done.nextAttemptAt().toEpochMilli();
                        errors[i] = done.error();
                    }
                    Array idArray = c.createArrayOf("uuid", ids);
                    ps.setArray(1, idArray);
                    ps.setArray(2, c.createArrayOf("text", statuses));
                    ps.setArray(3, c.createArrayOf("int4", deltas));
                    ps.setArray(4, c.createArrayOf("int8", next));
                    ps.setArray(5, c.createArrayOf("text", errors));
                    ps.setArray(6, idArray);
                    ps.setObject(7, owner);
                    ps.executeUpdate();
                }
                if (!disable.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE destination SET status = 'DISABLED', status_reason = ? WHERE id = ? AND status = 'ACTIVE'")) {
                        for (Map.Entry<UUID, String> d : disable.entrySet()) {
                            ps.setString(1, d.getValue());
                            ps.setObject(2, d.getKey());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Cancels what is queued for a watchlist, or for one destination of it: deliveries waiting to be sent
     * or retried, digests waiting for their period, and those being sent now, whose outcome is then not
     * written over the cancellation. A removed destination or watchlist must get nothing more.
     *
     * @param destinationId null for every destination of the watchlist
     * @return how many were cancelled
     */
    public int cancelQueued(UUID watchlistId, UUID destinationId, String why) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE delivery SET status = 'CANCELLED', last_error = ?, lease_owner = NULL
                         WHERE watchlist_id = ? AND (?::uuid IS NULL OR destination_id = ?::uuid)
                           AND status IN ('PENDING', 'SENDING', 'DIGEST_PENDING', 'DIGEST_SENDING')""")) {
            ps.setString(1, why);
            ps.setObject(2, watchlistId);
            ps.setObject(3, destinationId);
            ps.setObject(4, destinationId);
            return ps.executeUpdate();
        }
    }

    DataSource dataSource() {
        return dataSource;
    }
}
