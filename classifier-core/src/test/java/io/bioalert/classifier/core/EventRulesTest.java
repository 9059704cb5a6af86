package io.bioalert.classifier.core;

import static io.bioalert.classifier.core.Classify.body;
import static io.bioalert.classifier.core.Classify.doc;
import static io.bioalert.classifier.core.Classify.events;
import static io.bioalert.classifier.core.Classify.primary;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One invented announcement per rule of taxonomy.md section 3. */
class EventRulesTest {

    @Test
    void clearedToEnterClinicalTrialsIsAnIndClearanceNotAnApproval() {
        var c = doc("Orvia's ADC OV-7 cleared by FDA to enter clinical trials",
                "Orvia Therapeutics announced that the FDA has cleared its IND for OV-7.", "2026-02-01");
        assertThat(events(c)).containsExactly("IND_CLEARANCE/FDA/primary");
    }

    @Test
    void previouslyMakesHistory() {
        var c = body("Corvan Bio announced that the FDA has granted Breakthrough Therapy Designation to CV-101 for "
                + "gastric cancer.\n\nPreviously, CV-101 has been granted Fast Track Designation by the FDA. It has "
                + "also been granted Orphan Drug Designation by the EMA.");
        assertThat(events(c)).containsExactlyInAnyOrder("BREAKTHROUGH_THERAPY/FDA/primary", "FAST_TRACK/FDA/history",
                "ORPHAN_DRUG/EMA/history");
    }

    @Test
    void aDateBeforePublicationMakesHistory() {
        var c = doc(null, "The NMPA accepted the NDA for TQ-88 for review.\n"
                + "TQ-88 was granted Breakthrough Therapy Designation by the CDE on March 3, 2024, and received "
                + "Priority Review on June 2, 2025.", "2025-09-15");
        assertThat(events(c)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTED/NMPA/primary",
                "BREAKTHROUGH_THERAPY/NMPA/history", "PRIORITY_REVIEW/NMPA/history");
    }

    @Test
    void toDateMakesHistoryEvenInTheLeadParagraph() {
        var c = body("Mira Pharma said the CDE of China's NMPA granted BTD to MP-9 for melanoma. To date, MP-9 has "
                + "received Fast Track Designations from the U.S. FDA for two indications.");
        assertThat(events(c)).containsExactlyInAnyOrder("BREAKTHROUGH_THERAPY/NMPA/primary", "FAST_TRACK/FDA/history");
    }

    @Test
    void intentionsAreNotEvents() {
        var c = body("The FDA issued a complete response letter for ZB-3. The company plans to resubmit the BLA "
                + "and will request priority review. It expects to file an MAA with the EMA next year.");
        assertThat(events(c)).containsExactly("COMPLETE_RESPONSE/FDA/primary");
    }

    @Test
    void explanationsAreNotEvents() {
        var c = body("The NMPA granted conditional approval to RX-4 for lymphoma. The pathway, akin to Breakthrough "
                + "Therapy designation in the US, offers the potential for accelerated assessment.");
        assertThat(events(c)).containsExactly("APPROVAL/NMPA/primary");
    }

    @Test
    void aCompanysCompleteResponseIsNotACompleteResponseLetter() {
        var c = body("The FDA lifted the partial clinical hold on the trial of YK-12 after the company submitted a "
                + "complete response addressing the agency's questions.");
        assertThat(events(c)).containsExactly("CLINICAL_HOLD/FDA/primary");
    }

    @Test
    void meetingsWithoutOutcomeAreNotEvents() {
        var c = body("Tessel Bio held a pre-IND meeting with the FDA and plans a Type A meeting next quarter.");
        assertThat(c.events()).isEmpty();
    }

    @Test
    void chmpOpinionIsEmaAndEuropeanCommissionApprovalIsEma() {
        var c = body("The European Commission has granted marketing authorization to Zelvora for myeloma. In May, "
                + "the CHMP had adopted a positive opinion recommending approval.");
        assertThat(events(c)).containsExactlyInAnyOrder("APPROVAL/EMA/primary", "POSITIVE_OPINION/EMA/history");
    }

