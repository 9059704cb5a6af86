package io.bioalert.classifier.core.target;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.drug.DrugMention;
import io.bioalert.classifier.core.drug.Drugs;
import io.bioalert.classifier.core.drug.Scope;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.model.TargetTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags the molecules the announced drug acts on.
 *
 * <p>A target name alone proves nothing: "EGFR-mutated NSCLC" is a population, "after anti-PD-(L)1 therapy"
 * is history, "compared to pembrolizumab" is a comparator. A mention counts when a relation word binds it to a
 * drug ("anti-X", "targeting X", "X-targeted ADC", "X/Y bispecific", "X inhibitor"), unless the context sets
 * it aside. Targets the dictionary knows for an announced drug count when the text names them at all
 * ("HER2-positive" for a HER2-directed ADC).
 */
public final class TargetExtractor {
    /** Tokens that may sit between coordinated targets and the word that binds them ("PD-1/VEGF bispecific"). */
    private static final Set<String> CHAIN = Set.of("/", "x", "and", ",", "(", ")", "bias", "biased", "based", "receptor",
            "receptors", "dual", "human", "humanized", "humanised", "fully", "recombinant", "novel", "&", "or",
            "protein", "alpha", "tandem", "mono", "monovalent", "bivalent",
            // Chinese: "PD-1/VEGF双特异性抗体", "HER2的ADC", "GLP-1/GIP双靶点激动剂", "人源化"
            "的", "双", "和", "与", "及", "或", "人", "源", "化", "全", "重", "组");
    /** Tokens that may sit between a relation word and its target ("targets a protein called X"). */
    private static final Set<String> GAP = Set.of("the", "a", "an", "both", "either", "human", "protein", "proteins",
            "called", "and", "or", ",", "(", ")", "form", "forms", "of", "abnormal", "its", "their", "specific",
            "cell", "surface", "to", "with", "high", "affinity", "selectively", "specifically", "/", "on", "tumor",
            "tumour", "cells", "t", "immune", "cancer", "expressed",
            // modifiers of the molecule itself: "silence hepatic transthyretin", "against pyroglutamate amyloid beta"
            "hepatic", "liver", "soluble", "circulating", "aggregated", "misfolded", "pyroglutamate", "mutant",
            "toxic", "plasma", "membrane", "oligomeric", "insoluble", "serum", "activated",
            // Chinese: "针对两个不同DLL3表位", "靶向人表皮…", "选择性结合"
            "的", "一", "种", "个", "两", "不", "同", "及", "和", "与", "人", "多", "新", "型", "高", "效", "选", "择",
            "性", "于", "其");
    private static final Set<String> BRIDGE = Set.of("bridge", "bridges", "bridging", "engage", "engages", "engaging",
            "redirect", "redirects", "redirecting", "link", "links", "linking", "connect", "connects", "connecting");

    private TargetExtractor() {
    }

    public static List<TargetTag> extract(Doc doc, Drugs drugs) {
        Map<String, TargetTag> out = new LinkedHashMap<>();
        List<Match> targets = doc.matches.of(Kind.TARGET);
        for (int i = 0; i < targets.size(); i++) {
            Match t = targets.get(i);
            if (t.from() >= doc.layout.boilerplateStart()) {
                break;
            }
            if (out.containsKey(t.value())) {
                continue;
            }
            int[] rel = relation(doc, targets, i);
            // background paragraphs on the disease or the field ("HER2-targeted therapies have changed ...")
            // speak about other drugs: only sentences about the announced drug count
            if (rel != null && Scope.about(doc, drugs, t.from()) && !setAside(doc, drugs, t, rel[0])) {
                addTag(doc, out, t, Math.min(rel[0], t.from()), Math.max(rel[1], t.to()));
            }
        }
        knownTargets(doc, drugs, targets, out);
        return new ArrayList<>(out.values());
    }

    /** The token span of the word that binds the target to a drug, or null when nothing does. */
    private static int[] relation(Doc doc, List<Match> targets, int index) {
        Match t = targets.get(index);
        if (insideDrugName(doc, t)) {
            return new int[] {t.from(), t.to()};
        }
        int end = chainEnd(doc, t.to());
        if (doc.matches.cueStartsAt(Cue.POP, end) || doc.matches.cueStartsAt(Cue.POP, t.to())) {
            int inhibitor = variantInhibitor(doc, end);
            return inhibitor >= 0 ? new int[] {t.from(), inhibitor + 1} : bridged(doc, t);
        }
        if (doc.matches.cueStartsAt(Cue.REL_POST, end) || modalityAt(doc, end)) {
            return new int[] {t.from(), wordEnd(doc, end)};
        }
        int sentenceStart = doc.sentenceStart(t.from());
        int k = spelledOutStart(doc, t, sentenceStart) - 1;
        for (int gap = 0; k >= sentenceStart && gap <= 6; gap++, k--) {
            if (doc.matches.cueEndsAt(Cue.REL_PRE, k)) {
                int from = relationStart(doc, k);
                return reduced(doc, from) ? null : new int[] {from, k + 1};
            }
            Match other = doc.matches.at(Kind.TARGET, k);
            if (other != null) {
                k = other.from();
                continue;
            }
            if (!GAP.contains(doc.tokens.norm(k))) {
                break;
            }
        }
        return bridged(doc, t);
    }

