package io.bioalert.classifier.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** The normalised tokens of a text. */
    static List<String> norms(String s) {
        Tokens t = Tokenizer.tokenize(s);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.norm(i));
        }
        return out;
    }

    @Test
    void punctuationVariantsTokenizeAlike() {
        assertThat(norms("HER2")).isEqualTo(norms("HER-2")).isEqualTo(norms("HER 2")).containsExactly("her", "2");
        assertThat(norms("B7-H4")).isEqualTo(norms("B7H4"));
        assertThat(norms("China’s")).isEqualTo(norms("China's"));
    }

    @Test
    void bispecificNotationSplitsOnTheX() {
        assertThat(norms("EGFRxHER3")).containsExactly("egfr", "x", "her", "3");
        assertThat(norms("CD20xCD3")).containsExactly("cd", "20", "x", "cd", "3");
        assertThat(norms("Lexicon")).containsExactly("lexicon");
    }

    @Test
    void greekLettersAreSpelledOut() {
        assertThat(norms("IL-2Rα")).containsExactly("il", "2", "r", "alpha");
    }

    @Test
    void offsetsAndGluingAreKept() {
        Tokens t = Tokenizer.tokenize("U.S. FDA\nok");
        assertThat(t.raw(0)).isEqualTo("U");
        assertThat(t.glued(1)).isTrue();
        assertThat(t.newlinesBefore(t.size() - 1)).isEqualTo(1);
    }

    @Test
    void sentencesSplitOnFullStopsButNotOnAbbreviations() {
        Tokens t = Tokenizer.tokenize("Hansoh Co., Ltd. announced it. The U.S. FDA agreed. Next");
        Layout l = new Layout(t, 0);
        assertThat(l.sentenceCount()).isEqualTo(3);
    }
}
