package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.text.Tokens;
import java.util.Set;

/**
 * Brand names that no dictionary knows, recognised by how a story introduces them: "the vaccine, Abcdo,",
 * "the antibody treatment Abcdo", "the medicine, called abcdo", "Abcdo, a cell therapy for". The name is one
 * word of letters; a known company, target, disease or drug word is never taken.
 */
final class ProductNames {
    /** Nouns after which a story names the product. */
    private static final Set<String> PRODUCT_NOUNS = Set.of("vaccine", "medicine", "treatment", "therapy", "drug",
            "antibody", "candidate", "cocktail");
    private static final Set<String> NAMING = Set.of("called", "named", "dubbed", "branded");
    /** What an appositive after the name says the product is. */
    private static final Set<String> PRODUCT_APPOSITIVES = Set.of("treatment", "therapy", "vaccine", "medicine",
            "drug", "antibody", "cell", "gene", "monoclonal", "bispecific", "small", "oral", "first", "novel",
            "investigational", "allogeneic", "autologous");

    private ProductNames() {
    }

    /** The token that names a product at {@code i}, or false. */
    static boolean isIntroduced(Doc doc, int i) {
        Tokens t = doc.tokens;
        if (t.type(i) != Tokens.WORD || t.end(i) - t.start(i) < 4 || !singleWord(doc, i) || known(doc, i)) {
            return false;
        }
        int k = i - 1;
        for (int skipped = 0; skipped < 2 && k >= 0 && (NAMING.contains(t.norm(k)) || t.isPunct(k, ',')); skipped++) {
            k--; // "the medicine, called X"
        }
        // in running text only: a headline's "Drug Receives" or "Drug User Fee" are Title Case words
        boolean runningText = t.newlinesBefore(i) == 0 && !(i + 1 < t.size() && t.capitalized(i + 1)
                && t.newlinesBefore(i + 1) == 0);
        boolean afterNoun = k >= 0 && runningText && PRODUCT_NOUNS.contains(t.norm(k)) && !t.capitalized(k)
                && (t.capitalized(i) || NAMING.contains(t.norm(i - 1)));
        boolean beforeAppositive = runningText && t.capitalized(i) && t.isPunct(i + 1, ',') && (t.is(i + 2, "a") || t.is(i + 2, "an"))
                && i + 3 < t.size() && PRODUCT_APPOSITIVES.contains(t.norm(i + 3)) && !sentenceInitial(doc, i);
        return afterNoun || beforeAppositive;
    }

    private static boolean singleWord(Doc doc, int i) {
        Tokens t = doc.tokens;
        boolean gluedBefore = i > 0 && t.glued(i) && t.type(i - 1) != Tokens.PUNCT;
        boolean gluedAfter = i + 1 < t.size() && t.glued(i + 1) && t.type(i + 1) != Tokens.PUNCT;
        return !gluedBefore && !gluedAfter;
    }

    private static boolean known(Doc doc, int i) {
        return doc.matches.at(Kind.COMPANY, i) != null || doc.matches.at(Kind.TARGET, i) != null
                || doc.matches.at(Kind.DISEASE, i) != null || doc.matches.at(Kind.DRUG, i) != null
                || doc.matches.at(Kind.AGENCY, i) != null || doc.matches.at(Kind.COUNTRY, i) != null
                || doc.matches.at(Kind.MODALITY, i) != null || doc.matches.at(Kind.EVENT, i) != null
                || doc.tokens.allUpper(i);
    }

    private static boolean sentenceInitial(Doc doc, int i) {
        return doc.sentenceStart(i) == i;
    }
}
