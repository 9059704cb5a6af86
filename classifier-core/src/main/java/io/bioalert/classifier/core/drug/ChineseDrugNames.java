package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.DrugInfo;
import io.bioalert.classifier.core.lexicon.InnRules;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.ChineseScript;
import io.bioalert.classifier.core.text.Tokens;
import java.util.List;

/**
 * Chinese drug names: China's official names transliterate the INN and keep its stem as a fixed ending
 * ("瑞康曲妥珠单抗", "伏美替尼", "西达基奥仑赛"). Chinese has no spaces, so a name is read back from its
 * ending over the ideographs until one that never occurs inside such a name ("注射用", "的", "酸").
 */
final class ChineseDrugNames {
    /** Ideographs before the two-character ending: Chinese INNs have two to six. */
    private static final int MAX_PREFIX = 6;

    private ChineseDrugNames() {
    }

    static void find(Doc doc, List<DrugMention> out) {
        Tokens t = doc.tokens;
        InnRules inn = doc.lexicon.inn();
        for (int i = 1; i < t.size(); i++) {
            if (!t.ideograph(i) || !t.ideograph(i - 1) || !t.glued(i)) {
                continue;
            }
            String modality = inn.chineseStemModality(t.norm(i - 1) + t.norm(i));
            if (modality == null) {
                continue;
            }
            int from = nameStart(doc, inn, i - 1);
            Match known = doc.matches.at(Kind.DRUG, i);
            if (from == i - 1 || (known != null && known.from() <= from)) {
                continue; // "PD-1单抗" is a class; a dictionary name is found already
            }
            List<String> targets = List.of();
            if (known != null) {
                // "瑞康曲妥珠单抗", "德曲妥珠单抗": China names an antibody conjugate after its antibody, with a
                // prefix for the payload
                DrugInfo antibody = doc.lexicon.drug(known.value());
                if (!"MONOCLONAL_ANTIBODY".equals(antibody.modality())) {
                    continue;
                }
                modality = "ADC";
                targets = antibody.targets();
            }
            String surface = doc.text.substring(t.start(from), t.end(i));
            out.add(new DrugMention(from, i + 1, t.start(from), t.end(i), surface,
                    DrugMention.squeeze(ChineseScript.fold(surface)), modality, targets,
                    DrugFinder.sideline(doc, from, i + 1)));
        }
    }

    /** First token of the name whose ending starts at token `stem`. */
    static int nameStart(Doc doc, InnRules inn, int stem) {
        Tokens t = doc.tokens;
        int from = stem;
        while (from > 0 && stem - from < MAX_PREFIX && t.ideograph(from - 1) && t.glued(from)
                && !inn.isChineseBoundary(t.norm(from - 1)) && doc.matches.at(Kind.COMPANY, from - 1) == null) {
            from--;
        }
        return from;
    }

    /**
     * A dictionary name glued to more name characters ("曲妥珠单抗" inside "瑞康曲妥珠单抗") is part of a
     * longer, different name.
     */
    static boolean insideLongerName(Doc doc, int from) {
        Tokens t = doc.tokens;
        return t.ideograph(from) && from > 0 && t.ideograph(from - 1) && t.glued(from)
                && !doc.lexicon.inn().isChineseBoundary(t.norm(from - 1));
    }
}