    @Test
    void chinasCdeIsNmpa() {
        var c = body("Orin Therapeutics announced that the Center for Drug Evaluation (CDE) has approved the "
                + "clinical trial application of OR-17.");
        assertThat(primary(c)).containsExactly("IND_CLEARANCE/NMPA");
    }

    @Test
    void theHeadlineNamesThePrimaryEventAndLendsItsAgency() {
        var c = doc("Kallo Bio receives FDA Orphan Drug Designation for KB-5", "Kallo Bio said the designation "
                + "covers pancreatic cancer. In 2021 KB-5 received Fast Track designation.", null);
        assertThat(events(c)).containsExactlyInAnyOrder("ORPHAN_DRUG/FDA/primary", "FAST_TRACK/FDA/history");
    }

    @Test
    void headlineAsFirstLineOfBodyWhenTitleIsMissing() {
        var c = body("Vantis Gains NMPA Approval For VS-2 In Lung Cancer\n\n12 May 2025 | News\n\nVantis said the "
                + "drug was approved today by the National Medical Products Administration.");
        assertThat(primary(c)).containsExactly("APPROVAL/NMPA");
    }

    @Test
    void fastTrackApprovalIsFastTrack() {
        var c = body("Norden Vaccines said its vaccine candidate has received fast track approval from the FDA.");
        assertThat(events(c)).containsExactly("FAST_TRACK/FDA/primary");
    }

    @Test
    void aDesignationIsNotAnEventWhenTheSentenceOnlyExplainsIt() {
        var c = body("The FDA granted RMAT designation to GT-8. RMAT designation is intended to expedite the "
                + "development of regenerative medicine therapies. Drugs are eligible for Breakthrough Therapy "
                + "designation if early data show improvement.");
        assertThat(events(c)).containsExactly("RMAT/FDA/primary");
    }

    @Test
    void negatedAndPendingDecisionsAreNotApprovals() {
        var c = body("The MHRA approved Treva for type 1 diabetes. A marketing authorization in the EU has not yet "
                + "been granted, and the drug has yet to receive FDA approval.");
        assertThat(events(c)).containsExactly("APPROVAL/MHRA/primary");
    }

    @Test
    void historyIsNeverPrimaryWhenItRepeatsTheHeadlinePair() {
        var c = doc("EMA grants orphan status to AT-1", "The EMA granted orphan drug designation to AT-1 for AML. "
                + "AT-1 has previously been granted an ODD by both the EMA and the FDA for GvHD.", null);
        assertThat(events(c)).contains("ORPHAN_DRUG/EMA/primary", "ORPHAN_DRUG/FDA/history");
        assertThat(c.events()).filteredOn(e -> e.evidence().contains("previously")).isEmpty();
    }

    @Test
    void aDateQualifiesTheEventWrittenBeforeIt() {
        var c = doc(null, "Following its Breakthrough Therapy designation in January, LX-9 today received FDA approval "
                + "for melanoma.", "2025-07-01");
        assertThat(events(c)).containsExactlyInAnyOrder("BREAKTHROUGH_THERAPY/FDA/history", "APPROVAL/FDA/primary");
    }

    @Test
    void todayMakesTheNewsEvenAfterABackgroundSentence() {
        var c = body("Helio Pharma said its partner received approval in China in 2021 and in the US in 2023 for "
                + "HL-4. Today the European Commission approved HL-4 for the same indication.");
        assertThat(events(c)).containsExactlyInAnyOrder("APPROVAL/NMPA/history", "APPROVAL/FDA/history",
                "APPROVAL/EMA/primary");
    }

