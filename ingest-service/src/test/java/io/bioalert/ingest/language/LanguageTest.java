package io.bioalert.ingest.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chineseWithEnglishTermsIsChinese() {
        assertThat(Language.of("青禾生物宣布其EGFR/HER3双抗ADC QH-212获得FDA突破性疗法认定")).isEqualTo("zh");
        assertThat(Language.of("福爾摩沙生技PD-1/VEGF雙抗FB-17完成第二期臨床收案")).isEqualTo("zh");
    }

    @Test
    void englishQuotingAChineseNameIsEnglish() {
        assertThat(Language.of("Qinghe Biosciences (青禾生物) announced that the NMPA cleared the IND of QH-212, "
                + "an EGFR/HER3 bispecific ADC, for advanced non-small cell lung cancer.")).isEqualTo("en");
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertThat(Language.of("2026-11-08 12:00")).isNull();
        assertThat(Language.of(null)).isNull();
    }
}
