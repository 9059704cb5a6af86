package io.bioalert.classifier.core.entity;

import io.bioalert.classifier.core.text.Tokens;
import io.bioalert.model.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clinical-trial registry ids, read off the tokens: NCT (ClinicalTrials.gov, 8 digits), ChiCTR and CTR (China),
 * jRCT (Japan), ISRCTN, ACTRN (Australia/New Zealand) and EudraCT numbers (2021-001234-56).
 */
public final class TrialIds {
    /** Registry prefix (lower case) to the number of digits its ids carry; 0 = at least six. */
    private static final Map<String, Integer> PREFIXES = Map.of("nct", 8, "chictr", 0, "ctr", 0, "jrct", 0,
            "isrctn", 0, "actrn", 0);

    private TrialIds() {
    }

    public static List<Mention> find(Tokens t) {
        List<Mention> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String text = t.text();
        for (int i = 0; i + 1 < t.size(); i++) {
            int e = -1;
            if (t.type(i) == Tokens.WORD && t.type(i + 1) == Tokens.NUMBER && t.glued(i + 1)
                    && Character.isUpperCase(text.charAt(t.start(i) + (t.norm(i).startsWith("j") ? 1 : 0)))) {
                Integer digits = PREFIXES.get(t.norm(i));
                int len = t.end(i + 1) - t.start(i + 1);
                if (digits != null && (digits == 0 ? len >= 6 : len == digits)
                        && (i == 0 || !t.glued(i) || t.type(i - 1) == Tokens.PUNCT)) {
                    e = i + 2;
                }
            } else if (eudract(t, i)) {
                e = i + 3;
            }
            if (e > 0 && (e >= t.size() || !t.glued(e) || t.type(e) == Tokens.PUNCT)) {
                String id = text.substring(t.start(i), t.end(e - 1));
                if (seen.add(id)) {
                    out.add(new Mention("TRIAL", id, id, t.start(i), t.end(e - 1)));
                }
                i = e - 1;
            }
        }
        return out;
    }

    /** EudraCT: 2015-001234-56 (four, six and two digits joined by hyphens). */
    private static boolean eudract(Tokens t, int i) {
        if (i + 2 >= t.size() || t.type(i) != Tokens.NUMBER || t.type(i + 1) != Tokens.NUMBER
                || t.type(i + 2) != Tokens.NUMBER || !t.glued(i + 1) || !t.glued(i + 2)) {
            return false;
        }
        String text = t.text();
        return t.end(i) - t.start(i) == 4 && t.end(i + 1) - t.start(i + 1) == 6 && t.end(i + 2) - t.start(i + 2) == 2
                && text.charAt(t.end(i)) == '-' && text.charAt(t.end(i + 1)) == '-';
    }
}
