package io.bioalert.classifier.core;

import static io.bioalert.classifier.core.Classify.doc;
import static io.bioalert.classifier.core.Classify.events;
import static io.bioalert.classifier.core.Classify.modalities;
import static io.bioalert.classifier.core.Classify.primary;
import static io.bioalert.classifier.core.Classify.targets;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.Classification;
import io.bioalert.model.Mention;
import org.junit.jupiter.api.Test;

/**
 * Chinese announcements, simplified and traditional: one invented announcement per rule. Company and drug
 * names are made up (甲乙生物, 丙丁医药, QX-101 ...) unless the rule is about a known name.
 */
class ChineseRulesTest {

    // --- events ---

    @Test
    void breakthroughTherapyFromTheCde() {
        var c = doc("甲乙生物：QX-101纳入突破性治疗品种名单",
                "近日，甲乙生物的注射用QX-101被国家药品监督管理局药品审评中心纳入突破性治疗品种名单。", "2025-07-10");
        assertThat(primary(c)).containsExactly("BREAKTHROUGH_THERAPY/NMPA");
    }

    @Test
    void traditionalScriptReadsLikeSimplified() {
        var c = doc("甲乙生物：QX-101納入突破性治療品種名單",
                "近日，甲乙生物的注射用QX-101被國家藥品監督管理局藥品審評中心納入突破性治療品種名單。", "2025-07-10");
        assertThat(primary(c)).containsExactly("BREAKTHROUGH_THERAPY/NMPA");
    }

    @Test
    void aProposedDesignationNoticeAnnouncesTheDesignation() {
        var c = doc(null, "近日，丙丁医药的QX-202被药审中心纳入拟突破性治疗品种公示名单，公示期5个工作日。", "2025-07-10");
        assertThat(events(c)).containsExactly("BREAKTHROUGH_THERAPY/NMPA/primary");
    }

    @Test
    void marketingApplicationAccepted() {
        var c = doc("丙丁医药QX-303上市申请获受理",
                "丙丁医药宣布，其QX-303片的新药上市申请已获国家药监局受理，并被纳入优先审评。", "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTED/NMPA/primary", "PRIORITY_REVIEW/NMPA/primary");
    }

    @Test
    void marketingApplicationAcceptedInTraditionalScript() {
        var c = doc(null, "丙丁醫藥宣佈，其QX-303片的新藥上市申請已獲國家藥監局受理。", "2025-07-10");
        assertThat(primary(c)).containsExactly("SUBMISSION_ACCEPTED/NMPA");
    }

    @Test
    void conditionalMarketingApproval() {
        var c = doc("QX-404获批上市", "7月9日，国家药监局附条件批准甲乙生物申报的QX-404注射液上市。", "2025-07-10");
        assertThat(primary(c)).containsExactly("APPROVAL/NMPA");
    }

    @Test
    void clinicalTrialApplicationApprovedIsAnIndClearance() {
        var c = doc(null, "甲乙生物公告，公司收到国家药品监督管理局核准签发的《药物临床试验批准通知书》，同意QX-505开展临床试验。",
                "2025-07-10");
        assertThat(events(c)).containsExactly("IND_CLEARANCE/NMPA/primary");
    }

    @Test
    void impliedLicenceIsAnIndClearance() {
        var c = doc("QX-606获得临床试验默示许可", "近日，丙丁医药的QX-606获得国家药监局临床试验默示许可。", "2025-07-10");
        assertThat(primary(c)).containsExactly("IND_CLEARANCE/NMPA");
    }

    @Test
    void anIndOnlyAcceptedIsNoClearance() {
        var c = doc(null, "近日，甲乙生物收到国家药监局签发的《受理通知书》，QX-707的临床试验申请获得受理。", "2025-07-10");
        assertThat(events(c)).isEmpty();
    }

