package io.bioalert.classifier.core.match;

import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Entry;
import io.bioalert.classifier.core.lexicon.InnRules;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Symbols of the target dictionary that its phrases miss because of how they are written ("FGFR2b",
 * "KRASG12C", "B7-H6"): a gene-symbol-shaped word becomes a TARGET match when a target relation touches it
 * ("STEAP2 x CD3", "anti-CDH3", "HDAC6 inhibitor", "SLC7A11-directed ADC") and its symbol, or the symbol
 * without a trailing amino-acid change, is a dictionary id. Only ids of the dictionary are ever emitted, so
 * that every tag is one a watchlist can name. Only the shape and the adjacent words are checked here;
 * TargetExtractor then applies the same precision rules as for dictionary targets (populations, prior
 * therapy, partners). Because the word is then covered by a TARGET match, DrugFinder no longer mistakes it for
 * a code name. Known drugs, NOT_CODE words (AAV9, COVID-19, SMN1) and words under any other dictionary match
 * are never candidates.
 */
public final class SymbolTargets {

    private SymbolTargets() {
    }

    /** Extra TARGET matches; empty (and cheap) for nearly every document. */
    public static List<Match> find(Tokens t, Matches m, InnRules inn, Predicate<String> knownTarget) {
        List<Match> out = null;
        String text = t.text();
        int n = t.size();
        int i = 0;
        while (i < n) {
            int from = i;
            int to = i + 1;
            i = to;
            if (t.type(from) != Tokens.WORD || !Character.isUpperCase(text.charAt(t.start(from)))) {
                continue; // "anti-" or "-selective" around a symbol is not part of it
            }
            // "B7-H6", "GPRC5D": pieces that start with a capital or a digit
            while (to < n && t.type(to) != Tokens.PUNCT && t.glued(to) && hyphenOrNothing(text, t.end(to - 1), t.start(to))
                    && !Character.isLowerCase(text.charAt(t.start(to)))) {
                to++;
            }
            if (to < n && t.glued(to) && t.type(to - 1) == Tokens.NUMBER && t.type(to) == Tokens.WORD
                    && t.norm(to).length() == 1 && t.start(to) == t.end(to - 1)) {
                to++; // an isoform letter: FGFR2b
            }
            i = to;
            if (!hasNumber(t, from, to)) {
                continue; // most capitalised words: no digit, no symbol, no string built
            }
            String word = text.substring(t.start(from), t.end(to - 1));
            String id = symbol(word);
            if (id != null && !knownTarget.test(id)) {
                id = withoutVariant(id); // "KRASG12C": the molecule is KRAS, G12C stays in the evidence
            }
            if (id == null || !knownTarget.test(id) || notATarget(id) || inn.isNotCode(word) || covered(m, from, to) || !related(t, m, from, to)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new Match(from, to, new Entry(Kind.TARGET, id, null)));
        }
        return out == null ? List.of() : out;
    }

