package io.bioalert.notify.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.notify.delivery.StoredAnnouncements;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.FilterMatcher;
import io.bioalert.notify.matching.WatchFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The catalysts a subscriber's watchlists follow: a catalyst matches a watchlist when one of the announcements
 * behind it matches the watchlist's filter, judged by {@link FilterMatcher}, the check live alerts make. So a
 * watchlist on HER2 antibody-drug conjugates follows the PDUFA date its BLA acceptance named, and its move
 * announced in a story that no watchlist would have caught on its own.
 */
@ApplicationScoped
public class WatchedCatalysts {

    /** A live watchlist of the subscriber. */
    public record Watched(UUID id, String name, WatchFilter filter) {
    }

    private final DataSource dataSource;
    private final Catalysts catalysts;
    private final StoredAnnouncements stored;
    private final ObjectMapper json;

    WatchedCatalysts(DataSource dataSource, Catalysts catalysts, StoredAnnouncements stored, ObjectMapper json) {
        this.dataSource = dataSource;
        this.catalysts = catalysts;
        this.stored = stored;
        this.json = json;
    }

    /** The subscriber's live watchlists, oldest first. */
    public List<Watched> watchlists(UUID subscriber) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT id, name, filter_json FROM watchlist WHERE subscriber_id = ? AND deleted_at IS NULL
                        ORDER BY created_at, id""")) {
            ps.setObject(1, subscriber);
            List<Watched> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Watched(rs.getObject(1, UUID.class), rs.getString(2), filter(rs.getString(3))));
                }
            }
            return out;
        }
    }

    /** The catalysts whose period touches [from, to] that match at least one of {@code watchlists}, soonest first. */
    public List<CatalystApi.CatalystView> find(List<Watched> watchlists, LocalDate from, LocalDate to) throws SQLException {
        if (watchlists.isEmpty()) {
            return List.of();
        }
        List<FilterMatcher> matchers = watchlists.stream().map(w -> new FilterMatcher(w.filter())).toList();
        try (Connection c = dataSource.getConnection()) {
            List<Catalyst> found = catalysts.overlapping(c, from, to);
            List<UUID> ids = found.stream().map(Catalyst::id).toList();
            Map<UUID, List<String>> behind = catalysts.announcementIds(c, ids);
            Set<String> announcementIds = new HashSet<>();
            behind.values().forEach(announcementIds::addAll);
            Map<String, StoredAnnouncements.Stored> texts = stored.read(c, announcementIds);
            Map<String, AnnouncementFacts> facts = new HashMap<>();
            Map<UUID, List<Catalysts.Move>> moves = catalysts.moves(c, ids);
            List<CatalystApi.CatalystView> out = new ArrayList<>();
            for (Catalyst k : found) {
                List<CatalystApi.WatchlistRef> matched = new ArrayList<>();
                for (int i = 0; i < watchlists.size(); i++) {
                    if (matchesAny(matchers.get(i), behind.getOrDefault(k.id(), List.of()), texts, facts)) {
                        matched.add(new CatalystApi.WatchlistRef(watchlists.get(i).id(), watchlists.get(i).name()));
                    }
                }
                if (!matched.isEmpty()) {
                    out.add(view(k, moves.getOrDefault(k.id(), List.of()), texts, matched));
                }
            }
            return out;
        }
    }

    private static boolean matchesAny(FilterMatcher matcher, List<String> announcementIds,
            Map<String, StoredAnnouncements.Stored> texts, Map<String, AnnouncementFacts> facts) {
        for (String id : announcementIds) {
            StoredAnnouncements.Stored s = texts.get(id);
            if (s == null) {
                continue; // linked but not stored yet: its record is still being handled
            }
            AnnouncementFacts f = facts.computeIfAbsent(id, k -> AnnouncementFacts.of(s.parsed().get()));
            if (matcher.matches(f)) {
                return true;
            }
        }
        return false;
    }

    private static CatalystApi.CatalystView view(Catalyst k, List<Catalysts.Move> moves,
            Map<String, StoredAnnouncements.Stored> texts, List<CatalystApi.WatchlistRef> watchlists) {
        List<CatalystApi.Move> moved = moves.stream().map(m -> new CatalystApi.Move(m.fromDate(), m.fromPrecision(),
                CatalystPeriod.label(m.fromDate(), m.fromPrecision()), m.toDate(), m.toPrecision(),
                CatalystPeriod.label(m.toDate(), m.toPrecision()), m.evidence(), source(m.announcementId(), texts),
                m.changedAt())).toList();
        CatalystApi.Outcome outcome = Catalyst.OPEN.equals(k.status()) ? null : new CatalystApi.Outcome(k.status(),
                k.outcomeOn(), k.outcomeEvidence(), source(k.outcomeAnnouncementId(), texts));
        return new CatalystApi.CatalystView(k.id(), k.kind(), k.drug(), k.agency(), k.date(), k.precision(),
                k.periodEnd(), CatalystPeriod.label(k.date(), k.precision()), k.status(), k.evidence(),
                source(k.announcementId(), texts), moved, outcome, k.sequence(), k.updatedAt(), watchlists);
    }

    /** An announcement named by its stored text: title (or its first words), link, day; only the id when not stored. */
    public static CatalystApi.Source source(String id, Map<String, StoredAnnouncements.Stored> texts) {
        if (id == null) {
            return null;
        }
        StoredAnnouncements.Stored s = texts.get(id);
        if (s == null) {
            return new CatalystApi.Source(id, null, null, null);
        }
        ClassifiedAnnouncement a = s.parsed().get();
        RawAnnouncement raw = a.announcement();
        String title = raw.title() == null || raw.title().isBlank() ? firstWords(raw.body()) : raw.title();
        return new CatalystApi.Source(id, title, raw.url(), raw.publishedAt());
    }

    private static String firstWords(String body) {
        if (body == null) {
            return null;
        }
        String b = body.strip().replaceAll("\\s+", " ");
        return b.length() > 120 ? b.substring(0, 119) + "…" : b;
    }

    private WatchFilter filter(String filterJson) {
        try {
            return json.readValue(filterJson, WatchFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter unreadable", e);
        }
    }
}