    /**
     * "targeting claudin 18.2 and cluster of differentiation 47 (CD47)": a bracketed symbol follows its
     * spelled-out name, which stands where the symbol would; returns where that name starts (the target itself
     * when it is not bracketed).
     */
    private static int spelledOutStart(Doc doc, Match t, int sentenceStart) {
        if (t.from() < 2 || !doc.tokens.isPunct(t.from() - 1, '(')) {
            return t.from();
        }
        int k = t.from() - 2;
        for (int words = 0; k > sentenceStart && words < 6; words++, k--) {
            String w = doc.tokens.norm(k - 1);
            if (w.equals("and") || w.equals("or") || w.equals(",") || doc.matches.at(Kind.TARGET, k - 1) != null) {
                return k;
            }
        }
        return t.from();
    }

    private static final Set<String> VARIANT_WORDS = Set.of("exon", "insertion", "insertions", "mutant", "mutation",
            "mutations", "deletion", "selective", "specific", "20", "19", "ins", "fusion", "allosteric");

    /**
     * "EGFR exon 20 insertion tyrosine kinase inhibitor", "KRAS mutant-selective inhibitor": a variant-specific
     * drug still acts on the molecule. Returns the inhibitor token, or -1 (then "EGFR exon 20 NSCLC" stays a
     * population).
     */
    private static int variantInhibitor(Doc doc, int k) {
        int end = Math.min(doc.sentenceEnd(k), k + 12);
        for (int t = k; t < end; t++) {
            String w = doc.tokens.norm(t);
            if (w.equals("抑") && doc.tokens.is(t + 1, "制")) {
                return t + 1; // "EGFR 20号外显子插入突变抑制剂"
            }
            if (doc.tokens.ideograph(t)) {
                continue;
            }
            if (w.equals("inhibitor") || w.equals("inhibitors") || w.equals("tki") || w.equals("degrader")) {
                return t;
            }
            if (!VARIANT_WORDS.contains(w) && !w.equals("tyrosine") && !w.equals("kinase") && !w.equals("-")) {
                return -1;
            }
        }
        return -1;
    }

    /** "designed to bridge BCMA on myeloma cells with CD3-expressing T cells": both arms count. */
    private static int[] bridged(Doc doc, Match t) {
        int start = doc.sentenceStart(t.from());
        for (int k = t.from() - 1; k >= start && k >= t.from() - 12; k--) {
            if (BRIDGE.contains(doc.tokens.norm(k))) {
                return new int[] {k, k + 1};
            }
        }
        return null;
    }

    private static int relationStart(Doc doc, int cueEnd) {
        int k = cueEnd;
        while (k > 0 && doc.matches.cueEndsAt(Cue.REL_PRE, k) && !doc.matches.cueStartsAt(Cue.REL_PRE, k)) {
            k--;
        }
        return k;
    }

    private static boolean reduced(Doc doc, int relFrom) {
        return doc.cueBefore(Cue.REDUCE, relFrom, 3);
    }

    /** Skips coordinated targets and joiners after a target; returns the first token that is neither. */
    private static int chainEnd(Doc doc, int k) {
        int n = doc.tokens.size();
        int steps = 0;
        while (k < n && steps++ < 12) {
            Match other = doc.matches.at(Kind.TARGET, k);
            if (other != null) {
                k = other.to();
            } else if (doc.tokens.ideograph(k) && (modalityAt(doc, k) || doc.matches.cueStartsAt(Cue.REL_POST, k))) {
                break; // "双特异性抗体" binds; its "双" is no joiner
            } else if (CHAIN.contains(doc.tokens.norm(k)) && !(doc.tokens.is(k, "and") && doc.matches.cueStartsAt(Cue.POP, k + 1))) {
                k++;
            } else if (isMutation(doc, k)) {
                k += 3;
            } else {
                break;
            }
        }
        return k;
    }

    /** "G12C", "V600E": letter, number, letter. */
    private static boolean isMutation(Doc doc, int k) {
        var t = doc.tokens;
        return k + 2 < t.size() && t.norm(k).length() == 1 && t.type(k + 1) == 2 && t.norm(k + 2).length() == 1
                && t.glued(k + 1) && t.glued(k + 2);
    }

