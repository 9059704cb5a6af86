package io.bioalert.notify.calendar;

import io.bioalert.model.CatalystTag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a later announcement changes a catalyst, as plain decisions the store carries out (and tests read
 * without a database):
 * <ul>
 * <li>a date for the same (drug, agency, kind) from an announcement published on or after the one behind the
 *     current date moves the catalyst, unless it is the same period or a coarser period holding it ("Q3 2027"
 *     after "September 12, 2027" confirms, it does not move); an older announcement moves nothing;</li>
 * <li>an outcome closes an open catalyst of the same drug and agency that was opened on or before the outcome's
 *     day: an APPROVAL meets a PDUFA date or an expected decision, a COMPLETE_RESPONSE misses it, a POSITIVE_OPINION
 *     meets an advisory committee. Only primary events count; an approval before the PDUFA date meets it too;</li>
 * <li>a closed catalyst is history: a date for its key from an announcement published after the outcome opens
 *     a new catalyst (a resubmission's new PDUFA date), one published before or on the outcome's day is old news.</li>
 * </ul>
 */
public final class CatalystRules {

    /** What a dated announcement does to the open catalyst of its key. */
    public enum Change {
        /** Older than what the catalyst stands on: linked to it, nothing else. */
        OLDER,
        /** The same date again, or a coarser period that holds it. */
        CONFIRMS,
        /** Another date: the catalyst moves and says from where. */
        MOVES
    }

    /** Outcome event type → the catalyst kinds it closes and how. */
    private static final Map<String, Map.Entry<Set<String>, String>> OUTCOMES = Map.of(
            "APPROVAL", Map.entry(Set.of("PDUFA", "DECISION_EXPECTED"), Catalyst.MET),
            "COMPLETE_RESPONSE", Map.entry(Set.of("PDUFA", "DECISION_EXPECTED"), Catalyst.MISSED),
            "POSITIVE_OPINION", Map.entry(Set.of("ADCOM"), Catalyst.MET));

    private CatalystRules() {
    }

    public static Change change(Catalyst current, CatalystTag tag, LocalDate published) {
        if (published.isBefore(current.asOf())) {
            return Change.OLDER;
        }
        if (tag.date().equals(current.date()) && tag.precision().equals(current.precision())) {
            return Change.CONFIRMS;
        }
        if (CatalystPeriod.months(tag.precision()) > CatalystPeriod.months(current.precision())
                && CatalystPeriod.contains(tag.date(), tag.precision(), current.date(), current.precision())) {
            return Change.CONFIRMS;
        }
        return Change.MOVES;
    }

    /** The event types that close catalysts. */
    public static Set<String> outcomeTypes() {
        return OUTCOMES.keySet();
    }

    /** The kinds of catalyst an outcome event of this type closes; empty for other events. */
    public static List<String> closedKinds(String eventType) {
        Map.Entry<Set<String>, String> o = OUTCOMES.get(eventType);
        return o == null ? List.of() : o.getKey().stream().sorted().toList();
    }

    /** MET or MISSED; null for an event that closes nothing. */
    public static String closingStatus(String eventType) {
        Map.Entry<Set<String>, String> o = OUTCOMES.get(eventType);
        return o == null ? null : o.getValue();
    }

    /** Whether an outcome announced on {@code outcomeDay} closes a catalyst opened on {@code openedOn}. */
    public static boolean closes(LocalDate openedOn, LocalDate outcomeDay) {
        return !outcomeDay.isBefore(openedOn);
    }

    /** Whether a date announced on {@code published} is news after a catalyst of its key closed on {@code outcomeOn}. */
    public static boolean opensAfterOutcome(LocalDate outcomeOn, LocalDate published) {
        return published.isAfter(outcomeOn);
    }
}
