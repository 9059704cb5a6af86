package io.bioalert.classifier.core.modality;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.drug.DrugMention;
import io.bioalert.classifier.core.drug.Drugs;
import io.bioalert.classifier.core.drug.Scope;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.model.ModalityTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags the most specific modality of the announced drug(s).
 *
 * <p>Modality words count in the opening (headline zone and first paragraph) and in sentences that name an
 * announced drug, outside prior-therapy and comparator contexts; the dictionary or INN stem of an announced
 * drug adds its modality ("-mab" antibody). A more specific tag then absorbs the ones it implies: an ADC's
 * antibody is part of the ADC, an mRNA vaccine is not also a plain vaccine.
 */
public final class ModalityExtractor {
    private static final String WEAK = "WEAK_ANTIBODY";
    private static final Set<String> ANTIBODY_FAMILY = Set.of("ADC", "BISPECIFIC_ADC", "BISPECIFIC_ANTIBODY",
            "FUSION_PROTEIN", "MONOCLONAL_ANTIBODY", "RADIOPHARMACEUTICAL");

    private ModalityExtractor() {
    }

    public static List<ModalityTag> extract(Doc doc, Drugs drugs) {
        Map<String, ModalityTag> found = new LinkedHashMap<>();
        List<Match> elsewhere = new ArrayList<>();
        int leadEnd = doc.layout.leadEnd();
        for (Match m : doc.matches.of(Kind.MODALITY)) {
            if (m.from() >= doc.layout.boilerplateStart()) {
                break;
            }
            if (setAside(doc, m) || insideName(doc, drugs, m)) {
                continue;
            }
            if (!inScope(doc, drugs, m.from(), leadEnd)) {
                elsewhere.add(m);
                continue;
            }
            String id = m.value();
            if ((id.equals(WEAK) || id.equals("MONOCLONAL_ANTIBODY")) && conjugateFollows(doc, m)) {
                id = "ADC";
            }
            if (id.equals("ADC") && twoTargetsBefore(doc, m)) {
                id = "BISPECIFIC_ADC";
            }
            for (String part : id.split("\\+")) {
                put(doc, found, part, m.from(), m.to());
            }
        }
        for (DrugMention d : drugs.mentions()) {
            if (d.modality() != null && drugs.isAnnounced(d)) {
                put(doc, found, d.modality(), d.from(), d.to());
            }
        }
        refine(doc, found, elsewhere);
        if (found.isEmpty() || found.keySet().equals(Set.of(WEAK))) {
            oralInhibitor(doc, drugs, found);
        }
        return subsume(found);
    }

    /** Children that refine a found modality, from anywhere in the story: "vaccine" + "mRNA vaccine" later. */
    private static final Map<String, String> REFINES = Map.of("MRNA", "VACCINE", "CAR_T", "CELL_THERAPY",
            "BISPECIFIC_ADC", "ADC", "PROTEIN_DEGRADER", "SMALL_MOLECULE");

    /** "an oral KRAS G12D inhibitor", "HT-301 tablets ... inhibitor": a small molecule, by its route. */
    private static void oralInhibitor(Doc doc, Drugs drugs, Map<String, ModalityTag> found) {
        var t = doc.tokens;
        int end = Math.min(t.size(), doc.layout.boilerplateStart());
        for (int i = 0; i < end; i++) {
            // "口服": one token per ideograph, so a Chinese phrase needs a wider window
            boolean chinese = t.is(i, "口") && t.is(i + 1, "服");
            if (!(t.is(i, "oral") || t.is(i, "orally") || chinese) || !Scope.about(doc, drugs, i)
                    || doc.cueBefore(Cue.PRIOR, i, 10) || doc.cueBefore(Cue.COMPARE, i, 6)) {
                continue;
            }
            for (int k = i + 1; k < Math.min(end, i + (chinese ? 14 : 6)); k++) {
                int last = inhibitorWordEnd(t, k);
                if (last >= 0) {
                    put(doc, found, "SMALL_MOLECULE", i, last + 1);
                    return;
                }
            }
        }
    }

