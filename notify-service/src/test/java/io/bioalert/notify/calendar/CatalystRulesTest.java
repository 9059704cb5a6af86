package io.bioalert.notify.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.CatalystTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The update and close rules as plain decisions, and the periods they compare. */
class CatalystRulesTest {

    private static final LocalDate SEP_12 = LocalDate.of(2027, 9, 12);

    private static Catalyst open(LocalDate date, String precision, LocalDate asOf) {
        return new Catalyst(UUID.randomUUID(), "cvt2291", "CVT-2291", "FDA", "PDUFA", date, precision,
                CatalystPeriod.end(date, precision), "evidence", "a-1", asOf, asOf, Catalyst.OPEN, null, null, null, 0,
                Instant.now(), Instant.now());
    }

    private static CatalystTag tag(LocalDate date, String precision) {
        return new CatalystTag("PDUFA", date, precision, "FDA", "CVT-2291", "evidence", null, null);
    }

    @Test
    void aLaterStoryWithAnotherDateMovesItAndAnOlderOneDoesNot() {
        Catalyst k = open(SEP_12, "DAY", LocalDate.of(2027, 1, 12));
        LocalDate dec12 = LocalDate.of(2027, 12, 12);
        assertThat(CatalystRules.change(k, tag(dec12, "DAY"), LocalDate.of(2027, 6, 20))).isEqualTo(CatalystRules.Change.MOVES);
        assertThat(CatalystRules.change(k, tag(dec12, "DAY"), LocalDate.of(2027, 1, 12))).isEqualTo(CatalystRules.Change.MOVES);
        assertThat(CatalystRules.change(k, tag(dec12, "DAY"), LocalDate.of(2027, 1, 11))).isEqualTo(CatalystRules.Change.OLDER);
        assertThat(CatalystRules.change(k, tag(SEP_12, "DAY"), LocalDate.of(2027, 6, 20))).isEqualTo(CatalystRules.Change.CONFIRMS);
    }

    @Test
    void aCoarserPeriodThatHoldsTheDateConfirmsItOneThatDoesNotMovesIt() {
        Catalyst k = open(SEP_12, "DAY", LocalDate.of(2027, 1, 12));
        LocalDate later = LocalDate.of(2027, 3, 1);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2027, 9, 1), "MONTH"), later)).isEqualTo(CatalystRules.Change.CONFIRMS);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2027, 7, 1), "QUARTER"), later)).isEqualTo(CatalystRules.Change.CONFIRMS);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2027, 7, 1), "HALF"), later)).isEqualTo(CatalystRules.Change.CONFIRMS);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2027, 1, 1), "YEAR"), later)).isEqualTo(CatalystRules.Change.CONFIRMS);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2027, 10, 1), "QUARTER"), later)).isEqualTo(CatalystRules.Change.MOVES);
        assertThat(CatalystRules.change(k, tag(LocalDate.of(2028, 1, 1), "YEAR"), later)).isEqualTo(CatalystRules.Change.MOVES);

        Catalyst quarter = open(LocalDate.of(2027, 7, 1), "QUARTER", LocalDate.of(2027, 1, 12));
        assertThat(CatalystRules.change(quarter, tag(SEP_12, "DAY"), later))
                .as("a day within the period is news: the calendar moves from July 1 to it").isEqualTo(CatalystRules.Change.MOVES);
        assertThat(CatalystRules.change(quarter, tag(LocalDate.of(2027, 7, 1), "HALF"), later)).isEqualTo(CatalystRules.Change.CONFIRMS);
    }

    @Test
    void approvalsMeetCompleteResponsesMissPositiveOpinionsMeetCommitteesAndNothingElseCloses() {
        assertThat(CatalystRules.closedKinds("APPROVAL")).containsExactly("DECISION_EXPECTED", "PDUFA");
        assertThat(CatalystRules.closingStatus("APPROVAL")).isEqualTo(Catalyst.MET);
        assertThat(CatalystRules.closedKinds("COMPLETE_RESPONSE")).containsExactly("DECISION_EXPECTED", "PDUFA");
        assertThat(CatalystRules.closingStatus("COMPLETE_RESPONSE")).isEqualTo(Catalyst.MISSED);
        assertThat(CatalystRules.closedKinds("POSITIVE_OPINION")).containsExactly("ADCOM");
        assertThat(CatalystRules.closingStatus("POSITIVE_OPINION")).isEqualTo(Catalyst.MET);
        assertThat(CatalystRules.closedKinds("PRIORITY_REVIEW")).isEmpty();
        assertThat(CatalystRules.closingStatus("SUBMISSION_ACCEPTED")).isNull();
        assertThat(CatalystRules.closedKinds("READOUT")).isEmpty();
    }

    @Test
    void anOutcomeClosesWhatWasOpenedOnOrBeforeItsDayAndADateAfterAnOutcomeIsNewsOnlyWhenLater() {
        LocalDate opened = LocalDate.of(2027, 1, 12);
        assertThat(CatalystRules.closes(opened, opened)).isTrue();
        assertThat(CatalystRules.closes(opened, LocalDate.of(2027, 9, 10))).isTrue();
        assertThat(CatalystRules.closes(opened, LocalDate.of(2027, 1, 11))).isFalse();
        LocalDate outcome = LocalDate.of(2027, 9, 13);
        assertThat(CatalystRules.opensAfterOutcome(outcome, outcome)).isFalse();
        assertThat(CatalystRules.opensAfterOutcome(outcome, LocalDate.of(2027, 9, 14))).isTrue();
    }

    @Test
    void periodsEndOnTheirLastDayAndReadAsPeopleWriteThem() {
        assertThat(CatalystPeriod.end(SEP_12, "DAY")).isEqualTo(SEP_12);
        assertThat(CatalystPeriod.end(LocalDate.of(2028, 2, 1), "MONTH")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CatalystPeriod.end(LocalDate.of(2027, 7, 1), "QUARTER")).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(CatalystPeriod.end(LocalDate.of(2027, 6, 1), "QUARTER")).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(CatalystPeriod.end(LocalDate.of(2027, 7, 1), "HALF")).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(CatalystPeriod.end(LocalDate.of(2027, 1, 1), "YEAR")).isEqualTo(LocalDate.of(2027, 12, 31));

        assertThat(CatalystPeriod.label(SEP_12, "DAY")).isEqualTo("2027-09-12");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 7, 1), "MONTH")).isEqualTo("July 2027");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 7, 1), "QUARTER")).isEqualTo("Q3 2027");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 6, 1), "QUARTER")).isEqualTo("Jun–Aug 2027");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 1, 1), "HALF")).isEqualTo("H1 2027");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 7, 1), "HALF")).isEqualTo("H2 2027");
        assertThat(CatalystPeriod.label(LocalDate.of(2027, 1, 1), "YEAR")).isEqualTo("2027");
    }
}
