package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.DrugInfo;
import io.bioalert.classifier.core.lexicon.InnRules;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every drug name: dictionary names, code names, INN-stem words (two-word INNs joined) and
 * trademarked brands ("ATIR™", "PluvictoTM"). Marks each one that its sentence sets aside as prior therapy,
 * comparator, combination partner or competitor.
 */
public final class DrugFinder {

    private DrugFinder() {
    }

    public static List<DrugMention> find(Doc doc) {
        List<DrugMention> out = new ArrayList<>();
        for (Match m : doc.matches.of(Kind.DRUG)) {
            int end = doc.tokens.end(m.to() - 1);
            if (end + 1 < doc.text.length() && doc.text.charAt(end) == '-' && Character.isDigit(doc.text.charAt(end + 1))) {
                continue; // "AK112-303": a study named after the drug
            }
            if (ChineseDrugNames.insideLongerName(doc, m.from())) {
                continue;
            }
            DrugInfo info = doc.lexicon.drug(m.value());
            out.add(mention(doc, m.from(), m.to(), doc.tokens.start(m.from()), doc.tokens.end(m.to() - 1), m.value(),
                    info.modality(), info.targets()));
        }
        scanWords(doc, out);
        ChineseDrugNames.find(doc, out);
        out.sort(Comparator.comparingInt(DrugMention::from));
        return inheritSideline(doc, out);
    }

