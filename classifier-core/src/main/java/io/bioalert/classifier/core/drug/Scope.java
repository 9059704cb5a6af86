package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import java.util.Set;

/**
 * Which sentences speak about the announced drug: the opening, sentences that name it, and sentences that
 * open by referring back to it ("It is a PD-1/IL-2 bifunctional fusion protein", "The drug is ...").
 */
public final class Scope {
    private static final Set<String> PRONOUNS = Set.of("it", "this", "the");
    private static final Set<String> REFERENTS = Set.of("drug", "product", "candidate", "therapy", "medicine",
            "compound", "agent", "molecule", "treatment", "antibody", "adc", "injection", "asset", "investigational");

    private Scope() {
    }

    public static boolean about(Doc doc, Drugs drugs, int token) {
        return token < doc.layout.leadEnd() || drugs.announcedInSentence(doc, token) || refersBack(doc, token);
    }

    /** Chinese sentence openings that refer back to the drug: "该产品", "该药物", "本品". */
    private static final Set<String> CHINESE_REFERENTS = Set.of("该产品", "该药物", "该药", "本品", "该新药", "该疗法",
            "该品种", "该抗体", "该分子", "该候选药物", "此产品", "本产品", "该款", "其");

    private static boolean refersBack(Doc doc, int token) {
        int s = doc.sentenceStart(token);
        var t = doc.tokens;
        StringBuilder opening = new StringBuilder(5);
        for (int k = s; k < Math.min(s + 5, t.size()) && t.ideograph(k); k++) {
            opening.append(t.norm(k));
            if (CHINESE_REFERENTS.contains(opening.toString())) {
                return true;
            }
        }
        if (t.is(s, "it") && (t.is(s + 1, "is") || t.is(s + 1, "was") || t.is(s + 1, "has"))) {
            return true;
        }
        return PRONOUNS.contains(t.norm(s)) && s + 1 < t.size() && REFERENTS.contains(t.norm(s + 1));
    }
}
