package io.bioalert.classifier.core.entity;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.lexicon.Lexicon;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.bioalert.model.Mention;

/**
 * Sponsors and partners: names the dictionary knows, and runs of capitalised words that end in an industry
 * word ("Alphamab Oncology", "CSPC Pharmaceutical Group"), with legal forms ("Co., Ltd.") left out.
 */
public final class Companies {
    private static final int MAX_WORDS = 4;
    /** "Shanghai Public Health Clinical Center", "Peking Union Medical College": institutions, not companies. */
    private static final java.util.Set<String> INSTITUTIONS = java.util.Set.of("college", "university", "hospital",
            "center", "centre", "institute", "clinical", "association", "society", "foundation", "school",
            "designation", "commission", "agency", "administration", "network");

    private Companies() {
    }

    public static List<Mention> find(Doc doc) {
        Map<String, Mention> out = new LinkedHashMap<>();
        for (Match m : doc.matches.of(Kind.COMPANY)) {
            put(out, m.value(), doc, m.from(), m.to());
        }
        Tokens t = doc.tokens;
        Lexicon lx = doc.lexicon;
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) != Tokens.WORD || !t.capitalized(i) || !lx.isCompanySuffix(t.norm(i))) {
                continue;
            }
            int from = i;
            while (from > 0 && i - from < MAX_WORDS && nameWord(doc, from - 1)) {
                from--;
            }
            while (from < i && lx.isCompanyStop(t.raw(from))) {
                from++;
            }
            int to = i + 1;
            while (to < t.size() && to - i <= 2 && t.capitalized(to) && lx.isCompanySuffix(t.norm(to))) {
                to++;
            }
            boolean institution = to < t.size() && INSTITUTIONS.contains(t.norm(to));
            if (from < i && !institution && doc.matches.at(Kind.COMPANY, from) == null) {
                put(out, doc.span(from, to), doc, from, to);
            }
            i = to - 1;
        }
        return new ArrayList<>(out.values());
    }

    private static boolean nameWord(Doc doc, int k) {
        Tokens t = doc.tokens;
        if (t.newlinesBefore(k + 1) > 0) {
            return false;
        }
        boolean word = (t.type(k) == Tokens.WORD && t.capitalized(k)) || (t.type(k) == Tokens.NUMBER && t.glued(k + 1));
        return word && !doc.lexicon.isLegalForm(t.raw(k)) && doc.matches.at(Kind.AGENCY, k) == null;
    }

    private static void put(Map<String, Mention> out, String name, Doc doc, int from, int to) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (!out.containsKey(key) && out.keySet().stream().noneMatch(k -> k.endsWith(" " + key) || k.startsWith(key + " "))) {
            int s = doc.tokens.start(from);
            int e = doc.tokens.end(to - 1);
            out.put(key, new Mention("COMPANY", name, doc.text.substring(s, e), s, e));
        }
    }
}
