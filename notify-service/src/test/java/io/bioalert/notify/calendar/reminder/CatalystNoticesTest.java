package io.bioalert.notify.calendar.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bioalert.notify.calendar.Catalyst;
import io.bioalert.notify.calendar.CatalystApi;
import io.bioalert.notify.calendar.CatalystPeriod;
import io.bioalert.notify.calendar.Catalysts;
import io.bioalert.notify.delivery.Notice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which reminder is due, the keys that send each once, and what reminders and date changes say. */
class CatalystNoticesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate DEC_12 = LocalDate.of(2027, 12, 12);

    private static Catalyst catalyst(LocalDate date, String precision) {
        return new Catalyst(UUID.randomUUID(), "cvt2291", "CVT-2291", "FDA", "PDUFA", date, precision,
                CatalystPeriod.end(date, precision), "PDUFA target action date is December 12, 2027", "u-1",
                LocalDate.of(2027, 6, 20), LocalDate.of(2027, 1, 12), Catalyst.OPEN, null, null, null, 1, Instant.now(),
                Instant.now());
    }

    private static final CatalystApi.Source SOURCE = new CatalystApi.Source("u-1", "FDA extends review of CVT-2291",
            "https://news.example.org/u-1", LocalDate.of(2027, 6, 20));

    @Test
    void theDueReminderIsTheNearestLeadNotYetPassed() {
        int[] leads = {7, 1};
        assertThat(CatalystNotices.dueLead(leads, 30)).isNull();
        assertThat(CatalystNotices.dueLead(leads, 8)).isNull();
        assertThat(CatalystNotices.dueLead(leads, 7)).isEqualTo(7);
        assertThat(CatalystNotices.dueLead(leads, 3)).as("heard of 3 days ahead: the 7-day reminder, once").isEqualTo(7);
        assertThat(CatalystNotices.dueLead(leads, 1)).isEqualTo(1);
        assertThat(CatalystNotices.dueLead(leads, 0)).isEqualTo(1);
        assertThat(CatalystNotices.dueLead(new int[] {0}, 0)).isEqualTo(0);
        assertThat(CatalystNotices.dueLead(new int[0], 0)).isNull();
    }

    @Test
    void keysNameTheCatalystItsDateAndTheLeadSoAMovedDateIsRemindedAgain() {
        Catalyst k = catalyst(DEC_12, "DAY");
        Catalyst moved = new Catalyst(k.id(), k.drugKey(), k.drug(), k.agency(), k.kind(), DEC_12.plusMonths(3), "DAY",
                DEC_12.plusMonths(3), k.evidence(), k.announcementId(), k.asOf(), k.openedOn(), k.status(), null, null,
                null, 2, k.createdAt(), k.updatedAt());
        assertThat(CatalystNotices.reminderKey(k, 7)).isEqualTo("catalyst:" + k.id() + ":remind:2027-12-12:7");
        assertThat(CatalystNotices.reminderKey(moved, 7)).isNotEqualTo(CatalystNotices.reminderKey(k, 7));
        assertThat(CatalystNotices.reminderKey(k, 1)).isNotEqualTo(CatalystNotices.reminderKey(k, 7));
        assertThat(CatalystNotices.movedKey(k, 1)).isEqualTo("catalyst:" + k.id() + ":moved:1");
        assertThat(CatalystNotices.reminderKey(k, 365).length()).isLessThanOrEqualTo(200); // delivery.announcement_id
    }

    @Test
    void aReminderNamesTheDrugTheKindTheAgencyTheDayAndTheEvidence() {
        Catalyst k = catalyst(DEC_12, "DAY");
        Catalysts.Move move = new Catalysts.Move(1, LocalDate.of(2027, 9, 12), "DAY", DEC_12, "DAY", "u-1", "moved",
                Instant.now());
        Notice n = CatalystNotices.reminder(JSON, k, SOURCE, 7, 7, List.of(move));
        assertThat(n.type()).isEqualTo("catalyst_reminder");
        assertThat(n.subject()).isEqualTo("In 7 days: CVT-2291 PDUFA date (FDA) on 2027-12-12");
        assertThat(n.lines()).contains("\"PDUFA target action date is December 12, 2027\"", "Moved from 2027-09-12.",
                "Source: FDA extends review of CVT-2291 (2027-06-20)");
        assertThat(n.url()).isEqualTo("https://news.example.org/u-1");
        assertThat(n.data().path("daysBefore").asInt()).isEqualTo(7);
        assertThat(n.data().path("catalyst").path("id").asText()).isEqualTo(k.id().toString());
        assertThat(n.data().path("catalyst").path("date").asText()).isEqualTo("2027-12-12");
        assertThat(n.data().path("catalyst").path("announcement").path("url").asText()).isEqualTo(SOURCE.url());

        assertThat(CatalystNotices.reminder(JSON, k, SOURCE, 1, 1, List.of()).subject()).startsWith("Tomorrow: ");
        assertThat(CatalystNotices.reminder(JSON, k, SOURCE, 0, 0, List.of()).subject()).startsWith("Today: ");
        Catalyst vague = catalyst(LocalDate.of(2027, 7, 1), "QUARTER");
        assertThat(CatalystNotices.reminder(JSON, vague, SOURCE, 7, 5, List.of()).subject())
                .isEqualTo("In 5 days: CVT-2291 PDUFA date (FDA) in Q3 2027 (from 2027-07-01)");
    }

    @Test
    void aDateChangeSaysFromWhereToWhereAndWhoSaidSo() {
        Catalyst k = catalyst(DEC_12, "DAY");
        Catalysts.Move move = new Catalysts.Move(1, LocalDate.of(2027, 9, 12), "DAY", DEC_12, "DAY", "u-1",
                "the new PDUFA target action date is December 12, 2027", Instant.now());
        Notice n = CatalystNotices.dateChanged(JSON, k, move, SOURCE);
        assertThat(n.type()).isEqualTo("catalyst_date_changed");
        assertThat(n.subject()).isEqualTo("Date changed: CVT-2291 PDUFA date (FDA) moved from 2027-09-12 to 2027-12-12");
        assertThat(n.lines()).containsExactly("\"the new PDUFA target action date is December 12, 2027\"",
                "Source: FDA extends review of CVT-2291 (2027-06-20)");
        assertThat(n.data().path("previous").path("date").asText()).isEqualTo("2027-09-12");
        assertThat(n.data().path("catalyst").path("date").asText()).isEqualTo("2027-12-12");
    }
}
