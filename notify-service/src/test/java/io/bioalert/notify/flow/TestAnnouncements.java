package io.bioalert.notify.flow;

import io.bioalert.model.CatalystTag;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Classified announcements for tests, built without any server. */
public final class TestAnnouncements {

    private TestAnnouncements() {
    }

    /** An FDA Breakthrough Therapy for a HER2 bispecific ADC, with a Fast Track only as history. */
    public static ClassifiedAnnouncement her2Btd(String drug) {
        String id = "u-" + UUID.randomUUID();
        RawAnnouncement raw = new RawAnnouncement(1, id, drug + " granted Breakthrough Therapy Designation by FDA",
                "Alphamab Oncology announced that " + drug + ", a biparatopic HER2-targeting bispecific antibody-drug "
                        + "conjugate, has been granted breakthrough therapy designation by the U.S. Food and Drug "
                        + "Administration for platinum-resistant ovarian cancer. Previously, " + drug
                        + " has been granted Fast Track Designation by the FDA.",
                "https://news.example.org/" + id, List.of(), LocalDate.of(2025, 12, 23), "test", Instant.now());
        Classification c = new Classification(id,
                List.of(new TargetTag("ERBB2", "HER2", "biparatopic HER2-targeting", null, null)),
                List.of(new ModalityTag("BISPECIFIC_ADC", "bispecific antibody-drug conjugate", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "FDA", true,
                                "has been granted breakthrough therapy designation by the U.S. Food and Drug Administration",
                                null, null),
                        new EventTag("FAST_TRACK", "FDA", false, "has been granted Fast Track Designation by the FDA",
                                null, null)),
                List.of(drug), List.of("Alphamab Oncology"), List.of("platinum-resistant ovarian cancer"), List.of(),
                List.of());
        return new ClassifiedAnnouncement(1, raw, c, "test-1", Instant.now());
    }

