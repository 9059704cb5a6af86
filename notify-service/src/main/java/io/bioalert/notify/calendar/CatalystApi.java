package io.bioalert.notify.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the catalyst calendar API. */
public final class CatalystApi {

    private CatalystApi() {
    }

    /** An announcement behind a catalyst: enough to name it and link to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String id, String title, String url, LocalDate publishedAt) {
    }

    /** "Moved from {@code from} to {@code to}", said by {@code announcement}. */
    public record Move(LocalDate from, String fromPrecision, String fromPeriod, LocalDate to, String toPrecision,
            String toPeriod, String evidence, Source announcement, Instant changedAt) {
    }

    /** How a catalyst ended: MET (approved, a positive vote) or MISSED (a complete response letter). */
    public record Outcome(String status, LocalDate on, String evidence, Source announcement) {
    }

    public record WatchlistRef(UUID id, String name) {
    }

    /**
     * One catalyst as a subscriber sees it.
     *
     * @param date      the first day of the period, where calendars show it
     * @param period    the period as a person writes it: "2027-09-12", "Q3 2027", "H1 2027"
     * @param status    OPEN, MET or MISSED
     * @param moves     the earlier dates, oldest first
     * @param outcome   null while open
     * @param sequence  how often it changed (the iCalendar SEQUENCE)
     * @param watchlists the caller's watchlists it matches
     */
    public record CatalystView(UUID id, String kind, String drug, String agency, LocalDate date, String precision,
            LocalDate periodEnd, String period, String status, String evidence, Source announcement, List<Move> moves,
            Outcome outcome, int sequence, Instant updatedAt, List<WatchlistRef> watchlists) {
    }
}
