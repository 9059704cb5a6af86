package io.bioalert.classifier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented press releases of about 3 KB for throughput measurements: a headline, a lead with a regulatory
 * event, history, mechanism, trial and company boilerplate, with names, targets, agencies and dates varied
 * by a seeded random generator so that every text differs.
 */
public final class SyntheticAnnouncements {
    private static final String[] COMPANIES = {"Orbis Therapeutics", "Kestrel Biosciences", "Lumen Oncology",
            "Harbor Biologics", "Veltra Pharma", "Corvan Bio", "Mira Pharmaceutical Group", "Tessel Biotech"};
    private static final String[] TARGETS = {"HER2", "TROP2", "B7-H4", "Claudin 18.2", "EGFR", "PD-L1", "DLL3",
            "Nectin-4", "CD3", "BCMA", "FRα", "c-Met", "CEACAM5", "GPRC5D", "CD19"};
    private static final String[] MODALITIES = {"antibody-drug conjugate (ADC)", "bispecific antibody",
            "monoclonal antibody", "CAR-T cell therapy", "small molecule inhibitor", "radioligand therapy"};
    private static final String[] AGENCIES = {"the U.S. Food and Drug Administration (FDA)",
            "the Center for Drug Evaluation (CDE) of China's National Medical Products Administration (NMPA)",
            "the European Medicines Agency (EMA)", "Japan's PMDA", "Health Canada", "the MHRA"};
    private static final String[] EVENTS = {"Breakthrough Therapy Designation", "Fast Track Designation",
            "Orphan Drug Designation", "Priority Review", "RMAT designation"};
    private static final String[] DISEASES = {"platinum-resistant ovarian cancer", "gastric cancer",
            "non-small cell lung cancer", "multiple myeloma", "triple-negative breast cancer", "melanoma"};
    private static final String[] MONTHS = {"January", "March", "May", "July", "September", "November"};

    private SyntheticAnnouncements() {
    }

    public static List<String[]> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(one(r, i));
        }
        return out;
    }

    private static String[] one(Random r, int i) {
        String company = pick(r, COMPANIES);
        String code = (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + "-" + (100 + r.nextInt(9000));
        String target = pick(r, TARGETS);
        String target2 = pick(r, TARGETS);
        String modality = pick(r, MODALITIES);
        String agency = pick(r, AGENCIES);
        String event = pick(r, EVENTS);
        String history = pick(r, EVENTS);
        String disease = pick(r, DISEASES);
        int year = 2020 + r.nextInt(5);
        String title = company + " Receives " + event + " for " + code + " in " + disease;
        StringBuilder b = new StringBuilder(3200);
        b.append(pick(r, MONTHS)).append(' ').append(1 + r.nextInt(28)).append(", ").append(year + 1).append(" | News\n\n");
        b.append(company).append(" today announced that ").append(agency).append(" has granted ").append(event)
                .append(" to ").append(code).append(", a ").append(target).append("-targeting ").append(modality)
                .append(", for the treatment of adult patients with advanced or metastatic ").append(disease)
                .append(" who progressed after prior anti-PD-1 therapy and platinum-based chemotherapy.\n\n");
        b.append("Previously, ").append(code).append(" has been granted ").append(history).append(" by ")
                .append(pick(r, AGENCIES)).append(" in ").append(pick(r, MONTHS)).append(' ').append(year)
                .append(". The company plans to submit a Biologics License Application next year and will request")
                .append(" priority review.\n\n");
        b.append("The designation is based on data from the phase 1/2 study (NCT0").append(1000000 + r.nextInt(8999999))
                .append("), in which ").append(code).append(" showed an objective response rate of ")
                .append(20 + r.nextInt(40)).append("% compared with docetaxel in patients with ").append(target2)
                .append("-positive tumors, a median progression-free survival of ").append(3 + r.nextInt(9))
                .append(" months and a manageable safety profile with no new safety signals.\n\n");
        b.append("About ").append(code).append("\n").append(code).append(" is a ").append(modality)
                .append(" that binds ").append(target).append(" on the surface of tumor cells and releases a potent ")
                .append("topoisomerase I inhibitor payload after internalization, leading to tumor cell death. ")
                .append(target).append(" is highly expressed in ").append(disease).append(" and other solid tumors.")
                .append(" It is being evaluated in combination with pembrolizumab in a separate trial.\n\n");
        b.append("About ").append(disease).append("\n").append(disease.substring(0, 1).toUpperCase())
                .append(disease.substring(1)).append(" remains a major unmet need with limited options. Standard ")
                .append("regimens include chemotherapy with or without bevacizumab, and most patients relapse ")
                .append("within two years of diagnosis, highlighting the urgent need for new treatments.\n\n");
        b.append("About ").append(company).append("\n").append(company).append(" is a clinical-stage company ")
                .append("developing innovative therapies for cancer and autoimmune diseases, with a pipeline of ")
                .append(3 + r.nextInt(9)).append(" programs and research sites in Boston, Shanghai and Basel.\n\n");
        b.append("\"We are encouraged by this decision,\" said the chief medical officer of ").append(company)
                .append(". \"It reflects the strength of the clinical data and the urgent need of patients. We look ")
                .append("forward to working closely with regulators to bring ").append(code).append(" to patients as ")
                .append("quickly as possible, and we expect to share updated results at a medical meeting in ")
                .append(pick(r, MONTHS)).append(".\" Enrollment in the global pivotal study is ongoing at more than ")
                .append(40 + r.nextInt(80)).append(" sites in North America, Europe and Asia.\n\n");
        b.append("Media contact: communications office of ").append(company).append(", phone +1 617 555 ")
                .append(1000 + r.nextInt(8999)).append(". Investor contact: investor relations, phone +1 617 555 ")
                .append(1000 + r.nextInt(8999)).append(". Conference call and webcast details will be available on ")
                .append("the company's website in the investors section, where a replay will remain accessible ")
                .append("for thirty days after the event.\n\n");
        b.append("Forward-Looking Statements\nThis press release contains forward-looking statements that ")
                .append("involve risks and uncertainties, including the timing of regulatory submissions, the ")
                .append("potential approval of product candidates, and the company's ability to commercialize ")
                .append("them. Actual results may differ materially. The company undertakes no obligation to ")
                .append("update these statements except as required by law. Item ").append(i).append('.');
        return new String[] {title, b.toString()};
    }

    private static String pick(Random r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