    @Test
    void aDecisionStillExpectedIsNoEvent() {
        var c = doc("Orvo's OV-12 BLA accepted; FDA approval expected by June", "The FDA accepted the BLA for "
                + "OV-12 and set a PDUFA target action date of June 14, 2026.", null);
        assertThat(events(c)).containsExactly("SUBMISSION_ACCEPTED/FDA/primary");
    }

    @Test
    void legalBoilerplateIsNotNews() {
        var c = body("The NMPA approved QX-3 for gastric cancer.\n\nForward-Looking Statements\nThis release "
                + "discusses whether the FDA will grant Breakthrough Therapy designation and the company has "
                + "received orphan drug designation from the EMA.");
        assertThat(events(c)).containsExactly("APPROVAL/NMPA/primary");
    }

    @Test
    void priorityReviewAndApprovalProcedureIsADesignationNotAnApproval() {
        var c = body("Xanor Pharma said the NDA for XN-7 has been accepted by the NMPA and included in the priority "
                + "review and approval procedure for triple-negative breast cancer.");
        assertThat(events(c)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTED/NMPA/primary",
                "PRIORITY_REVIEW/NMPA/primary");
    }

    @Test
    void clearedToProceedWithANumberedPhaseIsAnIndClearance() {
        var c = body("Quill Radiopharma has been cleared to proceed by the FDA with a Phase 1 study of QR-5, an "
                + "actinium-225 radioconjugate, in prostate cancer.");
        assertThat(events(c)).containsExactly("IND_CLEARANCE/FDA/primary");
    }

    @Test
    void declinedApprovalAndTheApprovalAnApplicationSeeksAreNoApprovals() {
        var c = body("FDA declines to approve Stellar Bio's antibody; issues CRL\nStellar Bio said the FDA issued a "
                + "Complete Response Letter for its BLA seeking approval of SB-44 in lung cancer.");
        assertThat(events(c)).containsExactly("COMPLETE_RESPONSE/FDA/primary");
    }

    @Test
    void aDateAfterTwoJoinedEventsDatesBoth() {
        var c = doc(null, "The NMPA granted conditional approval to YX-6 for cervical cancer. The new drug "
                + "application was accepted with priority review in February 2024.", "2025-04-18");
        assertThat(events(c)).containsExactlyInAnyOrder("APPROVAL/NMPA/primary", "SUBMISSION_ACCEPTED/NMPA/history",
                "PRIORITY_REVIEW/NMPA/history");
    }

    @Test
    void aCountryAdjectiveOnTheApplicationNamesTheRegulator() {
        assertThat(events(body("Veltrix Bio said the company's U.S. NDA for VX-12 was accepted for review.")))
                .containsExactly("SUBMISSION_ACCEPTED/FDA/primary");
        assertThat(events(body("Sakura Pharma has submitted a Japanese New Drug Application for SK-8.")))
                .containsExactly("SUBMISSION/PMDA/primary");
    }

    @Test
    void aGrantedProcedureInTheFutureTenseIsAnEventButAConditionalOneIsNot() {
        assertThat(events(body("Osprey Oncology said the EMA validated its MAA for OS-1, and that the application "
                + "will be reviewed under accelerated assessment.")))
                .containsExactlyInAnyOrder("SUBMISSION_ACCEPTED/EMA/primary", "PRIORITY_REVIEW/EMA/primary");
        assertThat(events(body("Briar Bio said the EMA granted PRIME to BR-7; BR-7 will be reviewed under "
                + "accelerated assessment if an MAA is submitted."))).containsExactly("PRIME/EMA/primary");
    }

    @Test
    void aHeadlineClearanceExplainedAsATrialApplicationIsNoApproval() {
        var c = doc("Calyra's bispecific cleared in Canada", "Calyra Biosciences announced that Health Canada has "
                + "issued a No Objection Letter for its clinical trial application for CLY-66.", "2025-03-27");
        assertThat(events(c)).containsExactly("IND_CLEARANCE/HEALTH_CANADA/primary");
    }
}
