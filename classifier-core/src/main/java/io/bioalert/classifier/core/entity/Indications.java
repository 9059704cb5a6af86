package io.bioalert.classifier.core.entity;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.drug.Drugs;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.model.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Diseases the announced drug is for, normalised to the dictionary's lower-case name: those of the opening
 * and of sentences naming an announced drug, minus prior-therapy contexts.
 */
public final class Indications {

    private Indications() {
    }

    public static List<Mention> find(Doc doc, Drugs drugs, int leadEnd) {
        List<Mention> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Match m : doc.matches.of(Kind.DISEASE)) {
            boolean scope = m.from() < leadEnd || drugs.announcedInSentence(doc, m.from());
            if (!scope || doc.cueBefore(Cue.COMPARE, m.from(), 4)) {
                continue;
            }
            String name = m.value().toLowerCase(java.util.Locale.ROOT);
            if (seen.add(name)) {
                int s = doc.tokens.start(m.from());
                int e = doc.tokens.end(m.to() - 1);
                out.add(new Mention("INDICATION", name, doc.text.substring(s, e), s, e));
            }
        }
        return out;
    }
}
