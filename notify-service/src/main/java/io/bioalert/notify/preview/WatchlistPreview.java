package io.bioalert.notify.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.matching.FilterMatcher;
import io.bioalert.notify.matching.MatchExplainer;
import io.bioalert.notify.matching.MatchReason;
import io.bioalert.notify.matching.WatchFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a watchlist filter would have caught among the stored announcements of the last 90 days, judged by
 * the live matcher ({@link FilterMatcher}): how many, per week of receipt, and the newest ten with the
 * reasons an alert would have given.
 */
@ApplicationScoped
public class WatchlistPreview {

    static final int NEWEST = 10;

    /** @param week the Monday (UTC) starting the week */
    public record Week(LocalDate week, int count) {
    }

    public record Item(String id, String title, String url, LocalDate publishedAt, Instant receivedAt,
            List<MatchReason> reasons) {
    }

    public record Result(int count, List<Week> perWeek, List<Item> newest) {
    }

    private final RecentAnnouncements recent;
    private final DataSource dataSource;
    private final ObjectMapper json;

    WatchlistPreview(RecentAnnouncements recent, DataSource dataSource, ObjectMapper json) {
        this.recent = recent;
        this.dataSource = dataSource;
        this.json = json;
    }

    public Result of(WatchFilter filter) throws SQLException {
        List<RecentAnnouncements.Entry> caught = caught(filter);
        Map<LocalDate, Integer> perWeek = new TreeMap<>();
        LocalDate thisWeek = monday(Instant.now());
        for (LocalDate w = monday(Instant.now().minus(RecentAnnouncements.WINDOW)); !w.isAfter(thisWeek); w = w.plusWeeks(1)) {
            perWeek.put(w, 0);
        }
        caught.forEach(e -> perWeek.merge(monday(e.receivedAt()), 1, Integer::sum));
        List<RecentAnnouncements.Entry> newest = new ArrayList<>();
        for (int i = caught.size() - 1; i >= 0 && newest.size() < NEWEST; i--) {
            newest.add(caught.get(i));
        }
        return new Result(caught.size(), perWeek.entrySet().stream().map(w -> new Week(w.getKey(), w.getValue())).toList(),
                explain(filter, newest));
    }

    /**
     * Oldest first. The tags alone decide every filter without keywords, checked on the candidates of the tag
     * index. A keyword filter is first narrowed by the rest of its fields and by finding a phrase in the
     * text; only the survivors, nearly all of them matches, get the facts of their text built for the full
     * check.
     */
    private List<RecentAnnouncements.Entry> caught(WatchFilter filter) throws SQLException {
        FilterMatcher full = new FilterMatcher(filter);
        List<RecentAnnouncements.Entry> out = new ArrayList<>();
        if (filter.keywords().isEmpty()) {
            for (RecentAnnouncements.Entry e : recent.candidates(full)) {
                if (full.matches(e.tagFacts())) {
                    out.add(e);
                }
            }
        } else {
            WatchFilter withoutKeywords = new WatchFilter(filter.targets(), filter.modalities(), filter.eventTypes(),
                    filter.agencies(), filter.companies(), filter.drugs(), List.of(), filter.includeHistory());
            FilterMatcher tags = withoutKeywords.isEmpty() ? full : new FilterMatcher(withoutKeywords);
            for (RecentAnnouncements.Entry e : recent.candidates(tags)) {
                if ((tags == full || tags.matches(e.tagFacts())) && full.keywordsMayMatch(e.paddedText())
                        && full.matches(e.fullFacts())) {
                    out.add(e);
                }
            }
        }
        // Read in commit order; a late commit can stand before an earlier receipt.
        out.sort(java.util.Comparator.comparing(RecentAnnouncements.Entry::receivedAt));
        return out;
    }

    /** The reasons need the whole announcement: ten payloads, read again rather than kept for all. */
    private List<Item> explain(WatchFilter filter, List<RecentAnnouncements.Entry> newest) throws SQLException {
        if (newest.isEmpty()) {
            return List.of();
        }
        Map<String, ClassifiedAnnouncement> byId = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM announcement WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", newest.stream().map(RecentAnnouncements.Entry::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getString(1), read(rs.getString(2)));
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (RecentAnnouncements.Entry e : newest) {
            ClassifiedAnnouncement a = byId.get(e.id());
            if (a != null) {
                items.add(new Item(e.id(), a.announcement().title(), a.announcement().url(),
                        a.announcement().publishedAt(), e.receivedAt(), MatchExplainer.explain(filter, a)));
            }
        }
        return items;
    }

    private ClassifiedAnnouncement read(String payload) {
        try {
            return json.readValue(payload, ClassifiedAnnouncement.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored announcement is not a classified announcement", e);
        }
    }

    private static LocalDate monday(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
