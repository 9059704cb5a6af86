package io.bioalert.classifier.core.text;

import static io.bioalert.classifier.core.text.TokenizerTest.norms;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTokenizerTest {

    @Test
    void eachIdeographIsOneTokenAndCodeNamesSplitOff() {
        assertThat(norms("注射用JSKN003")).containsExactly("注", "射", "用", "jskn", "003");
        assertThat(norms("靶向HER2的")).containsExactly("靶", "向", "her", "2", "的");
    }

    @Test
    void traditionalFoldsToSimplified() {
        assertThat(norms("國家藥監局批準")).isEqualTo(norms("国家药监局批准"));
        assertThat(norms("臨牀試驗")).isEqualTo(norms("临床试验"));
    }

    @Test
    void fullWidthPunctuationReadsAsAscii() {
        assertThat(norms("甲，乙。丙、丁；（戊）【己】《庚》")).containsExactly("甲", ",", "乙", ".", "丙", ",", "丁", ";",
                "(", "戊", ")", "(", "己", ")", "(", "庚", ")");
        assertThat(norms("ＦＤＡ２０２５")).isEqualTo(norms("FDA2025"));
    }

    @Test
    void aFullWidthStopEndsASentenceWithoutSpaceOrCapital() {
        Tokens t = Tokenizer.tokenize("甲获批。乙获批。");
        Layout layout = new Layout(t, 0);
        assertThat(layout.sentenceCount()).isEqualTo(2);
    }

    @Test
    void offsetsCountUtf16UnitsOutsideTheBasicPlane() {
        String s = "𠀀甲HER2";
        Tokens t = Tokenizer.tokenize(s);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.start(0)).isZero();
        assertThat(t.end(0)).isEqualTo(2); // one code point, two chars
        assertThat(t.start(1)).isEqualTo(2);
        assertThat(t.start(2)).isEqualTo(3);
        assertThat(s.substring(t.start(2), t.end(3))).isEqualTo("HER2");
    }

    @Test
    void pinyinReadingAidsAreSkipped() {
        assertThat(norms("國(guó)家藥監局")).isEqualTo(norms("国家药监局"));
        assertThat(norms("上市申请(NDA)")).contains("(", "nda", ")");
    }
}