    @Test
    void orphanDrugAndFastTrackFromTheFda() {
        var c = doc(null, "近日，丙丁医药的QX-808获得美国食品药品监督管理局授予孤儿药资格认定，用于治疗胃癌。"
                + "此前，QX-808已获得美国FDA授予的快速通道资格。", "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("ORPHAN_DRUG/FDA/primary", "FAST_TRACK/FDA/history");
    }

    @Test
    void completeResponseLetter() {
        var c = doc(null, "甲乙生物公布，公司收到美国FDA就QX-909新药上市申请发出的完全回复函。", "2025-07-10");
        assertThat(primary(c)).containsExactly("COMPLETE_RESPONSE/FDA");
    }

    @Test
    void clinicalHold() {
        var c = doc(null, "丙丁医药公告，美国FDA已对QX-110的II期临床研究实施部分临床暂停。", "2025-07-10");
        assertThat(primary(c)).containsExactly("CLINICAL_HOLD/FDA");
    }

    @Test
    void europeanAndJapaneseApprovals() {
        var eu = doc(null, "甲乙生物近日获悉，欧盟委员会已批准QX-120用于治疗食管鳞状细胞癌。", "2025-07-10");
        var jp = doc(null, "丙丁医药宣布，日本厚生劳动省批准QX-130上市，用于治疗结直肠癌。", "2025-07-10");
        assertThat(primary(eu)).containsExactly("APPROVAL/EMA");
        assertThat(primary(jp)).containsExactly("APPROVAL/PMDA");
    }

    @Test
    void anEarlierDateMakesHistory() {
        var c = doc(null, "7月8日，丙丁医药的QX-140上市申请获国家药监局受理。QX-140曾于2023年5月获得突破性治疗药物认定。",
                "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTED/NMPA/primary",
                "BREAKTHROUGH_THERAPY/NMPA/history");
    }

    @Test
    void aDatedEventBeforeItsStatementIsHistory() {
        var c = doc(null, "近日，甲乙生物的QX-150获得美国FDA授予快速通道资格。\n2024年3月，QX-150获得美国FDA孤儿药资格认定。",
                "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("FAST_TRACK/FDA/primary", "ORPHAN_DRUG/FDA/history");
    }

    @Test
    void hongKongFilingsDateInChineseNumerals() {
        var c = doc(null, "董事會欣然宣佈，本集團的QX-155已獲國家藥監局批准上市。於二零二三年十一月三日，QX-155獲美國FDA授予孤兒藥資格認定。",
                "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("APPROVAL/NMPA/primary", "ORPHAN_DRUG/FDA/history");
    }

    @Test
    void plansAreNoEvents() {
        var c = doc(null, "近日，甲乙生物的QX-160获国家药监局批准上市。公司计划于明年向美国FDA递交上市申请。", "2025-07-10");
        assertThat(events(c)).containsExactly("APPROVAL/NMPA/primary");
    }

    @Test
    void aRegistrationCertificateIsAnApproval() {
        var c = doc(null, "丙丁医药公告，公司于近日收到国家药品监督管理局核准签发的《药品注册证书》，QX-170片获批上市。", "2025-07-10");
        assertThat(events(c)).containsExactly("APPROVAL/NMPA/primary");
    }

    @Test
    void theRiskWarningSectionTellsNoNews() {
        var c = doc(null, "近日，甲乙生物的QX-180获得美国FDA授予快速通道资格。\n三、风险提示\n"
                + "快速通道资格认定并不保证该产品最终获得FDA批准上市。", "2025-07-10");
        assertThat(events(c)).containsExactly("FAST_TRACK/FDA/primary");
    }

    @Test
    void theRegulatorNamedBeforeTheEventIsItsAgency() {
        var c = doc(null, "近日，甲乙生物的QX-190获得美国FDA授予快速通道资格。此前，QX-190已分别被药审中心纳入突破性治疗品种，"
                + "和被美国FDA授予孤儿药资格认定。", "2025-07-10");
        assertThat(events(c)).containsExactlyInAnyOrder("FAST_TRACK/FDA/primary", "BREAKTHROUGH_THERAPY/NMPA/history",
                "ORPHAN_DRUG/FDA/history");
    }

    @Test
    void aNegationAnywhereInTheClause() {
        var c = doc(null, "近日，丙丁医药的QX-191获得美国FDA授予孤儿药资格认定。截至目前，国内外尚无同类产品获批上市。", "2025-07-10");
        assertThat(events(c)).containsExactly("ORPHAN_DRUG/FDA/primary");
    }

    // --- modalities ---

    @Test
    void chineseModalityWords() {
        assertThat(modalities(doc(null, "QX-201是一款靶向HER2的抗体偶联药物(ADC)。", null))).containsExactly("ADC");
        assertThat(modalities(doc(null, "QX-202是一款PD-1/VEGF双特异性抗体。", null))).containsExactly("BISPECIFIC_ANTIBODY");
        assertThat(modalities(doc(null, "QX-203是一款双抗ADC。", null))).containsExactly("BISPECIFIC_ADC");
        assertThat(modalities(doc(null, "QX-204是一款全人源抗TIGIT单克隆抗体。", null))).containsExactly("MONOCLONAL_ANTIBODY");
        assertThat(modalities(doc(null, "QX-205是一款Fc融合蛋白。", null))).containsExactly("FUSION_PROTEIN");
        assertThat(modalities(doc(null, "QX-206是一款口服小分子抑制剂。", null))).containsExactly("SMALL_MOLECULE");
        assertThat(modalities(doc(null, "QX-207是一款靶向CD19的CAR-T细胞治疗产品。", null))).containsExactly("CAR_T");
        assertThat(modalities(doc(null, "QX-208是一款腺相关病毒基因疗法。", null))).containsExactly("GENE_THERAPY");
        assertThat(modalities(doc(null, "QX-209是一款小核酸(siRNA)药物。", null))).containsExactly("OLIGONUCLEOTIDE");
        assertThat(modalities(doc(null, "QX-210是一款重组蛋白疫苗。", null))).containsExactly("VACCINE");
    }

    @Test
    void theSmallMoleculeAnAdcDeliversIsItsPayload() {
        var c = doc(null, "QX-220是一款靶向TROP2的ADC药物，通过与TROP2结合，递送抗癌小分子药物，杀死癌细胞。", null);
        assertThat(modalities(c)).containsExactly("ADC");
    }

    @Test
    void chineseInnEndingsImplyTheModality() {
        var c = doc(null, "近日，国家药监局批准甲乙生物的甲瑞替尼片上市。", "2025-07-10");
        assertThat(c.drugs()).containsExactly("甲瑞替尼");
        assertThat(modalities(c)).containsExactly("SMALL_MOLECULE");
    }

    // --- targets ---

    @Test
    void targetsAsChineseNewsWritesThem() {
        assertThat(targets(doc(null, "QX-301是靶向HER2的ADC。", null))).containsExactly("ERBB2");
        assertThat(targets(doc(null, "QX-302是一款靶向人表皮生长因子受体2的抗体偶联药物。", null))).containsExactly("ERBB2");
        assertThat(targets(doc(null, "QX-303是一款抗程序性死亡受体-1单克隆抗体。", null))).containsExactly("PDCD1");
        assertThat(targets(doc(null, "QX-304是一款靶向紧密连接蛋白18.2的ADC。", null))).containsExactly("CLDN18");
        assertThat(targets(doc(null, "QX-305是一款PD-1/VEGF双抗。", null))).containsExactly("PDCD1", "VEGFA");
    }

    @Test
    void aBiomarkerPopulationIsNoTarget() {
        var c = doc(null, "QX-306是一款靶向TROP2的ADC，用于治疗EGFR突变非小细胞肺癌。", null);
        assertThat(targets(c)).containsExactly("TACSTD2");
    }

    // --- entities ---

    @Test
    void chineseCompanyNamesGiveTheirEnglishNames() {
        var c = doc(null, "康方生物宣布与恒瑞医药、百济神州、信达生物、石药集团、科伦博泰、翰森制药和君实生物达成合作。", null);
        assertThat(c.companies()).contains("Akeso", "Hengrui", "BeiGene", "Innovent", "CSPC Pharmaceutical Group",
                "Kelun-Biotech", "Hansoh", "Junshi Biosciences");
    }

    @Test
    void codeNamesGluedToChineseSplitOff() {
        var c = doc(null, "近日，甲乙生物的注射用JSKN003、KN026和HS-20089获国家药监局批准开展临床试验。", "2025-07-10");
        assertThat(c.drugs()).contains("JSKN003", "KN026", "HS-20089");
    }

    // --- offsets ---

    @Test
    void offsetsAreUtf16OffsetsIntoTitleAndBody() {
        // 𠀀 (U+20000) is one code point but two Java chars: offsets after it must count both
        String title = "𠀀甲乙生物";
        String body = "𠀀近日，QX-401是一款靶向HER2的抗体偶联药物，获得美国FDA授予快速通道资格。";
        Classification c = doc(title, body, "2025-07-10");
        String text = title + "\n\n" + body;
        assertThat(c.targets()).singleElement().satisfies(t -> {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.evidence());
            assertThat(t.evidence()).startsWith("HER2");
        });
        assertThat(c.modalities()).allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.evidence()));
        assertThat(c.events()).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.evidence()));
        for (Mention m : c.mentions()) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.evidence());
        }
        assertThat(primary(c)).containsExactly("FAST_TRACK/FDA");
    }
}