    /**
     * The normalised symbol (upper case, no hyphen, isoform letter dropped: FGFR2b → FGFR2), or null when the
     * word is not symbol-shaped: capitals and digits, at least two capitals and one digit, at most three digits
     * and two at the end (CD numbers three: CD276), and two trailing digits only after 4+ letters (LRRC15, SLC7A11, not the code HLX22).
     */
    static String symbol(String w) {
        int n = w.length();
        if (n < 3 || n > 10) {
            return null;
        }
        if (Character.isLowerCase(w.charAt(n - 1)) && Character.isDigit(w.charAt(n - 2))) {
            n--; // isoform: FGFR2b, FGFR2c
        }
        StringBuilder sb = new StringBuilder(n);
        int caps = 0;
        int digits = 0;
        int hyphens = 0;
        int lettersBeforeDigits = -1;
        int trailingDigits = 0;
        for (int k = 0; k < n; k++) {
            char c = w.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                caps++;
                trailingDigits = 0;
                sb.append(c);
            } else if (c >= '0' && c <= '9') {
                if (trailingDigits == 0) {
                    lettersBeforeDigits = caps; // letters before this digit run: SLC7A11 counts SLC7A
                }
                digits++;
                trailingDigits++;
                sb.append(c);
            } else if (c == '-' && k > 0 && k < n - 1) {
                hyphens++;
            } else {
                return null;
            }
        }
        boolean cd = w.startsWith("CD");
        if (caps < 2 || digits == 0 || hyphens > 1 || digits > 3 || (trailingDigits > 2 && !cd)) {
            return null;
        }
        if (trailingDigits == 2 && lettersBeforeDigits < 4 && !cd) {
            return null;
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The symbol without a trailing amino-acid change (G12C, V600E, T790M), or null when it has none. */
    static String withoutVariant(String id) {
        int n = id.length();
        int k = n - 1;
        if (k < 3 || !Character.isLetter(id.charAt(k))) {
            return null;
        }
        int digitsEnd = k;
        while (k > 0 && Character.isDigit(id.charAt(k - 1))) {
            k--;
        }
        if (k == digitsEnd || k < 2 || !Character.isLetter(id.charAt(k - 1))) {
            return null;
        }
        return id.substring(0, k - 1);
    }

    /**
     * Symbol-shaped words that are not drug targets in news: metabolising enzymes and transporters of
     * drug-interaction warnings ("strong CYP3A4 inhibitors"), HLA restriction, viruses and vectors.
     */
    private static final List<String> NOT_TARGET_PREFIXES = List.of("CYP", "UGT", "OATP", "SLCO", "ABCB", "HLA",
            "HIV", "HPV", "HBV", "HCV", "EBV", "CMV", "RSV", "SARS", "COVID", "AAV", "H1N", "H5N", "H7N");

    private static boolean notATarget(String id) {
        for (String p : NOT_TARGET_PREFIXES) {
            if (id.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNumber(Tokens t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.type(k) == Tokens.NUMBER) {
                return true;
            }
        }
        return false;
    }

    private static final Kind[] KINDS = Kind.values();

    private static boolean covered(Matches m, int from, int to) {
        for (Kind k : KINDS) {
            if (k == Kind.CUE) {
                continue;
            }
            for (int t = from; t < to; t++) {
                if (m.at(k, t) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A relation word or a coordination with another target right next to the word. */
    private static boolean related(Tokens t, Matches m, int from, int to) {
        int post = to;
        if (mutation(t, post)) {
            post += 3; // "KRAS G12D inhibitor"
        }
        if (m.cueStartsAt(Cue.REL_POST, post) || startsMatch(m, Kind.MODALITY, post) || coordinator(t, post)) {
            return true;
        }
        int pre = from - 1;
        if (pre >= 0 && (t.is(pre, "a") || t.is(pre, "an") || t.is(pre, "the"))) {
            pre--;
        }
        return pre >= 0 && (m.cueEndsAt(Cue.REL_PRE, pre) || coordinator(t, pre));
    }

    /** "x" / "/" / "×" joining two arms of a bispecific. */
    private static boolean coordinator(Tokens t, int k) {
        return k >= 0 && k < t.size() && (t.is(k, "x") || t.is(k, "/") || t.is(k, "×"));
    }

    private static boolean startsMatch(Matches m, Kind kind, int k) {
        Match x = m.at(kind, k);
        return x != null && x.from() == k;
    }

    private static boolean mutation(Tokens t, int k) {
        return k + 2 < t.size() && t.norm(k).length() == 1 && t.type(k + 1) == Tokens.NUMBER
                && t.norm(k + 2).length() == 1 && t.glued(k + 1) && t.glued(k + 2);
    }

    private static boolean hyphenOrNothing(String text, int prevEnd, int start) {
        for (int k = prevEnd; k < start; k++) {
            if (text.charAt(k) != '-') {
                return false;
            }
        }
        return true;
    }
}
