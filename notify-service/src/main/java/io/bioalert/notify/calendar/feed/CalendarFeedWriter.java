package io.bioalert.notify.calendar.feed;

import io.bioalert.notify.calendar.Catalyst;
import io.bioalert.notify.calendar.CatalystApi;
import io.bioalert.notify.calendar.CatalystText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A subscriber's catalysts as an iCalendar document (RFC 5545): the model and its text (escaping, CRLF) by
 * ical4j, lines folded at 75 octets by {@link OctetFolding}.
 *
 * <p>Each catalyst is one all-day event on the first day of its period (a PDUFA date "in Q3 2027" is shown on
 * July 1, with the period in its summary and description): the earliest the event may come, which is also what
 * reminders count from. Its UID is the catalyst's id, so a moved date or an outcome replaces the event in a
 * subscribed calendar instead of adding one, and its SEQUENCE counts those changes. An open catalyst with a
 * day is CONFIRMED, one with a wider period TENTATIVE; an outcome keeps the event and marks it in the summary
 * ("met", "missed"), in the description and in {@code X-BIOALERT-OUTCOME}.
 */
public final class CalendarFeedWriter {

    static final String PRODID = "-//BioAlert//Catalyst calendar//EN";

    private CalendarFeedWriter() {
    }

    public static String write(String name, List<CatalystApi.CatalystView> catalysts) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // How often a subscribed calendar should read the feed again (RFC 7986, and what Outlook reads).
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (CatalystApi.CatalystView c : catalysts) {
            calendar.add(event(c));
        }
        // Unfolded content lines, escaped and CRLF-ended by ical4j, then folded by octets. Not validated: a feed
        // with no catalyst yet has no component, which RFC 5545 frowns on and calendars read as an empty calendar.
        return OctetFolding.fold(calendar.toString());
    }

    static VEvent event(CatalystApi.CatalystView c) {
        VEvent e = new VEvent(false);
        e.add(new Uid(c.id() + "@bioalert"));
        e.add(new Sequence(c.sequence()));
        e.add(new DtStamp(c.updatedAt()));
        e.add(new LastModified(c.updatedAt()));
        e.add(new DtStart<>(c.date()));
        e.add(new DtEnd<>(c.date().plusDays(1)));
        e.add(new Summary(summary(c)));
        e.add(new Description(description(c)));
        URI url = uri(c.announcement() == null ? null : c.announcement().url());
        if (url != null) {
            e.add(new Url(url));
        }
        e.add(new Status(Catalyst.OPEN.equals(c.status()) && !"DAY".equals(c.precision())
                ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
        e.add(new Transp(Transp.VALUE_TRANSPARENT));
        Categories categories = new Categories();
        categories.addCategory(c.kind());
        if (c.agency() != null) {
            categories.addCategory(c.agency());
        }
        e.add(categories);
        if (c.outcome() != null) {
            e.add(new XProperty("X-BIOALERT-OUTCOME", c.outcome().status()));
        }
        return e;
    }

    /** "CVT-2291 PDUFA date (FDA)", then the period when it is not a day, then the outcome. */
    static String summary(CatalystApi.CatalystView c) {
        StringBuilder s = new StringBuilder(CatalystText.title(c.drug(), c.kind(), c.agency()));
        if (!"DAY".equals(c.precision())) {
            s.append(", ").append(c.period());
        }
        if (c.outcome() != null) {
            s.append(Catalyst.MET.equals(c.outcome().status()) ? ": met" : ": missed");
        }
        return s.toString();
    }

    static String description(CatalystApi.CatalystView c) {
        List<String> lines = new ArrayList<>();
        lines.add(CatalystText.title(c.drug(), c.kind(), c.agency()) + ": " + CatalystText.when(c.date(), c.precision())
                + (!"DAY".equals(c.precision()) ? "; shown on the period's first day" : "") + ".");
        lines.add("\"" + c.evidence() + "\"" + source(c.announcement()));
        for (CatalystApi.Move m : c.moves()) {
            lines.add("Moved from " + m.fromPeriod() + " to " + m.toPeriod() + source(m.announcement()));
        }
        if (c.outcome() != null) {
            lines.add((Catalyst.MET.equals(c.outcome().status()) ? "Met" : "Missed") + " on " + c.outcome().on()
                    + (c.outcome().evidence() == null ? "" : ": \"" + c.outcome().evidence() + "\"")
                    + source(c.outcome().announcement()));
        }
        return String.join("\n", lines);
    }

    private static String source(CatalystApi.Source s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        out.append(s.title() == null ? s.id() : s.title());
        if (s.publishedAt() != null) {
            out.append(", ").append(s.publishedAt());
        }
        if (s.url() != null) {
            out.append(", ").append(s.url());
        }
        return out.append(')').toString();
    }

    private static URI uri(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return null;
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
