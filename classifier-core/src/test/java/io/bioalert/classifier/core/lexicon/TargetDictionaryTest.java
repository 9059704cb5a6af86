package io.bioalert.classifier.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.Tokenizer;
import io.bioalert.model.TargetDictionary;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated targets.tsv (classifier-core/scripts/gen-targets.py): it loads, the aliases it takes from the
 * gene database resolve, and its filters kept ordinary words out.
 */
class TargetDictionaryTest {
    private static final Lexicon LEXICON = Lexicon.load();

    /** Target ids whose aliases match the whole phrase. */
    private static Set<String> targetsOf(String phrase) {
        var tokens = Tokenizer.tokenize(phrase);
        Set<String> ids = new TreeSet<>();
        for (Match m : LEXICON.trie().findAll(tokens)) {
            if (m.kind() == Kind.TARGET && m.from() == 0 && m.to() == tokens.size()) {
                ids.add(m.value());
            }
        }
        return ids;
    }

    @Test
    void generatedFileLoadsWithItsIdsAndDisplayNames() {
        var names = TargetDictionary.displayNames();
        assertThat(names).hasSizeGreaterThan(500);
        assertThat(names).containsEntry("ERBB2", "HER2").containsEntry("IL3RA", "CD123").containsEntry("MSLN", "Mesothelin");
        // legacy ids stay, for the watchlists that filter on them
        assertThat(names).containsKeys("CD30", "CD73", "CD39", "HDAC");
    }

    @Test
    void databaseAliasesResolve() {
        assertThat(targetsOf("CD123")).contains("IL3RA");
        assertThat(targetsOf("CD137")).containsExactly("TNFRSF9");
        assertThat(targetsOf("4-1BB")).containsExactly("TNFRSF9");
        assertThat(targetsOf("mesothelin")).containsExactly("MSLN");
        assertThat(targetsOf("complement C5")).containsExactly("C5");
        assertThat(targetsOf("TROP-2")).containsExactly("TACSTD2");
        assertThat(targetsOf("HER-2/neu")).containsExactly("ERBB2");
        // from the database only: a full name and a CD number that were in no hand list
        assertThat(targetsOf("interleukin 3 receptor subunit alpha")).containsExactly("IL3RA");
        assertThat(targetsOf("CD340")).containsExactly("ERBB2");
    }

    @Test
    void commonWordsAreNotTargets() {
        for (String word : new String[] {"set", "cat", "met", "was", "can", "kit", "ret", "ATTR", "lymphokine",
                "homodimer", "VEGFR", "APDS", "CVID", "April", "sting", "rank", "vista"}) {
            assertThat(targetsOf(word)).as(word).isEmpty();
        }
        // the case-sensitive symbols still match in capitals
        assertThat(targetsOf("MET")).containsExactly("MET");
        assertThat(targetsOf("KIT")).containsExactly("KIT");
        assertThat(targetsOf("APRIL")).containsExactly("TNFSF13");
        assertThat(targetsOf("RANK")).containsExactly("TNFRSF11A");
    }
}
