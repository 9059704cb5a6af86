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

    private static boolean refersBack(Doc doc, int token) {
        int s = doc.sentenceStart(token);
        var t = doc.tokens;
        if (t.is(s, "it") && (t.is(s + 1, "is") || t.is(s + 1, "was") || t.is(s + 1, "has"))) {
            return true;
        }
        return PRONOUNS.contains(t.norm(s)) && s + 1 < t.size() && REFERENTS.contains(t.norm(s + 1));
    }
}
