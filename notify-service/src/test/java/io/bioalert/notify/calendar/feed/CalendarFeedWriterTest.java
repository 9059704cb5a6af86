package io.bioalert.notify.calendar.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.calendar.CatalystApi;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The feed as RFC 5545 text, read back by ical4j's parser: every field a calendar app shows. */
class CalendarFeedWriterTest {

    private static final Instant CHANGED = Instant.parse("2027-06-20T10:15:00Z");

    private static CatalystApi.Source source(String title) {
        return new CatalystApi.Source("u-" + UUID.randomUUID(), title, "https://news.example.org/" + UUID.randomUUID(),
                LocalDate.of(2027, 6, 20));
    }

    private static CatalystApi.CatalystView catalyst(LocalDate date, String precision, String period, String status,
            List<CatalystApi.Move> moves, CatalystApi.Outcome outcome, int sequence, String evidence) {
        return new CatalystApi.CatalystView(UUID.randomUUID(), "PDUFA", "CVT-2291", "FDA", date, precision,
                date, period, status, evidence, source("FDA extends review of CVT-2291"), moves, outcome, sequence, CHANGED,
                List.of());
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void eachCatalystIsAnAllDayEventWithItsIdAsUidAndItsChangesAsSequence() throws Exception {
        LocalDate dec12 = LocalDate.of(2027, 12, 12);
        CatalystApi.Move move = new CatalystApi.Move(LocalDate.of(2027, 9, 12), "DAY", "2027-09-12", dec12, "DAY",
                "2027-12-12", "the new PDUFA target action date is December 12, 2027", source("FDA extends review"), CHANGED);
        CatalystApi.CatalystView moved = catalyst(dec12, "DAY", "2027-12-12", "OPEN", List.of(move), null, 1,
                "PDUFA target action date is December 12, 2027");
        CatalystApi.CatalystView vague = new CatalystApi.CatalystView(UUID.randomUUID(), "DECISION_EXPECTED", "HR-070",
                "NMPA", LocalDate.of(2027, 7, 1), "HALF", LocalDate.of(2027, 12, 31), "H2 2027", "OPEN",
                "approval is expected in the second half of 2027", null, List.of(), null, 0, CHANGED, List.of());

        Calendar calendar = parse(CalendarFeedWriter.write("BioAlert catalysts", List.of(moved, vague)));
        calendar.validate();
        assertThat(calendar.getProperty("PRODID").orElseThrow().getValue()).isEqualTo(CalendarFeedWriter.PRODID);
        assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);

        VEvent e = events.get(0);
        assertThat(value(e, "UID")).isEqualTo(moved.id() + "@bioalert");
        assertThat(value(e, "SEQUENCE")).isEqualTo("1");
        assertThat(e.getStartDate().orElseThrow().getDate()).isEqualTo(dec12); // a DATE: all day
        assertThat(e.getEndDate().orElseThrow().getDate()).isEqualTo(dec12.plusDays(1));
        assertThat(value(e, "SUMMARY")).isEqualTo("CVT-2291 PDUFA date (FDA)");
        assertThat(value(e, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(e, "URL")).isEqualTo(moved.announcement().url());
        assertThat(value(e, "DTSTAMP")).isEqualTo("20270620T101500Z");
        assertThat(value(e, "DESCRIPTION")).contains("\"PDUFA target action date is December 12, 2027\"")
                .contains("Moved from 2027-09-12 to 2027-12-12 (FDA extends review, 2027-06-20, https://news.example.org/")
                .contains(moved.announcement().url());

        VEvent v = events.get(1);
        assertThat(v.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(value(v, "SUMMARY")).isEqualTo("HR-070 decision expected (NMPA), H2 2027");
        assertThat(value(v, "STATUS")).isEqualTo("TENTATIVE");
        assertThat(value(v, "DESCRIPTION")).startsWith("HR-070 decision expected (NMPA): H2 2027 (from 2027-07-01); "
                + "shown on the period's first day.");
        assertThat(v.getProperty("URL")).isEmpty();
    }

    @Test
    void anOutcomeKeepsTheEventAndMarksIt() throws Exception {
        CatalystApi.Outcome met = new CatalystApi.Outcome("MET", LocalDate.of(2027, 12, 10), "has approved CVT-2291",
                source("FDA approves CVT-2291"));
        CatalystApi.Outcome missed = new CatalystApi.Outcome("MISSED", LocalDate.of(2027, 12, 13),
                "received a Complete Response Letter", source("CRL for CVT-2291"));
        LocalDate day = LocalDate.of(2027, 12, 12);
        List<VEvent> events = parse(CalendarFeedWriter.write("x", List.of(
                catalyst(day, "DAY", "2027-12-12", "MET", List.of(), met, 2, "PDUFA date"),
                catalyst(day, "DAY", "2027-12-12", "MISSED", List.of(), missed, 1, "PDUFA date")))).getComponents("VEVENT");
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("CVT-2291 PDUFA date (FDA): met");
        assertThat(value(events.get(0), "X-BIOALERT-OUTCOME")).isEqualTo("MET");
        assertThat(value(events.get(0), "SEQUENCE")).isEqualTo("2");
        assertThat(value(events.get(0), "DESCRIPTION")).contains("Met on 2027-12-10: \"has approved CVT-2291\" (FDA approves CVT-2291");
        assertThat(value(events.get(1), "SUMMARY")).isEqualTo("CVT-2291 PDUFA date (FDA): missed");
        assertThat(value(events.get(1), "X-BIOALERT-OUTCOME")).isEqualTo("MISSED");
    }

    @Test
    void linesAreFoldedAt75OctetsEndWithCrLfAndTextIsEscaped() throws Exception {
        String evidence = "预计该产品有望于2027年底前获得国家药监局批准, 以及 commas, semicolons; back\\slashes and a\nline break "
                + "in a long sentence that is certainly longer than seventy-five octets of UTF-8 text";
        CatalystApi.CatalystView c = catalyst(LocalDate.of(2027, 10, 1), "QUARTER", "Q4 2027", "OPEN", List.of(), null, 0,
                evidence);
        String ics = CalendarFeedWriter.write("BioAlert catalysts", List.of(c));

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).as("unfolded").contains("commas\\, semicolons\\; back\\\\slashes and a\\nline");
        VEvent e = parse(ics).<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(e, "DESCRIPTION")).contains("\"" + evidence + "\"");
    }

    @Test
    void aFeedWithoutCatalystsIsAnEmptyCalendar() throws Exception {
        Calendar calendar = parse(CalendarFeedWriter.write("BioAlert catalysts", List.of()));
        assertThat(calendar.getComponents()).isEmpty();
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("BioAlert catalysts");
    }
}
