package io.bioalert.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.support.Fixtures;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String RELEASE = TextCleaner.clean(Fixtures.text("stories/01-breakthrough.txt"), null).body();

    @Test
    void sameWordsInAnotherLayoutAreAnExactMatch() {
        Fingerprint a = Fingerprint.of(RELEASE);
        Fingerprint b = Fingerprint.of(RELEASE.replace("\n", "  ").toUpperCase());
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isTrue();
    }

    @Test
    void syndicatedCopyWithNewDatelineAndCreditIsTheSameStory() {
        String copy = "OSLO (Wire) -- " + RELEASE.replace("announced that", "said on Wednesday that")
                + "\nSource: Nordlys Therapeutics press release.";
        Fingerprint a = Fingerprint.of(RELEASE);
        Fingerprint b = Fingerprint.of(copy);
        assertThat(b.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(MinHash.similarity(a.minhash(), b.minhash())).isGreaterThan(Fingerprint.SAME_STORY_SIMILARITY);
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isTrue();
        // LSH: a near copy shares at least one band, which is what the database lookup relies on.
        int[] ba = a.bands();
        int[] bb = b.bands();
        boolean shared = false;
        for (int i = 0; i < ba.length; i++) {
            shared |= ba[i] == bb[i];
        }
        assertThat(shared).isTrue();
    }

    @Test
    void differentReleasesOfOneCompanyWithTheSameBoilerplateAreDifferentStories() {
        String boilerplate = "\nAbout Corvane Pharma\n" + "Corvane Pharma is a pharmaceutical company in Greater China focused on metabolic diseases, "
                .repeat(20);
        String one = TextCleaner.clean(Fixtures.text("stories/02-release-date.txt"), null).body() + boilerplate;
        String other = "Corvane Pharma announced that the first patient was dosed in a Phase 2 study of CV-4120, an "
                + "oral PCSK9 inhibitor, in adults with hypercholesterolemia who do not reach their LDL target on statins. "
                + "The study will enroll 300 patients at 40 sites in China and report results next year." + boilerplate;
        Fingerprint a = Fingerprint.of(one);
        Fingerprint b = Fingerprint.of(other);
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isFalse();
    }

    @Test
    void shortTemplatedTextsAreOnlyEverMatchedExactly() {
        Fingerprint a = Fingerprint.of("Acme Bio will present at the Jefferies Healthcare Conference on June 4.");
        Fingerprint b = Fingerprint.of("Acme Bio will present at the Jefferies Healthcare Conference on June 5.");
        assertThat(a.nearCandidate()).isFalse();
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isFalse();
    }

    @Test
    void signatureSurvivesItsByteForm() {
        Fingerprint a = Fingerprint.of(RELEASE);
        assertThat(Fingerprint.minhashOf(a.minhashBytes())).containsExactly(a.minhash());
    }

    /** Invented Chinese stories: two outlets' versions of one, and another company's news in the same words. */
    private static final String ZH_STORY = "青禾生物今日宣布，公司自主研发的EGFR/HER3双特异性抗体偶联药物（ADC）QH-212的临床试验申请已获得"
            + "国家药品监督管理局药品审评中心（CDE）默示许可，拟用于治疗经标准治疗失败的晚期非小细胞肺癌。\n"
            + "QH-212由青禾生物新一代可裂解连接子与拓扑异构酶I抑制剂载荷平台构建，在多个临床前模型中显示出显著的抗肿瘤活性"
            + "和良好的安全性窗口。公司计划于明年上半年在中国启动首例患者给药。\n"
            + "青禾生物首席医学官表示：“QH-212是公司第三款进入临床阶段的ADC药物，我们期待它为耐药患者带来新的治疗选择。”\n"
            + "此前，QH-212已于今年9月获得美国食品药品监督管理局（FDA）的新药临床试验许可。";
    private static final String ZH_COPY = "据青禾生物官网消息，11月8日，青禾生物宣布，公司自主研发的EGFR/HER3双特异性抗体偶联药物（ADC）"
            + "QH-212的临床试验申请已获得国家药监局药品审评中心（CDE）默示许可，拟用于治疗经标准治疗失败的晚期非小细胞肺癌。\n"
            + "QH-212由青禾生物新一代可裂解连接子与拓扑异构酶I抑制剂载荷平台构建，在多个临床前模型中显示出显著的抗肿瘤活性"
            + "和良好的安全性窗口。公司计划于明年上半年在中国启动首例患者给药。\n"
            + "青禾生物首席医学官表示：“QH-212是公司第三款进入临床阶段的ADC药物，我们期待它为耐药患者带来新的治疗选择。”\n"
            + "此前，QH-212已于今年9月获得美国FDA的新药临床试验许可。";
    private static final String ZH_OTHER = "澜川医药今日宣布，公司自主研发的口服小分子GLP-1受体激动剂LC-301片的上市许可申请已获得"
            + "国家药品监督管理局受理，拟用于改善成人2型糖尿病患者的血糖控制。\n"
            + "此次申请基于两项III期临床研究的结果：与安慰剂相比，LC-301治疗26周后糖化血红蛋白较基线显著降低，体重亦明显下降，"
            + "最常见的不良反应为轻中度胃肠道反应。公司计划于明年在中国上市。\n"
            + "澜川医药总经理表示：“LC-301是公司第一款进入上市申请阶段的药物，我们期待它为患者带来新的治疗选择。”";

    @Test
    void chineseTextIsShingledByCharacters() {
        assertThat(MinHash.tokens("青禾生物QH-212获FDA批准")).containsExactly("青", "禾", "生", "物", "qh", "212", "获", "fda", "批", "准");
        Fingerprint zh = Fingerprint.of(ZH_STORY);
        // A character counts half a word: the length is well under the number of tokens, and long enough to compare.
        assertThat(zh.tokens()).isLessThan(MinHash.tokens(ZH_STORY).size()).isGreaterThan(Fingerprint.MIN_TOKENS_FOR_NEAR);
        assertThat(zh.nearCandidate()).isTrue();
    }

    @Test
    void chineseCopyWithSmallEditsIsTheSameStoryAndAnotherChineseStoryIsNot() {
        Fingerprint a = Fingerprint.of(ZH_STORY);
        Fingerprint copy = Fingerprint.of(ZH_COPY);
        Fingerprint other = Fingerprint.of(ZH_OTHER);
        double same = MinHash.similarity(a.minhash(), copy.minhash());
        double different = MinHash.similarity(a.minhash(), other.minhash());
        System.out.printf("Chinese near copy: estimated Jaccard %.2f; another Chinese story: %.2f%n", same, different);
        assertThat(a.sameStoryAs(copy.contentHash(), copy.minhash(), copy.tokens())).isTrue();
        assertThat(a.sameStoryAs(other.contentHash(), other.minhash(), other.tokens())).isFalse();
        assertThat(different).isLessThan(0.3);
    }

    @Test
    void englishFingerprintsAreWhatTheyWereBeforeChineseWasSplit() {
        // Stored signatures stay comparable: English tokens and lead are unchanged.
        Fingerprint a = Fingerprint.of(RELEASE);
        assertThat(a.tokens()).isEqualTo(MinHash.tokens(RELEASE).size());
        assertThat(a.minhash()).containsExactly(MinHash.signature(MinHash.tokens(RELEASE), Fingerprint.LEAD_TOKENS));
    }
}
