package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.text.Tokens;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Links names that the text declares to be the same drug: a short parenthesis right after a name
 * ("RP1 (vusolimogene oderparepvec)", "(Cami, formerly ADCT-301)"), "also known as", "marketed as",
 * "known as ... outside", "A/B" code pairs, and a brand directly followed by its INN ("Tecvayli teclistamab").
 */
final class AliasLinker {
    private static final Set<String> FILLER = Set.of("injection", "for", "tablets", "tablet", "capsules", "infusion",
            "or", "formerly", "also", "known", "as", "called", "and", "brand", "name", "marketed", "under", "the", "of",
            "now", "branded", "trade", "sold", "previously", "s");

    private AliasLinker() {
    }

    static void link(Doc doc, List<DrugMention> ms, BiConsumer<String, String> union) {
        Tokens t = doc.tokens;
        for (int i = 0; i < ms.size(); i++) {
            DrugMention a = ms.get(i);
            for (int j = i + 1; j < ms.size(); j++) {
                DrugMention b = ms.get(j);
                if (b.from() - a.to() > 8 || doc.sentenceOf(b.from()) != doc.sentenceOf(a.from())) {
                    break;
                }
                if (declaredSame(t, a.to(), b.from())) {
                    union.accept(a.key(), b.key());
                }
            }
            if (t.isPunct(skipFiller(t, a.to()), '(')) {
                linkParenthesis(doc, a, skipFiller(t, a.to()), ms, union);
            }
        }
    }

    /** Only filler words, slashes, commas and brackets between two names. */
    private static boolean declaredSame(Tokens t, int from, int to) {
        if (from == to) {
            return true;
        }
        boolean declared = false;
        for (int k = from; k < to; k++) {
            String w = t.norm(k);
            if (w.equals("/") || w.equals("(") || w.equals(",") || w.equals("known") || w.equals("formerly")
                    || w.equals("marketed") || w.equals("branded") || w.equals("called") || w.equals("or")) {
                declared = true;
            } else if (!FILLER.contains(w) && !w.equals(")")) {
                return false;
            }
        }
        return declared;
    }

    private static int skipFiller(Tokens t, int k) {
        int limit = k + 3;
        while (k < t.size() && k < limit && (t.is(k, "injection") || t.is(k, "for") || t.is(k, "tablets"))) {
            k++;
        }
        return k;
    }

    /** A one- or two-word alias in brackets that no dictionary knows as something else: "(Cami, ...)". */
    private static void linkParenthesis(Doc doc, DrugMention a, int open, List<DrugMention> ms,
                                        BiConsumer<String, String> union) {
        Tokens t = doc.tokens;
        int close = open + 1;
        while (close < t.size() && close - open <= 8 && !t.isPunct(close, ')')) {
            close++;
        }
        if (!t.isPunct(close, ')')) {
            return;
        }
        int k = open + 1;
        while (k < close) {
            int end = k;
            while (end < close && !t.isPunct(end, ',')) {
                end++;
            }
            int s = k;
            if (t.is(s, "formerly") || t.is(s, "or")) {
                s++;
            }
            boolean oneName = end - s == 1 || (end - s == 2 && t.glued(s + 1) && t.type(s + 1) == Tokens.WORD);
            if (oneName && t.type(s) == Tokens.WORD && unknown(doc, s) && t.norm(s).length() >= 3
                    && !t.allUpper(s)) {
                String alias = doc.span(s, end);
                // the alias plays the role of the name it explains: a comparator's brand is a comparator
                ms.add(new DrugMention(s, end, t.start(s), t.end(end - 1), alias, DrugMention.squeeze(alias), null,
                        List.of(), a.sideline()));
                union.accept(a.key(), DrugMention.squeeze(alias));
            }
            k = end + 1;
        }
        ms.sort((x, y) -> Integer.compare(x.from(), y.from()));
    }

    private static boolean unknown(Doc doc, int token) {
        for (Kind k : Kind.values()) {
            if (k != Kind.CUE && doc.matches.at(k, token) != null) {
                return false;
            }
        }
        return !doc.matches.cueStartsAt(io.bioalert.classifier.core.lexicon.Cue.POP, token);
    }
}