    /** End of a Chinese relation word starting at k: the whole "抑制剂" or "双特异性抗体", not its first character. */
    private static int wordEnd(Doc doc, int k) {
        if (!doc.tokens.ideograph(k)) {
            return k + 1; // English evidence ends on the relation's first word, as it always has
        }
        Match m = doc.matches.at(Kind.MODALITY, k);
        int end = m != null && m.from() == k ? m.to() : k + 1;
        for (int e = k; e < Math.min(doc.tokens.size(), k + 8); e++) {
            if (doc.matches.cueEndsAt(Cue.REL_POST, e)) {
                end = Math.max(end, e + 1);
                break;
            }
        }
        return end;
    }

    private static boolean modalityAt(Doc doc, int k) {
        Match m = doc.matches.at(Kind.MODALITY, k);
        return m != null && m.from() == k;
    }

    private static boolean insideDrugName(Doc doc, Match t) {
        Match d = doc.matches.at(Kind.DRUG, t.from());
        if (d != null) {
            return true;
        }
        int s = doc.tokens.start(t.from());
        int e = doc.tokens.end(t.to() - 1);
        if (s > 0 && Character.isLowerCase(doc.text.charAt(s - 1))) {
            return true; // written into a name: "CART-ddBCMA"
        }
        // a code-like word around the target: "177Lu-PSMA-617", "[68Ga]PSMA-0057"
        boolean codeAfter = e + 1 < doc.text.length() && doc.text.charAt(e) == '-' && Character.isDigit(doc.text.charAt(e + 1))
                && doc.tokens.type(t.to() - 1) == io.bioalert.classifier.core.text.Tokens.WORD;
        return codeAfter || s > 0 && e < doc.text.length() && doc.text.charAt(s - 1) == '-' && doc.text.charAt(e) == '-'
                && Character.isLetterOrDigit(doc.text.charAt(e + 1 < doc.text.length() ? e + 1 : e));
    }

    /** Prior therapy, comparator, partner, competitor, generic class, or a history sentence about another product. */
    private static boolean setAside(Doc doc, Drugs drugs, Match t, int relFrom) {
        int from = Math.min(relFrom, t.from());
        if (afterTherapy(doc, from) || doc.cueBefore(Cue.PRIOR, from, 20) && !announcedBetween(doc, drugs, from)) {
            return true;
        }
        if (doc.cueBefore(Cue.COMPARE, from, 8) || doc.cueBefore(Cue.COMBINE, from, 5) || doc.cueBefore(Cue.OTHER, from, 4)) {
            return true;
        }
        DrugMention near = drugs.nearestBefore(doc, from);
        if (near != null && !drugs.isAnnounced(near)) {
            return true;
        }
        boolean opening = from < doc.layout.zoneEnd() || doc.layout.paragraphOf(from) <= doc.layout.paragraphOf(
                Math.min(doc.layout.zoneEnd(), doc.tokens.size() - 1));
        boolean history = doc.cueBefore(Cue.HISTORY, from, 40) || doc.pastDateInSentence(doc.sentenceOf(from));
        return history && !opening && !drugs.announcedInSentence(doc, from);
    }

    private static final Set<String> THERAPY_LEADS = Set.of("a", "an", "the", "prior", "one", "previous", "least", "at");

    /** "after anti-PD-1 therapy", "following a BTK inhibitor": the relation names what patients already had. */
    private static boolean afterTherapy(Doc doc, int from) {
        int k = from - 1;
        int start = doc.sentenceStart(from);
        for (int steps = 0; k >= start && steps < 3 && THERAPY_LEADS.contains(doc.tokens.norm(k)); steps++) {
            k--;
        }
        return k >= start && (doc.tokens.is(k, "after") || doc.tokens.is(k, "following"));
    }

    private static boolean announcedBetween(Doc doc, Drugs drugs, int token) {
        int start = doc.matches.lastCueEnd(Cue.PRIOR, doc.sentenceStart(token), token);
        for (DrugMention m : drugs.mentions()) {
            if (m.from() > start && m.to() <= token && drugs.isAnnounced(m)) {
                return true;
            }
        }
        return false;
    }

    /** Targets the dictionary knows for an announced drug, when the text names them somewhere. */
    private static void knownTargets(Doc doc, Drugs drugs, List<Match> targets, Map<String, TargetTag> out) {
        for (DrugMention m : drugs.mentions()) {
            if (!drugs.isAnnounced(m)) {
                continue;
            }
            for (String id : m.targets()) {
                if (out.containsKey(id)) {
                    continue;
                }
                for (Match t : targets) {
                    if (t.value().equals(id)) {
                        addTag(doc, out, t, t.from(), t.to());
                        break;
                    }
                }
            }
        }
    }

    private static void addTag(Doc doc, Map<String, TargetTag> out, Match t, int from, int to) {
        int s = doc.tokens.start(from);
        int e = doc.tokens.end(to - 1);
        out.put(t.value(), new TargetTag(t.value(), doc.lexicon.targetDisplay(t.value()), doc.text.substring(s, e), s, e));
    }
}