    /** The last token of "inhibitor", "antagonist", "agonist" or 抑制剂 / 拮抗剂 / 激动剂 starting at k, or -1. */
    private static int inhibitorWordEnd(io.bioalert.classifier.core.text.Tokens t, int k) {
        if (t.is(k, "inhibitor") || t.is(k, "inhibitors") || t.is(k, "antagonist") || t.is(k, "agonist")) {
            return k;
        }
        boolean chinese = (t.is(k, "抑") && t.is(k + 1, "制")) || (t.is(k, "拮") && t.is(k + 1, "抗"))
                || (t.is(k, "激") && t.is(k + 1, "动"));
        return chinese && t.is(k + 2, "剂") ? k + 2 : -1;
    }

    private static void refine(Doc doc, Map<String, ModalityTag> found, List<Match> elsewhere) {
        for (Match m : elsewhere) {
            String general = REFINES.get(m.value());
            if (general != null && found.containsKey(general)) {
                put(doc, found, m.value(), m.from(), m.to());
            }
        }
    }


    private static boolean inScope(Doc doc, Drugs drugs, int token, int leadEnd) {
        return Scope.about(doc, drugs, token);
    }

    /** "an EGFR/MUC1-targeting antibody-drug conjugate": two targets joined by a slash or an x name a bispecific. */
    private static boolean twoTargetsBefore(Doc doc, Match m) {
        int start = Math.max(doc.sentenceStart(m.from()), m.from() - 5);
        for (int k = m.from() - 1; k > start; k--) {
            Match right = doc.matches.at(Kind.TARGET, k);
            if (right == null || right.from() < 2) {
                continue;
            }
            int sep = right.from() - 1;
            Match left = doc.matches.at(Kind.TARGET, sep - 1);
            boolean joined = doc.tokens.isPunct(sep, '/') || doc.tokens.is(sep, "x");
            return joined && left != null && !left.value().equals(right.value());
        }
        return false;
    }

    private static boolean setAside(Doc doc, Match m) {
        // "tyrosine kinase inhibitor (TKI)": an abbreviation shares the verdict on the words it abbreviates
        if (m.from() >= 2 && doc.tokens.isPunct(m.from() - 1, '(')) {
            Match spelled = doc.matches.at(Kind.MODALITY, m.from() - 2);
            if (spelled != null && spelled != m && setAside(doc, spelled)) {
                return true;
            }
        }
        if (doc.cueBefore(Cue.PRIOR, m.from(), 10) || doc.cueBefore(Cue.COMPARE, m.from(), 6)
                || doc.cueBefore(Cue.COMBINE, m.from(), 4) || doc.cueBefore(Cue.OTHER, m.from(), 3)) {
            return true;
        }
        // "a small molecule toxin", "small-molecule payload": the payload of an ADC
        String next = m.to() < doc.tokens.size() ? doc.tokens.norm(m.to()) : "";
        if (next.equals("toxin") || next.equals("payload") || next.equals("linker") || next.equals("payloads")
                || next.equals("毒") || next.equals("载") || next.equals("连")) { // 毒素, 载荷, 连接子
            return true;
        }
        return (m.value().equals("MRNA") && transcript(doc, m)) || (m.value().equals("SMALL_MOLECULE") && delivered(doc, m));
    }

    private static final Set<String> DELIVERY_VERBS = Set.of("递送", "释放", "携带", "偶联", "连接");

    /** "遞送抗癌小分子藥物", "释放小分子毒素": the small molecule an ADC delivers is its payload. */
    private static boolean delivered(Doc doc, Match m) {
        int start = doc.sentenceStart(m.from());
        for (int k = m.from() - 1; k >= start + 1 && k >= m.from() - 4; k--) {
            if (DELIVERY_VERBS.contains(doc.tokens.norm(k - 1) + doc.tokens.norm(k))) {
                return true;
            }
        }
        return false;
    }

    /** "lowers huntingtin (HTT) messenger RNA", "TTR mRNA levels": the transcript an oligonucleotide acts on. */
    private static boolean transcript(Doc doc, Match m) {
        String next = m.to() < doc.tokens.size() ? doc.tokens.norm(m.to()) : "";
        if (next.equals("levels") || next.equals("expression") || next.equals("transcripts")) {
            return true;
        }
        int k = m.from() - 1;
        if (k >= 0 && doc.tokens.isPunct(k, ')')) {
            k--;
        }
        return (k >= 0 && doc.matches.at(Kind.TARGET, k) != null) || doc.cueBefore(Cue.REL_PRE, m.from(), 2);
    }

