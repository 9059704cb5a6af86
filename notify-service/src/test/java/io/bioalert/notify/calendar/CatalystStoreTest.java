package io.bioalert.notify.calendar;

import static io.bioalert.notify.flow.TestAnnouncements.blaAccepted;
import static io.bioalert.notify.flow.TestAnnouncements.dated;
import static io.bioalert.notify.flow.TestAnnouncements.fdaOutcome;
import static io.bioalert.notify.flow.TestAnnouncements.pdufaExtended;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.CatalystTag;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.notify.delivery.EventKeys;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The calendar's update and close rules on the real database: what a BLA acceptance, an extension, an
 * approval, a complete response letter, late and redelivered announcements do to the catalyst of a drug.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class CatalystStoreTest {

    private static final LocalDate SEP_12 = LocalDate.of(2027, 9, 12);
    private static final LocalDate DEC_12 = LocalDate.of(2027, 12, 12);

    @Inject
    CatalystRecorder recorder;
    @Inject
    Catalysts catalysts;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    private static String drug() {
        return "CVT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private void record(ClassifiedAnnouncement a) throws Exception {
        recorder.record(a, json.writeValueAsString(a));
    }

    /** Every catalyst of the drug, oldest first. */
    private List<Catalyst> of(String drug) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + CatalystStore.COLUMNS
                        + " FROM catalyst WHERE drug_key = ? ORDER BY created_at, id")) {
            ps.setString(1, EventKeys.drug(drug));
            List<Catalyst> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Catalysts.read(rs));
                }
            }
            return out;
        }
    }

    private Catalyst only(String drug) throws Exception {
        List<Catalyst> all = of(drug);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Catalysts.Move> moves(Catalyst k) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return catalysts.moves(c, List.of(k.id())).getOrDefault(k.id(), List.of());
        }
    }

    private List<String> behind(Catalyst k) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return catalysts.announcementIds(c, List.of(k.id())).getOrDefault(k.id(), List.of());
        }
    }

    private boolean stored(String announcementId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM announcement WHERE id = ?")) {
            ps.setString(1, announcementId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void aBlaAcceptanceOpensAPdufaCatalystAndStoresItsTextAndARedeliveryChangesNothing() throws Exception {
        String drug = drug();
        ClassifiedAnnouncement accepted = blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12));
        record(accepted);
        record(accepted);

        Catalyst k = only(drug);
        assertThat(k.kind()).isEqualTo("PDUFA");
        assertThat(k.agency()).isEqualTo("FDA");
        assertThat(k.drug()).isEqualTo(drug);
        assertThat(k.date()).isEqualTo(SEP_12);
        assertThat(k.precision()).isEqualTo("DAY");
        assertThat(k.periodEnd()).isEqualTo(SEP_12);
        assertThat(k.status()).isEqualTo(Catalyst.OPEN);
        assertThat(k.sequence()).isZero();
        assertThat(k.evidence()).isEqualTo("PDUFA target action date of " + SEP_12);
        assertThat(behind(k)).containsExactly(accepted.id());
        // No watchlist matched it, and still its text is kept: watchlists are matched against it later.
        assertThat(stored(accepted.id())).isTrue();
    }

    @Test
    void anExtensionMovesTheDateKeepsThePreviousOneAndRedeliveriesChangeNothing() throws Exception {
        String drug = drug();
        ClassifiedAnnouncement accepted = blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12));
        ClassifiedAnnouncement extended = pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 6, 20));
        record(accepted);
        record(extended);
        record(extended);
        record(accepted);

        Catalyst k = only(drug);
        assertThat(k.date()).isEqualTo(DEC_12);
        assertThat(k.sequence()).isEqualTo(1);
        assertThat(k.announcementId()).isEqualTo(extended.id());
        assertThat(k.asOf()).isEqualTo(LocalDate.of(2027, 6, 20));
        assertThat(k.openedOn()).isEqualTo(LocalDate.of(2027, 1, 12));
        List<Catalysts.Move> moves = moves(k);
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).fromDate()).isEqualTo(SEP_12);
        assertThat(moves.get(0).toDate()).isEqualTo(DEC_12);
        assertThat(moves.get(0).announcementId()).isEqualTo(extended.id());
        assertThat(moves.get(0).evidence()).isEqualTo("the new PDUFA target action date is " + DEC_12);
        assertThat(behind(k)).containsExactly(accepted.id(), extended.id());
    }

    @Test
    void anOlderStoryArrivingLateDoesNotMoveTheDateBack() throws Exception {
        String drug = drug();
        record(blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)));
        record(pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 6, 20)));
        ClassifiedAnnouncement late = blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 13)); // another outlet, January
        record(late);

        Catalyst k = only(drug);
        assertThat(k.date()).isEqualTo(DEC_12);
        assertThat(k.sequence()).isEqualTo(1);
        assertThat(behind(k)).contains(late.id());
    }

    @Test
    void aCoarserPeriodHoldingTheDayConfirmsItAndADayWithinAPeriodMovesIt() throws Exception {
        String precise = drug();
        record(blaAccepted(precise, SEP_12, LocalDate.of(2027, 1, 12)));
        record(pdufaExtended(precise, LocalDate.of(2027, 7, 1), "QUARTER", LocalDate.of(2027, 2, 1)));
        Catalyst k = only(precise);
        assertThat(k.date()).isEqualTo(SEP_12);
        assertThat(k.precision()).isEqualTo("DAY");
        assertThat(k.sequence()).isZero();

        String vague = drug();
        record(pdufaExtended(vague, LocalDate.of(2027, 7, 1), "QUARTER", LocalDate.of(2027, 1, 12)));
        record(pdufaExtended(vague, SEP_12, "DAY", LocalDate.of(2027, 3, 1)));
        Catalyst v = only(vague);
        assertThat(v.date()).isEqualTo(SEP_12);
        assertThat(v.precision()).isEqualTo("DAY");
        assertThat(moves(v)).singleElement().satisfies(m -> {
            assertThat(m.fromPrecision()).isEqualTo("QUARTER");
            assertThat(m.toPrecision()).isEqualTo("DAY");
        });
    }

    @Test
    void anApprovalMeetsThePdufaDateAndACompleteResponseLetterMissesIt() throws Exception {
        String approvedDrug = drug();
        record(blaAccepted(approvedDrug, SEP_12, LocalDate.of(2027, 1, 12)));
        ClassifiedAnnouncement approval = fdaOutcome(approvedDrug, "APPROVAL", LocalDate.of(2027, 9, 10));
        record(approval);
        record(approval);
        Catalyst met = only(approvedDrug);
        assertThat(met.status()).isEqualTo(Catalyst.MET);
        assertThat(met.outcomeAnnouncementId()).isEqualTo(approval.id());
        assertThat(met.outcomeOn()).isEqualTo(LocalDate.of(2027, 9, 10));
        assertThat(met.outcomeEvidence()).isEqualTo("the FDA has approved " + approvedDrug);
        assertThat(met.sequence()).isEqualTo(1); // once, though the approval came twice
        assertThat(stored(approval.id())).isTrue();

        String refusedDrug = drug();
        record(blaAccepted(refusedDrug, SEP_12, LocalDate.of(2027, 1, 12)));
        record(fdaOutcome(refusedDrug, "COMPLETE_RESPONSE", LocalDate.of(2027, 9, 13)));
        assertThat(only(refusedDrug).status()).isEqualTo(Catalyst.MISSED);
    }

    @Test
    void anOutcomeOfAnotherAgencyOrFromBeforeTheCatalystClosesNothing() throws Exception {
        String drug = drug();
        record(blaAccepted(drug, SEP_12, LocalDate.of(2027, 2, 1)));
        ClassifiedAnnouncement nmpa = dated("NMPA approves " + drug, "China's NMPA approved " + drug + ".",
                LocalDate.of(2027, 3, 1), List.of(new EventTag("APPROVAL", "NMPA", true, "NMPA approved", null, null)),
                List.of(drug), List.of());
        record(nmpa);
        record(fdaOutcome(drug, "APPROVAL", LocalDate.of(2027, 1, 5))); // an old story, processed late
        ClassifiedAnnouncement history = dated("Background on " + drug, drug + " was approved by the FDA before.",
                LocalDate.of(2027, 3, 2), List.of(new EventTag("APPROVAL", "FDA", false, "was approved by the FDA", null, null)),
                List.of(drug), List.of());
        record(history);

        Catalyst k = only(drug);
        assertThat(k.status()).isEqualTo(Catalyst.OPEN);
        assertThat(k.sequence()).isZero();
        assertThat(stored(nmpa.id())).as("an announcement no catalyst stands on is not kept").isFalse();
    }

    @Test
    void afterAnOutcomeOldNewsOpensNothingButANewDateAfterItOpensANewCatalyst() throws Exception {
        String drug = drug();
        record(blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)));
        record(fdaOutcome(drug, "COMPLETE_RESPONSE", LocalDate.of(2027, 9, 13)));
        record(blaAccepted(drug, SEP_12, LocalDate.of(2027, 9, 1))); // a recap from before the letter
        assertThat(of(drug)).hasSize(1);

        LocalDate resubmitted = LocalDate.of(2028, 3, 20);
        record(pdufaExtended(drug, resubmitted, "DAY", LocalDate.of(2027, 10, 1)));
        List<Catalyst> all = of(drug);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).status()).isEqualTo(Catalyst.MISSED);
        assertThat(all.get(1).status()).isEqualTo(Catalyst.OPEN);
        assertThat(all.get(1).date()).isEqualTo(resubmitted);
        assertThat(all.get(1).id()).isNotEqualTo(all.get(0).id());
    }

    @Test
    void drugsCompareAsEventKeysDoReadoutsHaveNoAgencyAndCatalystsWithoutADrugAreNotKept() throws Exception {
        String drug = "HX-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        LocalDate q3 = LocalDate.of(2027, 7, 1);
        record(dated("Readout ahead", "Topline data expected in Q3 2027.", LocalDate.of(2027, 1, 5), List.of(),
                List.of(drug), List.of(new CatalystTag("READOUT", q3, "QUARTER", null, drug, "Topline data expected in Q3 2027",
                        null, null))));
        String written = drug.toLowerCase().replace("-", " ");
        record(dated("Readout ahead again", "Topline data expected in Q3 2027.", LocalDate.of(2027, 2, 5), List.of(),
                List.of(written), List.of(new CatalystTag("READOUT", q3, "QUARTER", null, written,
                        "Topline data expected in Q3 2027", null, null))));
        Catalyst k = only(drug);
        assertThat(k.agency()).isNull();
        assertThat(k.periodEnd()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(behind(k)).hasSize(2);

        ClassifiedAnnouncement noDrug = dated("A decision ahead", "A decision is expected in 2028.", LocalDate.of(2027, 1, 5),
                List.of(), List.of(), List.of(new CatalystTag("DECISION_EXPECTED", LocalDate.of(2028, 1, 1), "YEAR", "EMA",
                        null, "A decision is expected in 2028", null, null)));
        record(noDrug);
        assertThat(stored(noDrug.id())).isFalse();
    }

    @Test
    void twoFirstAnnouncementsRecordedAtOnceOpenOneCatalyst() throws Exception {
        String drug = drug();
        List<ClassifiedAnnouncement> stories = List.of(blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)),
                blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)), blaAccepted(drug, SEP_12, LocalDate.of(2027, 1, 12)),
                pdufaExtended(drug, DEC_12, "DAY", LocalDate.of(2027, 6, 20)));
        ExecutorService pool = Executors.newFixedThreadPool(stories.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (ClassifiedAnnouncement a : stories) {
                Callable<Object> task = () -> {
                    start.await();
                    record(a);
                    return null;
                };
                done.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Whatever order they were recorded in: one catalyst, at the date of the latest story.
        Catalyst k = only(drug);
        assertThat(behind(k)).hasSize(4);
        assertThat(k.date()).isEqualTo(DEC_12);
        assertThat(moves(k).size()).isEqualTo(k.sequence()).isLessThanOrEqualTo(1);
    }
}