    /** An FDA Priority Review of a HER2 ADC's BLA: another event for the same drug than {@link #her2Btd}. */
    public static ClassifiedAnnouncement her2PriorityReview(String drug) {
        return announcement(drug + " BLA granted Priority Review by FDA",
                "The FDA has granted Priority Review to the Biologics License Application for " + drug
                        + ", a HER2-targeting antibody-drug conjugate, for HER2-positive gastric cancer.",
                "test", List.of(new TargetTag("ERBB2", "HER2", "HER2-targeting", null, null)),
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)),
                List.of(new EventTag("PRIORITY_REVIEW", "FDA", true, "has granted Priority Review", null, null)),
                List.of(drug), List.of());
    }

    /** A company's English release: NMPA Breakthrough Therapy for the TROP2 ADC {@code drug}. */
    public static ClassifiedAnnouncement trop2BtdRelease(String drug) {
        return announcement("Hengyu Biopharma's " + drug + " receives Breakthrough Therapy Designation from China's NMPA",
                "Hengyu Biopharma today announced that " + drug + ", a TROP2-directed antibody-drug conjugate, has been "
                        + "granted Breakthrough Therapy Designation by the Center for Drug Evaluation (CDE) of China's "
                        + "National Medical Products Administration for previously treated EGFR-mutant non-small cell "
                        + "lung cancer. Previously, " + drug + " received IND clearance from the FDA.",
                "press", List.of(new TargetTag("TACSTD2", "TROP2", "TROP2-directed", null, null)),
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "NMPA", true,
                                "has been granted Breakthrough Therapy Designation by the Center for Drug Evaluation (CDE) "
                                        + "of China's National Medical Products Administration", null, null),
                        new EventTag("IND_CLEARANCE", "FDA", false, "received IND clearance from the FDA", null, null)),
                List.of(drug), List.of("Hengyu Biopharma"));
    }

    /** The same news as {@link #trop2BtdRelease}, as the company's HKEX notice in Chinese: other id, other text. */
    public static ClassifiedAnnouncement trop2BtdHkexNotice(String drug) {
        return announcement("自愿公告：" + drug + "获国家药监局纳入突破性治疗品种",
                "恒宇生物医药有限公司董事会欣然宣布，本集团自主研发的靶向TROP2抗体偶联药物（ADC）" + drug
                        + "已获国家药品监督管理局药品审评中心（CDE）纳入突破性治疗品种，用于治疗既往经治的EGFR突变非小细胞肺癌。",
                "hkex", List.of(new TargetTag("TACSTD2", "TROP2", "靶向TROP2", null, null)),
                List.of(new ModalityTag("ADC", "抗体偶联药物（ADC）", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "NMPA", true,
                        "已获国家药品监督管理局药品审评中心（CDE）纳入突破性治疗品种", null, null)),
                List.of(drug), List.of("恒宇生物医药"));
    }

    /** The same news again, in the trade press, which writes the code its own way ("HYB 417" for HYB-417). */
    public static ClassifiedAnnouncement trop2BtdTradePress(String drug, String drugAsWritten) {
        return announcement("China's CDE names " + drugAsWritten + " a breakthrough therapy",
                "Chinese regulators have added Hengyu's TROP2 ADC " + drugAsWritten + " to the list of breakthrough "
                        + "therapies, according to the CDE website.",
                "trade press", List.of(new TargetTag("TACSTD2", "TROP2", "TROP2 ADC", null, null)),
                List.of(new ModalityTag("ADC", "ADC", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "NMPA", true,
                        "added Hengyu's TROP2 ADC " + drugAsWritten + " to the list of breakthrough therapies", null, null)),
                List.of(drugAsWritten), List.of("Hengyu"));
    }

    /** Other news of the same drug: NMPA Priority Review of its marketing application. */
    public static ClassifiedAnnouncement trop2PriorityReview(String drug) {
        return announcement("NMPA grants Priority Review to " + drug + " NDA",
                "The NDA for Hengyu Biopharma's TROP2 antibody-drug conjugate " + drug + " has been granted priority "
                        + "review by China's NMPA.",
                "press", List.of(new TargetTag("TACSTD2", "TROP2", "TROP2 antibody-drug conjugate", null, null)),
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)),
                List.of(new EventTag("PRIORITY_REVIEW", "NMPA", true, "has been granted priority review by China's NMPA",
                        null, null)),
                List.of(drug), List.of("Hengyu Biopharma"));
    }

    /**
     * A Chinese news item that names no drug code (so the subject carries the Chinese headline): the CDE's
     * proposed Breakthrough Therapy list with a HER2 bispecific ADC on it.
     */
    public static ClassifiedAnnouncement her2BtdChineseNews() {
        return announcement("青禾生物HER2双特异性ADC拟纳入突破性治疗品种",
                "国家药监局药审中心（CDE）官网显示，青禾生物的HER2双特异性抗体偶联药物拟纳入突破性治疗品种，拟定适应症为HER2阳性胃癌。",
                "news", List.of(new TargetTag("ERBB2", "HER2", "HER2双特异性", null, null)),
                List.of(new ModalityTag("BISPECIFIC_ADC", "双特异性抗体偶联药物", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "NMPA", true, "拟纳入突破性治疗品种", null, null)),
                List.of(), List.of("青禾生物"));
    }

    /** A HER2 ADC's BLA accepted by the FDA, with a PDUFA target action date on {@code pdufa}. */
    public static ClassifiedAnnouncement blaAccepted(String drug, LocalDate pdufa, LocalDate published) {
        String evidence = "PDUFA target action date of " + pdufa;
        return dated(drug + " BLA accepted by FDA",
                "Corvane Therapeutics announced that the FDA has accepted the Biologics License Application for " + drug
                        + ", a HER2-directed antibody-drug conjugate, and assigned a " + evidence + ".",
                published, List.of(new EventTag("SUBMISSION_ACCEPTED", "FDA", true, "has accepted the Biologics License Application",
                        null, null)), List.of(drug),
                List.of(new CatalystTag("PDUFA", pdufa, "DAY", "FDA", drug, evidence, null, null)));
    }

    /** The FDA extended the review of {@code drug}: no event, a new PDUFA date. */
    public static ClassifiedAnnouncement pdufaExtended(String drug, LocalDate pdufa, String precision, LocalDate published) {
        String evidence = "the new PDUFA target action date is " + pdufa;
        return dated("FDA extends review of " + drug,
                "The FDA has extended the review of the BLA for " + drug + ", a HER2-directed antibody-drug conjugate, by three "
                        + "months; " + evidence + ".",
                published, List.of(), List.of(drug),
                List.of(new CatalystTag("PDUFA", pdufa, precision, "FDA", drug, evidence, null, null)));
    }

    /** An outcome of the FDA's review: APPROVAL or COMPLETE_RESPONSE, primary. */
    public static ClassifiedAnnouncement fdaOutcome(String drug, String eventType, LocalDate published) {
        String evidence = eventType.equals("APPROVAL") ? "the FDA has approved " + drug
                : "received a Complete Response Letter from the FDA for " + drug;
        return dated("FDA decision on " + drug, "Corvane Therapeutics announced that " + evidence
                        + ", a HER2-directed antibody-drug conjugate, for HER2-positive gastric cancer.", published,
                List.of(new EventTag(eventType, "FDA", true, evidence, null, null)), List.of(drug), List.of());
    }

    /** A HER2 ADC story with these events, drugs and catalysts, published on {@code published}. */
    public static ClassifiedAnnouncement dated(String title, String body, LocalDate published, List<EventTag> events,
            List<String> drugs, List<CatalystTag> catalysts) {
        String id = "u-" + UUID.randomUUID();
        RawAnnouncement raw = new RawAnnouncement(1, id, title, body, "https://news.example.org/" + id, List.of(),
                published, "test", Instant.now());
        Classification c = new Classification(id, List.of(new TargetTag("ERBB2", "HER2", "HER2-directed", null, null)),
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)), events, drugs,
                List.of("Corvane Therapeutics"), List.of(), List.of(), List.of(), catalysts);
        return new ClassifiedAnnouncement(1, raw, c, "test-1", Instant.now());
    }

    static ClassifiedAnnouncement announcement(String title, String body, String source, List<TargetTag> targets,
            List<ModalityTag> modalities, List<EventTag> events, List<String> drugs, List<String> companies) {
        String id = "u-" + UUID.randomUUID();
        RawAnnouncement raw = new RawAnnouncement(1, id, title, body, "https://news.example.org/" + id, List.of(),
                LocalDate.of(2026, 12, 1), source, Instant.now());
        Classification c = new Classification(id, targets, modalities, events, drugs, companies, List.of(), List.of(),
                List.of());
        return new ClassifiedAnnouncement(1, raw, c, "test-1", Instant.now());
    }
}
