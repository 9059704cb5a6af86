package io.bioalert.notify.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored catalyst: one (drug, agency, kind) while it is open, with the date it stands at now.
 *
 * @param drugKey   the drug as event keys compare it (case, spaces and punctuation folded)
 * @param agency    null for a readout
 * @param date      the first day of the period ({@link CatalystPeriod})
 * @param asOf      publication day of the announcement behind the current date
 * @param openedOn  publication day of the announcement that opened it: an outcome announced before it does not close it
 * @param status    OPEN, MET or MISSED
 * @param sequence  iCalendar SEQUENCE: how many changes a calendar has been shown
 */
public record Catalyst(UUID id, String drugKey, String drug, String agency, String kind, LocalDate date,
        String precision, LocalDate periodEnd, String evidence, String announcementId, LocalDate asOf,
        LocalDate openedOn, String status, String outcomeAnnouncementId, String outcomeEvidence, LocalDate outcomeOn,
        int sequence, Instant createdAt, Instant updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
}
