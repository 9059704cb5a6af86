package io.bioalert.classifier.core;

import static io.bioalert.classifier.core.Classify.body;
import static io.bioalert.classifier.core.Classify.doc;
import static io.bioalert.classifier.core.Classify.modalities;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.Classification;
import io.bioalert.model.Mention;
import org.junit.jupiter.api.Test;

class EntityRulesTest {

    @Test
    void trialRegistryIdsAreFoundAndStudyCodesAreNotDrugs() {
        var c = body("The FDA granted Fast Track designation to QL-2204 based on the QL-2204-101 study "
                + "(NCT01234567) and the phase 2 trial NCT07654321; EudraCT 2021-001234-56.");
        assertThat(c.trials()).containsExactly("NCT01234567", "NCT07654321", "2021-001234-56");
        assertThat(c.drugs()).containsExactly("QL-2204");
    }

    @Test
    void codeNamesAndInnStemsAreDrugsButMutationsAndTargetsAreNot() {
        var c = body("Brava Bio announced that BRV-0711 (zentolimab), an anti-CD38 antibody, was granted orphan "
                + "drug designation by the FDA for patients with the L858R mutation and HER2 expression.");
        assertThat(c.drugs()).containsExactlyInAnyOrder("BRV-0711", "zentolimab");
    }

    @Test
    void priorTherapiesAndComparatorsAreNotTheAnnouncedDrugs() {
        var c = body("The NMPA approved QX-77 for patients who progressed after prior treatment with trastuzumab; "
                + "QX-77 was superior to lapatinib plus capecitabine.");
        assertThat(c.drugs()).containsExactly("QX-77");
    }

    @Test
    void bracketedAliasesJoinTheAnnouncedDrug() {
        var c = body("The FDA lifted the clinical hold on the trial of belvotamab tesirine (Belvo, formerly VX-301) "
                + "in lymphoma.");
        assertThat(c.drugs()).containsExactlyInAnyOrder("belvotamab tesirine", "Belvo", "VX-301");
        assertThat(modalities(c)).containsExactly("ADC");
    }

    @Test
    void modalityIsTheMostSpecificAndIgnoresComponents() {
        assertThat(modalities(body("KX-1 is an ADC composed of an EGFR-targeting monoclonal antibody and a payload."
                + " The NMPA approved KX-1."))).containsExactly("ADC");
        assertThat(modalities(body("The FDA cleared the IND for BX-9, a bispecific antibody-drug conjugate."))).containsExactly("BISPECIFIC_ADC");
        assertThat(modalities(body("The FDA granted RMAT designation to CT-77, an autologous CAR-T cell therapy."))).containsExactly("CAR_T");
        assertThat(modalities(body("The FDA approved velzitinib for lung cancer."))).containsExactly("SMALL_MOLECULE");
    }

    @Test
    void offsetsPointAtTheEvidenceInTheFullText() {
        String title = "Orbis Therapeutics Gains FDA Breakthrough Therapy Designation For ORB-12";
        String body = "Orbis announced that ORB-12, a HER2-targeted ADC, has been granted Breakthrough Therapy "
                + "Designation by the U.S. Food and Drug Administration (FDA) for gastric cancer (NCT05550001).";
        Classification c = doc(title, body, "2025-01-10");
        String full = title + "\n\n" + body;
        c.targets().forEach(t -> assertThat(full.substring(t.start(), t.end())).isEqualTo(t.evidence()));
        c.modalities().forEach(t -> assertThat(full.substring(t.start(), t.end())).isEqualTo(t.evidence()));
        c.events().forEach(t -> assertThat(full.substring(t.start(), t.end())).isEqualTo(t.evidence()));
        for (Mention m : c.mentions()) {
            assertThat(full.substring(m.start(), m.end())).isEqualTo(m.evidence());
        }
        assertThat(c.targets()).singleElement().satisfies(t -> assertThat(t.evidence()).isEqualTo("HER2-targeted"));
        assertThat(c.mentions()).extracting(Mention::kind).contains("DRUG", "COMPANY", "INDICATION", "TRIAL");
        assertThat(c.events()).singleElement().satisfies(e -> {
            assertThat(e.primary()).isTrue();
            assertThat(e.evidence()).contains("Breakthrough Therapy Designation");
        });
    }

    @Test
    void emptyAndOddInputsDoNotFail() {
        assertThat(body("").events()).isEmpty();
        assertThat(body("   \n\n  ").targets()).isEmpty();
        assertThat(body("((((( ;;; ---- ™®").drugs()).isEmpty();
        assertThat(doc("", "FDA", null).events()).isEmpty();
    }

    @Test
    void aCarTInnKeepsBothWordsAndGeneOrCapsidCodesAreNotDrugs() {
        var c = body("The EC approved Kymrel (zevacabtagene autoleucel), a BCMA-directed CAR T-cell therapy.");
        assertThat(c.drugs()).containsExactly("zevacabtagene autoleucel");
        assertThat(modalities(c)).containsExactly("CAR_T");
        var g = body("The EC approved ELV-01, an AAV9 gene replacement delivering the SMN1 gene.");
        assertThat(g.drugs()).containsExactly("ELV-01");
    }

    @Test
    void aCarrierPeptideAndATargetTranscriptAreNoModalities() {
        assertThat(modalities(body("HR-9 is a peptide radioligand targeting somatostatin receptor 2.")))
                .containsExactly("RADIOPHARMACEUTICAL");
        assertThat(modalities(body("RN-9 is a divalent siRNA that lowers huntingtin (HTT) messenger RNA.")))
                .containsExactly("OLIGONUCLEOTIDE");
        assertThat(modalities(body("FR-1 is an Fc fusion protein replacing ectonucleotide pyrophosphatase.")))
                .containsExactly("FUSION_PROTEIN");
    }

    @Test
    void unusualCodeNamesAndNewInnStemsAreDrugs() {
        var c = body("Saltwave Bio dosed patients with SW-OV3, CLD-mRNA-7 and 9MW2821, and with lotamitug and "
                + "rivocel.");
        assertThat(c.drugs()).containsExactlyInAnyOrder("SW-OV3", "CLD-mRNA-7", "9MW2821", "lotamitug", "rivocel");
        assertThat(body("Kolbrun Pharma dosed patients with vemadegib and ospremenib.").drugs())
                .containsExactlyInAnyOrder("vemadegib", "ospremenib");
    }

    @Test
    void anExVivoEditedCellProductIsACellTherapyAndInVivoEditingIsAGeneTherapy() {
        assertThat(modalities(body("The FDA granted RMAT designation to CVN-1, an allogeneic CRISPR-edited CAR-T "
                + "cell therapy."))).containsExactly("CAR_T");
        assertThat(modalities(body("The MHRA approved BFG-2, an in vivo CRISPR gene editing therapy."))).containsExactly(
                "GENE_THERAPY");
    }
}
