package io.bioalert.classifier.core;

import static io.bioalert.classifier.core.Classify.body;
import static io.bioalert.classifier.core.Classify.targets;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One invented announcement per precision rule of taxonomy.md section 1. */
class TargetRulesTest {

    @Test
    void punctuationVariantsOfAnAliasAreOneTarget() {
        assertThat(targets(body("Orbis Bio said its anti-HER-2 antibody ORB101 entered phase 1."))).containsExactly("ERBB2");
        assertThat(targets(body("Orbis Bio said its HER 2 targeted ADC ORB102 entered phase 1."))).containsExactly("ERBB2");
        assertThat(targets(body("Orbis Bio said its ErbB2-directed antibody ORB103 entered phase 1."))).containsExactly("ERBB2");
    }

    @Test
    void priorTherapyIsNotATarget() {
        var c = body("Veltra Therapeutics announced that the FDA granted Fast Track designation to VT-4410, a "
                + "B7-H3-targeted antibody-drug conjugate, for patients whose disease progressed after anti-PD-1 "
                + "therapy and prior treatment with bevacizumab.");
        assertThat(targets(c)).containsExactly("CD276");
    }

    @Test
    void biomarkerPopulationIsNotATarget() {
        var c = body("Kestrel Pharma's KP-221, a KRAS G12D inhibitor, received Orphan Drug Designation from the FDA "
                + "for EGFR-mutated, HER2-negative and PD-L1-positive non-small cell lung cancer.");
        assertThat(targets(c)).containsExactly("KRAS");
    }

    @Test
    void combinationPartnerAndComparatorAreNotTargets() {
        var c = body("Lumen Oncology said the FDA accepted the BLA for LMN-7, an oncolytic virus, used in "
                + "combination with nivolumab, which outperformed docetaxel compared to pembrolizumab.");
        assertThat(targets(c)).isEmpty();
    }

    @Test
    void bispecificNamesBothArms() {
        assertThat(targets(body("Harbor Bio's HB-330 is a CD20xCD3 bispecific antibody cleared by the FDA.")))
                .containsExactlyInAnyOrder("MS4A1", "CD3E");
        assertThat(targets(body("The IND for QX-12, an EGFR/cMET bispecific ADC, was approved by the NMPA.")))
                .containsExactlyInAnyOrder("EGFR", "MET");
    }

    @Test
    void populationOfADrugThatActsOnItIsATargetFromDrugKnowledge() {
        var c = body("The NMPA approved disitamab vedotin for HER2-positive urothelial cancer.");
        assertThat(targets(c)).containsExactly("ERBB2");
    }

    @Test
    void aCompetitorsTargetsAreNotTheAnnouncedDrugs() {
        var c = body("The NMPA approved mazdutide, a GLP-1 receptor agonist, for obesity.\n"
                + "Its weight loss is comparable to Zepbound (tirzepatide), a dual GIP/GLP-1 receptor agonist.");
        assertThat(targets(c)).containsExactly("GLP1R");
    }

    @Test
    void reducedBindingAndPathwaysAreNotTargets() {
        var c = body("ZR-55 is a PD-1/IL-2α-bias bispecific antibody fusion protein that blocks the PD-1/PD-L1 pathway "
                + "while reducing binding to IL-2Rβ. The NMPA granted it Breakthrough Therapy Designation.");
        assertThat(targets(c)).containsExactlyInAnyOrder("PDCD1", "IL2RA");
    }

    @Test
    void backgroundSectionsAboutTheFieldAreNotTheAnnouncedDrugs() {
        var c = body("Tigris Bio said the FDA granted Fast Track designation to TG-5, an anti-TIGIT antibody, for use "
                + "in combination with atezolizumab (anti-PD-L1) in NSCLC.\nAbout NSCLC\nHER2-targeted therapies "
                + "and EGFR inhibitors have transformed treatment, but most patients relapse.");
        assertThat(targets(c)).containsExactly("TIGIT");
        assertThat(c.drugs()).containsExactly("TG-5");
    }

    @Test
    void bothArmsOfAnEngagerAndTheObjectOfADegraderCount() {
        assertThat(targets(body("Pelago announced FDA approval of pelatamab, a bispecific T-cell engager that binds "
                + "DLL3 on tumor cells and CD3 on T cells."))).containsExactlyInAnyOrder("DLL3", "CD3E");
        assertThat(targets(body("The FDA granted Breakthrough Therapy Designation to RV-4, a PROTAC degrader of the "
                + "androgen receptor, for patients after progression on enzalutamide, an AR inhibitor.")))
                .containsExactly("AR");
    }

    @Test
    void aModifierOfTheMoleculeMayStandBetweenTheRelationAndTheTarget() {
        assertThat(targets(body("Kelo Bio's KL-8 is an siRNA designed to silence hepatic transthyretin production.")))
                .containsExactly("TTR");
        assertThat(targets(body("Saro Bio's saronemab is an antibody directed against pyroglutamate amyloid beta.")))
                .containsExactly("APP");
    }

    @Test
    void aVariantSelectiveInhibitorActsOnItsMoleculeButAVariantPopulationDoesNot() {
        assertThat(targets(body("The NMPA approved dazertinib, an oral EGFR exon 20 insertion tyrosine kinase "
                + "inhibitor, for NSCLC."))).containsExactly("EGFR");
        assertThat(targets(body("The NMPA approved DZ-9, a chemotherapy, for EGFR exon 20 insertion NSCLC.")))
                .isEmpty();
    }

    @Test
    void anInadequateResponseToATherapyIsPriorTherapy() {
        assertThat(targets(body("The TGA approved mirvalizumab, a monoclonal antibody that binds interleukin-23, for "
                + "ulcerative colitis after an inadequate response to TNF antagonists."))).containsExactly("IL23A");
    }

    @Test
    void unknownGeneSymbolInATargetRelationIsATargetAndNotADrug() {
        var c = body("Tamsin Bio said the FDA cleared the IND for TMB-6, a STEAP9 x CD3 bispecific antibody, and for "
                + "TMB-8, an anti-SLC7A99 ADC, in LRRC98-positive tumors after a GPRC9D-directed therapy.");
        assertThat(targets(c)).containsExactlyInAnyOrder("STEAP9", "CD3E", "SLC7A99");
        assertThat(c.drugs()).containsExactlyInAnyOrder("TMB-6", "TMB-8");
        assertThat(targets(body("Avoid giving TMB-6 with strong CYP3A4 inhibitors or an AAV9-based vector.")))
                .isEmpty();
    }

    @Test
    void isoformAndMutationSuffixesAreDroppedFromAnUnknownSymbol() {
        assertThat(targets(body("Orbis Bio dosed the first patient with ORB-9, a TMEM9b-selective inhibitor.")))
                .containsExactly("TMEM9");
        assertThat(targets(body("Orbis Bio dosed the first patient with ORB-10, a NRAX9 G12D inhibitor.")))
                .containsExactly("NRAX9");
    }
}