    /** "mRNA" inside "mRNA-1273", "peptide" inside "glucagon-like peptide-1": part of another name. */
    private static boolean insideName(Doc doc, Drugs drugs, Match m) {
        if (doc.matches.at(Kind.TARGET, m.from()) != null || doc.matches.at(Kind.DISEASE, m.from()) != null) {
            return true;
        }
        for (DrugMention d : drugs.mentions()) {
            if (d.from() <= m.from() && d.to() >= m.to()) {
                return true;
            }
        }
        return false;
    }

    /** "antibody-SN38 conjugate", "PD-L1 antibody - ... inhibitor conjugate drug". */
    private static boolean conjugateFollows(Doc doc, Match m) {
        int end = Math.min(doc.sentenceEnd(m.from()), m.to() + 9);
        for (int k = m.to(); k < end; k++) {
            if (doc.tokens.is(k, "conjugate") || doc.tokens.is(k, "conjugates")) {
                return true;
            }
            if (doc.tokens.isPunct(k, ',')) {
                return false;
            }
        }
        return false;
    }

    private static void put(Doc doc, Map<String, ModalityTag> found, String id, int from, int to) {
        if (!found.containsKey(id)) {
            int s = doc.tokens.start(from);
            int e = doc.tokens.end(to - 1);
            found.put(id, new ModalityTag(id, doc.text.substring(s, e), s, e));
        }
    }

    private static List<ModalityTag> subsume(Map<String, ModalityTag> found) {
        Set<String> ids = found.keySet();
        List<String> drop = new ArrayList<>();
        if (ids.contains("BISPECIFIC_ADC")) {
            drop.addAll(List.of("ADC", "BISPECIFIC_ANTIBODY", "MONOCLONAL_ANTIBODY"));
        }
        if (ids.contains("ADC") || ids.contains("BISPECIFIC_ANTIBODY") || ids.contains("FUSION_PROTEIN")
                || ids.contains("RADIOPHARMACEUTICAL")) {
            drop.add("MONOCLONAL_ANTIBODY");
        }
        if (ids.contains("CAR_T")) {
            drop.add("CELL_THERAPY");
        }
        if (ids.contains("MRNA")) {
            drop.add("VACCINE");
        }
        // One rule for gene-edited cell products: an edited or transduced cell (CRISPR-edited allogeneic CAR-T,
        // lentiviral CAR-T, ex vivo edited stem cells) is a cell therapy, the more specific tag for what is
        // administered; GENE_THERAPY stays for in vivo editing and vectors given to the patient.
        if ((ids.contains("CAR_T") || ids.contains("CELL_THERAPY")) && ids.contains("GENE_THERAPY")
                && editingOnly(found.get("GENE_THERAPY").evidence())) {
            drop.add("GENE_THERAPY");
        }
        if (ids.contains("PROTEIN_DEGRADER")) {
            drop.add("SMALL_MOLECULE");
        }
        if (ids.contains("RADIOPHARMACEUTICAL") || ids.contains("OLIGONUCLEOTIDE") || ids.contains("FUSION_PROTEIN")) {
            // "peptide radioligand", "peptide-conjugated ASO": the peptide only carries the drug; a GLP-1 Fc fusion
            // protein is a fusion protein
            drop.add("PEPTIDE");
        }
        boolean specific = ids.stream().anyMatch(i -> !i.equals(WEAK));
        boolean antibody = ids.stream().anyMatch(ANTIBODY_FAMILY::contains);
        List<ModalityTag> out = new ArrayList<>();
        for (ModalityTag t : found.values()) {
            if (drop.contains(t.id())) {
                continue;
            }
            if (t.id().equals(WEAK)) {
                if (!specific && !antibody) {
                    out.add(new ModalityTag("MONOCLONAL_ANTIBODY", t.evidence(), t.start(), t.end()));
                }
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static final List<String> EDITING_WORDS = List.of("crispr", "edit", "lentivir", "gene-modified",
            "base editor", "慢病毒", "基因编辑");

    /** The gene-therapy evidence only names the engineering of the cells, not a gene therapy product. */
    private static boolean editingOnly(String evidence) {
        String e = evidence.toLowerCase(java.util.Locale.ROOT);
        if (e.contains("in vivo")) {
            return false;
        }
        return EDITING_WORDS.stream().anyMatch(e::contains);
    }
}
