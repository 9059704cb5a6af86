package io.bioalert.notify.calendar.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.calendar.Catalyst;
import io.bioalert.notify.calendar.CatalystApi;
import io.bioalert.notify.calendar.Catalysts;
import io.bioalert.notify.calendar.WatchedCatalysts;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.DeliveryStore;
import io.bioalert.notify.delivery.Dispatcher;
import io.bioalert.notify.delivery.StoredAnnouncements;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.WatchlistIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Queues the calendar's notices through the watchlists' destinations, like alerts (the delivery queue gives
 * them retries, rate limits and an idempotency key):
 * <ul>
 * <li>a reminder N days before each open catalyst that matches a watchlist, for each N the watchlist asks for
 *     ({@code reminders}); when several are due (a catalyst first heard of 3 days ahead) only the nearest is
 *     sent, and each (watchlist, destination, catalyst, date, N) at most once;</li>
 * <li>"date changed" once per move of a catalyst still ahead, to the matching watchlists that ask for
 *     reminders.</li>
 * </ul>
 * A catalyst matches a watchlist when one of its announcements does, as live matching judges it (the match
 * index). Every instance runs the job; the delivery keys make a second run, here or elsewhere, queue nothing.
 * Today is the calendar clock's ({@link io.bioalert.notify.config.SettableClock}).
 */
@ApplicationScoped
public class ReminderJob {

    private final DataSource dataSource;
    private final Catalysts catalysts;
    private final StoredAnnouncements stored;
    private final WatchlistIndex index;
    private final DeliveryStore deliveries;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final ObjectMapper json;
    private final Counter runs;
    private final Counter queued;

    ReminderJob(DataSource dataSource, Catalysts catalysts, StoredAnnouncements stored, WatchlistIndex index,
            DeliveryStore deliveries, Dispatcher dispatcher, Clock clock, ObjectMapper json,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.catalysts = catalysts;
        this.stored = stored;
        this.index = index;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.json = json;
        this.runs = registry.counter("bioalert.notify.calendar.runs");
        this.queued = registry.counter("bioalert.notify.calendar.notices");
    }