    /** "than ... trastuzumab emtansine (Kadcyla)": the bracketed name shares the comparator's role. */
    private static List<DrugMention> inheritSideline(Doc doc, List<DrugMention> ms) {
        List<DrugMention> out = new ArrayList<>(ms.size());
        for (int i = 0; i < ms.size(); i++) {
            DrugMention m = ms.get(i);
            if (i > 0 && !m.sideline() && ms.get(i - 1).sideline() && m.from() == ms.get(i - 1).to() + 1
                    && doc.tokens.isPunct(m.from() - 1, '(')) {
                m = new DrugMention(m.from(), m.to(), m.start(), m.end(), m.surface(), m.key(), m.modality(),
                        m.targets(), true);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Walks the words of the text (tokens joined by nothing or by hyphens) and tests each against the code,
     * isotope, trademark and INN shapes. Cheap token checks come first so that most words cost no allocation.
     */
    private static void scanWords(Doc doc, List<DrugMention> out) {
        Tokens t = doc.tokens;
        String text = doc.text;
        InnRules inn = doc.lexicon.inn();
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (t.type(i) == Tokens.PUNCT || t.ideograph(i)) {
                i++;
                continue;
            }
            int from = i;
            int to = i + 1;
            boolean digits = t.type(i) == Tokens.NUMBER;
            boolean caps = t.type(i) == Tokens.WORD && hasCapital(text, t.start(i), t.end(i));
            while (to < n && t.type(to) != Tokens.PUNCT && !t.ideograph(to) && t.glued(to)
                    && joinable(text, t.end(to - 1), t.start(to))) {
                digits |= t.type(to) == Tokens.NUMBER;
                caps |= t.type(to) == Tokens.WORD && hasCapital(text, t.start(to), t.end(to));
                to++;
            }
            i = to;
            int s = t.start(from);
            int e = t.end(to - 1);
            if (e - s < 3 || !isWordChar(text.charAt(s))) {
                continue;
            }
            boolean codeShape = digits && (caps || Character.isDigit(text.charAt(s)));
            String brand = !digits && caps ? brand(text, from, to, t) : null;
            if (brand == null && !digits && to - from == 1 && ProductNames.isIntroduced(doc, from)) {
                brand = t.raw(from);
            }
            String modality = !digits && brand == null && to - from <= 2 && t.norm(from).length() >= 7
                    && (to - from == 1 || t.end(to - 1) - t.start(to - 1) <= 4) ? inn.stemModality(t.norm(from)) : null;
            if (!codeShape && brand == null && modality == null) {
                continue; // most words: no drug shape at all, decided without touching the dictionaries
            }
            if (doc.matches.at(Kind.DRUG, from) != null || covered(doc, Kind.DRUG, from, to)
                    || covered(doc, Kind.TARGET, from, to)) {
                continue;
            }
            if (codeShape) {
                String word = text.substring(s, e).replace('\u2010', '-').replace('\u2011', '-');
                boolean isotope = CodeNames.looksLikeIsotopeName(word);
                if (isotope || (CodeNames.looksLikeCode(word) && !inn.isNotCode(word) && !studyCode(doc, text, e, to))) {
                    add(doc, out, from, to, s, e, word, isotope ? "RADIOPHARMACEUTICAL" : null);
                }
            } else if (brand != null) {
                add(doc, out, from, to, s, s + brand.length(), brand, null);
            } else if (!companyName(doc, from, to)) {
                // INN: one word, optionally with a short suffix ("zolbetuximab-clzb", "remestemcel-L")
                // skip a joined second word: "autoleucel" of "zevacabtagene autoleucel" is no drug of its own
                i = Math.max(i, innName(doc, out, s, e, from, to, modality));
            }
        }
    }

    /** Tokens of one word touch, or are joined by a hyphen ("HS-20089", "obe-cel"). */
    private static boolean joinable(String text, int prevEnd, int start) {
        for (int k = prevEnd; k < start; k++) {
            if (!isHyphen(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> LIST_WORDS = Set.of("or", "and", ",", "(", ")", "s", "'", "potentially",
            "either", "with", "without", "chemotherapy", "platinum", "based", "doublet", "standard", "inc", "plus",
            "%", ".", "+", "-", ":", "nasdaq", "nyse", "otc", "otcqx", "otcpk");

    /**
     * "in combination with platinum-based chemotherapy and potentially bevacizumab", "with Merck's KEYTRUDA
     * (pembrolizumab) or Roche's TECENTRIQ": every name of the list after a combination cue is a partner.
     */
    private static boolean partnerList(Doc doc, int from) {
        int start = Math.max(doc.sentenceStart(from), from - 30);
        int cue = doc.matches.lastCueEnd(Cue.COMBINE, start, from);
        if (cue < 0) {
            return false;
        }
        for (int k = cue + 1; k < from; k++) {
            boolean listed = LIST_WORDS.contains(doc.tokens.norm(k)) || doc.tokens.type(k) == Tokens.NUMBER
                    || doc.matches.at(Kind.DRUG, k) != null || doc.matches.at(Kind.COMPANY, k) != null
                    || doc.tokens.capitalized(k);
            if (!listed) {
                return false;
            }
        }
        return true;
    }

    /** "mRNA-1345", "eCAR-T": a capital anywhere in the word, not only first. */
    private static boolean hasCapital(String text, int s, int e) {
        for (int k = s; k < e; k++) {
            if (Character.isUpperCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII hyphen or the Unicode hyphens that web pages use inside code names ("SHR\u2011A2009"). */
    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** Joins a second INN word ("camidanlumab tesirine", "obecabatagene autoleucel"); returns the token end. */
    private static int innName(Doc doc, List<DrugMention> out, int s, int e, int from, int to, String modality) {
        String text = doc.text;
        InnRules inn = doc.lexicon.inn();
        int ns = e;
        while (ns < text.length() && text.charAt(ns) == ' ') {
            ns++;
        }
        int ne = ns;
        while (ne < text.length() && Character.isLetter(text.charAt(ne))) {
            ne++;
        }
        if (ne > ns && ns == e + 1) {
            String second = text.substring(ns, ne).toLowerCase(Locale.ROOT);
            boolean payload = inn.isPayload(second);
            if (payload || inn.isSecondWord(second)) {
                int to2 = doc.tokens.indexAtOrAfter(ne);
                add(doc, out, from, to2, s, ne, text.substring(s, ne), payload ? "ADC" : modality);
                return to2;
            }
        }
        add(doc, out, from, to, s, e, text.substring(s, e), modality);
        return to;
    }

    private static void add(Doc doc, List<DrugMention> out, int from, int to, int s, int e, String surface,
                            String modality) {
        out.add(mention(doc, from, to, s, e, DrugMention.squeeze(isotopeFirst(surface)), modality, List.of()));
    }

    private static DrugMention mention(Doc doc, int from, int to, int s, int e, String key, String modality,
                                       List<String> targets) {
        String surface = isotopeFirst(doc.text.substring(s, e)).replace('\u2010', '-').replace('\u2011', '-');
        return new DrugMention(from, to, s, e, surface, key, modality, targets, sideline(doc, from, to));
    }

    /** Prior therapy, comparator, combination partner or a competitor's product ("X, a rival ..."). */
    static boolean sideline(Doc doc, int from, int to) {
        if (doc.cueBefore(Cue.PRIOR, from, 8) || doc.cueBefore(Cue.COMBINE, from, 4) || partnerList(doc, from)
                || doc.cueBefore(Cue.COMPARE, from, 6) || doc.cueBefore(Cue.OTHER, from, 3)) {
            return true;
        }
        for (int k = to; k < Math.min(to + 3, doc.tokens.size()); k++) {
            if (RIVALS.contains(doc.tokens.norm(k))) {
                return true;
            }
        }
        return false;
    }

    /** "GM1 gangliosidosis", "MPS1 mucopolysaccharidosis": a code before a disease name names the disease. */
    private static boolean diseaseWord(String w) {
        return w.length() > 6 && (w.endsWith("osis") || w.endsWith("oses") || w.endsWith("emia")
                || w.endsWith("aemia") || w.endsWith("opathy") || w.endsWith("itis") || w.endsWith("uria"));
    }

    private static final Set<String> TRIAL_NOUNS = Set.of("trial", "study", "studies", "trials", "cohort");
    private static final java.util.Set<String> NOT_DRUG_NOUNS = java.util.Set.of("disease", "diseases", "syndrome",
            "disorder", "gene", "genes", "capsid",
            "capsids", "serotype", "vector", "mutation", "mutations", "variant", "variants", "deficiency",
            "protein", "promoter", "allele", "alleles", "locus", "knockout");

    private static final java.util.Set<String> RIVALS = java.util.Set.of("rival", "rivals", "competitor",
            "competitors", "competing", "another");

    /** "Alphamab Oncology" ends in "-mab" but is a company. */
    private static boolean companyName(Doc doc, int from, int to) {
        if (doc.matches.at(Kind.COMPANY, from) != null) {
            return true;
        }
        return to < doc.tokens.size() && doc.tokens.capitalized(to) && doc.lexicon.isCompanySuffix(doc.tokens.norm(to));
    }

    private static boolean covered(Doc doc, Kind kind, int from, int to) {
        for (int t = from; t < to; t++) {
            // "CD20xCD3": the joiner between two targets is not a name of its own
            if (doc.matches.at(kind, t) == null && !doc.tokens.is(t, "x")) {
                return false;
            }
        }
        return true;
    }

    /** "JSKN003-101" and "EV-301 trial" name studies, not drugs. */
    private static boolean studyCode(Doc doc, String text, int end, int nextToken) {
        if (end < text.length() && text.charAt(end) == '-') {
            return true;
        }
        int from = doc.tokens.indexAtOrAfter(text.lastIndexOf(' ', end - 1) + 1);
        if (from >= 2 && doc.tokens.isPunct(from - 1, ',') && TRIAL_NOUNS.contains(doc.tokens.norm(from - 2))) {
            return true; // "a Phase 1b clinical trial, EV-103, assessing": the trial's name
        }
        return doc.tokens.is(nextToken, "trial") || doc.tokens.is(nextToken, "study") || doc.tokens.is(nextToken, "studies")
                // "the SMN1 gene", "an AAV9 capsid": a gene or a vector part, not a drug
                || NOT_DRUG_NOUNS.contains(nextToken < doc.tokens.size() ? doc.tokens.norm(nextToken) : "")
                || diseaseWord(nextToken < doc.tokens.size() ? doc.tokens.norm(nextToken) : "");
    }

    /** A capitalised word marked as a trademark: "ATIR™", "Locametz®", "PluvictoTM", "PyLTM". */
    private static String brand(String text, int from, int to, Tokens t) {
        if (to - from != 1) {
            return null;
        }
        int s = t.start(from);
        int e = t.end(from);
        if (e - s < 3) {
            return null;
        }
        if (e < text.length() && (text.charAt(e) == '\u2122' || text.charAt(e) == '\u00ae')) {
            return text.substring(s, e);
        }
        if (e - s >= 5 && text.charAt(e - 1) == 'M' && text.charAt(e - 2) == 'T') {
            for (int k = s + 1; k < e - 2; k++) {
                if (Character.isLowerCase(text.charAt(k))) {
                    return text.substring(s, e - 2);
                }
            }
        }
        return null;
    }

    /** "Lu-177-PSMA-617" is written "177Lu-PSMA-617" in the contract. */
    private static String isotopeFirst(String s) {
        int a = s.indexOf('-');
        if (a < 1 || a > 2 || !Character.isUpperCase(s.charAt(0))) {
            return s;
        }
        int b = s.indexOf('-', a + 1);
        if (b < 0 || b - a - 1 < 1 || b - a - 1 > 3 || !s.substring(a + 1, b).chars().allMatch(Character::isDigit)) {
            return s;
        }
        return s.substring(a + 1, b) + s.substring(0, a) + s.substring(b);
    }

    private static boolean isWordChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '-';
    }
}
