package io.bioalert.notify.calendar.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bioalert.notify.calendar.Catalyst;
import io.bioalert.notify.calendar.CatalystApi;
import io.bioalert.notify.calendar.CatalystPeriod;
import io.bioalert.notify.calendar.CatalystText;
import io.bioalert.notify.calendar.Catalysts;
import io.bioalert.notify.delivery.Notice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reminder and a "date changed" notice say, and the keys that send each once per (watchlist,
 * destination): a reminder is keyed by the catalyst, its date and the lead it was asked for, so a moved date is
 * reminded of again; a move is keyed by the catalyst and the move's number.
 */
final class CatalystNotices {

    static final String REMINDER = "catalyst_reminder";
    static final String DATE_CHANGED = "catalyst_date_changed";

    /** The catalyst as webhooks receive it in a notice. */
    record CatalystData(String id, String kind, String drug, String agency, LocalDate date, String precision,
            String period, String status, String evidence, CatalystApi.Source announcement) {
    }

    private CatalystNotices() {
    }

    static String reminderKey(Catalyst c, int lead) {
        return "catalyst:" + c.id() + ":remind:" + c.date() + ":" + lead;
    }

    static String movedKey(Catalyst c, int seq) {
        return "catalyst:" + c.id() + ":moved:" + seq;
    }

    /**
     * The smallest of {@code leads} that is at least {@code daysLeft}: the one reminder due now. Larger leads whose
     * day has passed are not sent late; null when none is due yet.
     */
    static Integer dueLead(int[] leads, long daysLeft) {
        Integer due = null;
        for (int lead : leads) {
            if (lead >= daysLeft && (due == null || lead < due)) {
                due = lead;
            }
        }
        return due;
    }

    /** "In 7 days: CVT-2291 PDUFA date (FDA) on 2027-12-12". */
    static Notice reminder(ObjectMapper json, Catalyst c, CatalystApi.Source source, int lead, long daysLeft,
            List<Catalysts.Move> moves) {
        String when = daysLeft == 0 ? "Today" : daysLeft == 1 ? "Tomorrow" : "In " + daysLeft + " days";
        String subject = when + ": " + CatalystText.title(c.drug(), c.kind(), c.agency()) + " " + on(c.date(), c.precision());
        List<String> lines = new ArrayList<>();
        lines.add(CatalystText.title(c.drug(), c.kind(), c.agency()) + ": " + CatalystText.when(c.date(), c.precision()) + ".");
        lines.add("\"" + c.evidence() + "\"");
        if (!moves.isEmpty()) {
            Catalysts.Move first = moves.get(0);
            lines.add("Moved from " + CatalystPeriod.label(first.fromDate(), first.fromPrecision()) + ".");
        }
        lines.add(sourceLine(source));
        ObjectNode data = json.createObjectNode();
        data.set("catalyst", json.valueToTree(data(c, source)));
        data.put("daysBefore", lead);
        data.put("daysLeft", daysLeft);
        return new Notice(REMINDER, subject, lines, source == null ? null : source.url(), data);
    }

    /** "Date changed: CVT-2291 PDUFA date (FDA) moved from 2027-09-12 to 2027-12-12". */
    static Notice dateChanged(ObjectMapper json, Catalyst c, Catalysts.Move move, CatalystApi.Source source) {
        String subject = "Date changed: " + CatalystText.title(c.drug(), c.kind(), c.agency()) + " moved from "
                + CatalystPeriod.label(move.fromDate(), move.fromPrecision()) + " to "
                + CatalystPeriod.label(move.toDate(), move.toPrecision());
        List<String> lines = new ArrayList<>();
        if (move.evidence() != null) {
            lines.add("\"" + move.evidence() + "\"");
        }
        lines.add(sourceLine(source));
        ObjectNode data = json.createObjectNode();
        data.set("catalyst", json.valueToTree(data(c, source)));
        ObjectNode previous = data.putObject("previous");
        previous.put("date", move.fromDate().toString());
        previous.put("precision", move.fromPrecision());
        previous.put("period", CatalystPeriod.label(move.fromDate(), move.fromPrecision()));
        return new Notice(DATE_CHANGED, subject, lines, source == null ? null : source.url(), data);
    }

    private static String on(LocalDate date, String precision) {
        return "DAY".equals(precision) ? "on " + date : "in " + CatalystText.when(date, precision);
    }

    private static String sourceLine(CatalystApi.Source s) {
        if (s == null) {
            return "Source: unknown";
        }
        return "Source: " + (s.title() == null ? s.id() : s.title()) + (s.publishedAt() == null ? "" : " (" + s.publishedAt() + ")");
    }

    private static CatalystData data(Catalyst c, CatalystApi.Source source) {
        return new CatalystData(c.id().toString(), c.kind(), c.drug(), c.agency(), c.date(), c.precision(),
                CatalystPeriod.label(c.date(), c.precision()), c.status(), c.evidence(), source);
    }
}
