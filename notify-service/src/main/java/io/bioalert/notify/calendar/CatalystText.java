package io.bioalert.notify.calendar;

import java.util.Map;

/** How a catalyst is named to people: in calendar events, reminders and on the subscriber page. */
public final class CatalystText {

    private static final Map<String, String> KINDS = Map.of(
            "PDUFA", "PDUFA date",
            "ADCOM", "advisory committee",
            "DECISION_EXPECTED", "decision expected",
            "READOUT", "data readout");

    private CatalystText() {
    }

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    /** "CVT-2291 PDUFA date (FDA)"; a readout has no agency. */
    public static String title(String drug, String kind, String agency) {
        return drug + " " + kind(kind) + (agency == null ? "" : " (" + agency + ")");
    }

    /** "2027-12-12", or "Q3 2027 (from 2027-07-01)" when the text names a period, not a day. */
    public static String when(java.time.LocalDate date, String precision) {
        return "DAY".equals(precision) ? date.toString()
                : CatalystPeriod.label(date, precision) + " (from " + date + ")";
    }
}