    @Scheduled(every = "${bioalert.calendar.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            runOnce();
        } catch (Exception e) {
            Log.warnf("calendar notices failed, the next run tries again: %s", e.toString());
        }
    }

    /** Queues what is due today; returns how many deliveries were queued now. Public for tests. */
    public synchronized int runOnce() throws Exception {
        index.awaitLoaded();
        LocalDate today = LocalDate.now(clock);
        int n = reminders(today) + dateChanges(today);
        if (n > 0) {
            queued.increment(n);
            dispatcher.wake();
        }
        runs.increment();
        return n;
    }

    private int reminders(LocalDate today) throws SQLException {
        List<DeliveryStore.QueuedNotice> notices = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            int maxLead = maxLead(c);
            if (maxLead < 0) {
                return 0;
            }
            List<Catalyst> due = catalysts.openStarting(c, today, today.plusDays(maxLead));
            if (due.isEmpty()) {
                return 0;
            }
            Followers followers = followers(c, due);
            Map<UUID, List<Catalysts.Move>> moves = catalysts.moves(c, due.stream().map(Catalyst::id).toList());
            for (Catalyst k : due) {
                long daysLeft = ChronoUnit.DAYS.between(today, k.date());
                CatalystApi.Source source = WatchedCatalysts.source(k.announcementId(), followers.texts());
                for (Map.Entry<UUID, int[]> w : followers.of(k).entrySet()) {
                    Integer lead = CatalystNotices.dueLead(w.getValue(), daysLeft);
                    if (lead != null) {
                        notices.add(new DeliveryStore.QueuedNotice(w.getKey(), CatalystNotices.reminderKey(k, lead),
                                CatalystNotices.reminder(json, k, source, lead, daysLeft,
                                        moves.getOrDefault(k.id(), List.of()))));
                    }
                }
            }
        }
        return queue(notices);
    }

    /**
     * Moves not yet noticed, claimed so that two instances do not both build their notices (the keys would keep
     * the second from sending anyway). Only the latest move of a catalyst is told, and only while the catalyst
     * is open and ahead.
     */
    private int dateChanges(LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<UUID, Integer> latest = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT catalyst_id, seq FROM catalyst_change WHERE noticed_at IS NULL
                        ORDER BY changed_at LIMIT 500 FOR UPDATE SKIP LOCKED""")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            latest.merge(rs.getObject(1, UUID.class), rs.getInt(2), Math::max);
                        }
                    }
                }
                if (latest.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Catalyst> moved = catalysts.byIds(c, latest.keySet()).stream()
                        .filter(k -> Catalyst.OPEN.equals(k.status()) && !k.periodEnd().isBefore(today)).toList();
                Followers followers = followers(c, moved);
                Map<UUID, List<Catalysts.Move>> moves = catalysts.moves(c, moved.stream().map(Catalyst::id).toList());
                List<DeliveryStore.QueuedNotice> notices = new ArrayList<>();
                for (Catalyst k : moved) {
                    int seq = latest.get(k.id());
                    Catalysts.Move move = moves.getOrDefault(k.id(), List.of()).stream()
                            .filter(m -> m.seq() == seq).findFirst().orElse(null);
                    if (move == null) {
                        continue;
                    }
                    CatalystApi.Source source = WatchedCatalysts.source(move.announcementId(), followers.texts());
                    for (Map.Entry<UUID, int[]> w : followers.of(k).entrySet()) {
                        if (w.getValue().length > 0) { // a watchlist that asks for no reminders is not told either
                            notices.add(new DeliveryStore.QueuedNotice(w.getKey(), CatalystNotices.movedKey(k, seq),
                                    CatalystNotices.dateChanged(json, k, move, source)));
                        }
                    }
                }
                int n = queue(notices);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE catalyst_change SET noticed_at = now() WHERE catalyst_id = ? AND seq <= ? AND noticed_at IS NULL")) {
                    for (Map.Entry<UUID, Integer> e : latest.entrySet()) {
                        ps.setObject(1, e.getKey());
                        ps.setInt(2, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * For each catalyst, the live watchlists that follow it (one of its announcements matches them, as the match
     * index judges it) with the days before that each asks to be reminded; and the announcements' texts.
     */
    private record Followers(Map<String, StoredAnnouncements.Stored> texts, Map<UUID, Map<UUID, int[]>> byCatalyst) {
        Map<UUID, int[]> of(Catalyst k) {
            return byCatalyst.getOrDefault(k.id(), Map.of());
        }
    }

    private Followers followers(Connection c, List<Catalyst> list) throws SQLException {
        Map<UUID, List<String>> behind = catalysts.announcementIds(c, list.stream().map(Catalyst::id).toList());
        Map<String, StoredAnnouncements.Stored> texts = stored.read(c, all(behind.values()));
        Map<UUID, Set<UUID>> matched = new HashMap<>();
        Set<UUID> any = new HashSet<>();
        for (Catalyst k : list) {
            Set<UUID> w = new LinkedHashSet<>();
            for (String id : behind.getOrDefault(k.id(), List.of())) {
                StoredAnnouncements.Stored s = texts.get(id);
                if (s != null) {
                    w.addAll(index.match(AnnouncementFacts.of(s.parsed().get())));
                }
            }
            matched.put(k.id(), w);
            any.addAll(w);
        }
        Map<UUID, int[]> leads = reminderDays(c, any);
        Map<UUID, Map<UUID, int[]>> byCatalyst = new HashMap<>();
        matched.forEach((k, ws) -> {
            Map<UUID, int[]> of = new LinkedHashMap<>();
            ws.stream().filter(leads::containsKey).forEach(w -> of.put(w, leads.get(w)));
            byCatalyst.put(k, of);
        });
        return new Followers(texts, byCatalyst);
    }

    /** The most days before a catalyst any live watchlist asks for; -1 when none asks for reminders. */
    private static int maxLead(Connection c) throws SQLException {
        // reminder_days is kept most first, so its first element is the watchlist's largest.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(max(reminder_days[1]), -1) FROM watchlist WHERE deleted_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<UUID, int[]> reminderDays(Connection c, Collection<UUID> watchlists) throws SQLException {
        Map<UUID, int[]> out = new HashMap<>();
        if (watchlists.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, reminder_days FROM watchlist WHERE id = ANY(?) AND deleted_at IS NULL")) {
            ps.setArray(1, c.createArrayOf("uuid", watchlists.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array days = rs.getArray(2);
                    Integer[] boxed = (Integer[]) days.getArray();
                    int[] leads = new int[boxed.length];
                    for (int i = 0; i < boxed.length; i++) {
                        leads[i] = boxed[i];
                    }
                    out.put(rs.getObject(1, UUID.class), leads);
                }
            }
        }
        return out;
    }

    private int queue(List<DeliveryStore.QueuedNotice> notices) throws SQLException {
        int n = 0;
        for (int from = 0; from < notices.size(); from += 1000) {
            n += deliveries.recordNotices(notices.subList(from, Math.min(notices.size(), from + 1000)));
        }
        return n;
    }

    private static Set<String> all(Collection<List<String>> ids) {
        Set<String> out = new HashSet<>();
        ids.forEach(out::addAll);
        return out;
    }
}
