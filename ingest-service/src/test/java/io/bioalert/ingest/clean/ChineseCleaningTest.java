package io.bioalert.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Chinese posts and pages: invented text in the manner of WeChat posts and Chinese news sites. */
class ChineseCleaningTest {

    private static final String POST = """
            【重磅】青禾生物双抗QH-212获批临床
            点击上方蓝字关注我们
            2026年11月8日
            青禾生物今日宣布，公司自主研发的EGFR/HER3双特异性抗体偶联药物（ADC）QH-212的临床试验申请已获得国家药品
            监督管理局药品审评中心（CDE）默示许可 ，拟用于治疗经标准治疗失败的晚期非小细胞肺癌。
            公司计划于明年上半年启动首例患者给药，ＱＨ－２１２的剂量递增研究将在中国和美国同步开展。
            免责声明：本文仅作信息分享，不构成任何投资建议。文中涉及的药物尚处于临床研究阶段，其安全性和有效性有待进一步验证，\
            相关内容请以公司公告为准，投资者据此操作风险自担。如有侵权，请联系删除，我们将在第一时间处理，感谢您的理解与支持。\
            本公众号所载文章仅代表作者本人观点，不代表本平台立场。
            长按识别二维码
            关注我们
            分享 收藏 点赞 在看
            阅读原文
            """;

    @Test
    void wechatPostLosesItsHeaderPromptsAndEndMatter() {
        CleanedText cleaned = TextCleaner.clean(POST, null);
        assertThat(cleaned.title()).isEqualTo("青禾生物双抗QH-212获批临床");
        assertThat(cleaned.publishedAt()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(cleaned.body())
                .startsWith("青禾生物今日宣布，")
                .contains("（CDE）默示许可，拟用于", "QH-212的剂量递增研究")
                .doesNotContain("【重磅】", "点击上方", "免责声明", "投资建议", "二维码", "关注我们", "阅读原文", "在看");
    }

    @Test
    void endMatterIsNotCutFromAPostThatHasNotStartedYet() {
        CleanedText cleaned = TextCleaner.clean("关注我们\n" + "岭南药业宣布，LN-88在中国开展的I期临床试验已完成首例受试者给药。"
                + "该研究旨在评估LN-88在高胆固醇血症受试者中的安全性、耐受性和药代动力学特征，预计明年完成。", null);
        assertThat(cleaned.body()).contains("岭南药业宣布", "预计明年完成");
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAsciiAndWrappingSpacesGo() {
        assertThat(ChineseTypography.tidy("ＨＥＲ２ 靶向 ＡＤＣ 于２０２６年获批 ， 获得 FDA 批准 。"))
                .isEqualTo("HER2 靶向 ADC 于2026年获批，获得 FDA 批准。");
        assertThat(ChineseTypography.tidy("青禾 生物")).isEqualTo("青禾生物");
        assertThat(ChineseTypography.tidy("ＱＨ－２１２／ＬＣ－３０１，９５％")).isEqualTo("QH-212/LC-301，95%");
        // HTML wraps long Chinese paragraphs anywhere; the line break must not become a space in the text.
        assertThat(HtmlCleaner.cleanFragment("<p>青禾生物今日宣布，公司自主研发的双特异性抗体\n偶联药物获批临床。</p>", null).body())
                .isEqualTo("青禾生物今日宣布，公司自主研发的双特异性抗体偶联药物获批临床。");
        assertThat(ChineseTypography.tidy("A plain English line, untouched.")).isEqualTo("A plain English line, untouched.");
        assertThat(ChineseTypography.tidy("青禾生物首席医学官表示： “QH-212是第三款ADC药物。 ”"))
                .isEqualTo("青禾生物首席医学官表示：“QH-212是第三款ADC药物。”");
        assertThat(ChineseTypography.tidy("Qinghe Biosciences (青禾生物) said “we are pleased” — and more"))
                .isEqualTo("Qinghe Biosciences (青禾生物) said “we are pleased” — and more");
    }

    @Test
    void bracketHeaderOnALineOfItsOwnOrInFrontOfTheLeadGoes() {
        CleanedText cleaned = TextCleaner.clean("【医药速递】\n澜川医药宣布，LC-301片的上市许可申请已获国家药品监督管理局受理。\n"
                + "此次申请基于两项III期临床研究的结果。", "【新药】LC-301上市申请获受理");
        assertThat(cleaned.title()).isEqualTo("LC-301上市申请获受理");
        assertThat(cleaned.body()).startsWith("澜川医药宣布，");
    }

    @Test
    void siteNameLeavesThePageTitle() {
        assertThat(HtmlCleaner.withoutSiteName("福尔摩沙生技FB-17完成二期收案_生技新闻网")).isEqualTo("福尔摩沙生技FB-17完成二期收案");
        assertThat(HtmlCleaner.withoutSiteName("PD-1/VEGF双抗获批 | 医药观察")).isEqualTo("PD-1/VEGF双抗获批");
        assertThat(HtmlCleaner.withoutSiteName("PD-1 inhibitor approved")).isEqualTo("PD-1 inhibitor approved");
    }

    @Test
    void chineseDates() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        assertThat(DateExtractor.first("发布时间：2025年7月8日 10:30", today).date()).isEqualTo(LocalDate.of(2025, 7, 8));
        assertThat(DateExtractor.first("2025 年 7 月 8 日", today).date()).isEqualTo(LocalDate.of(2025, 7, 8));
        assertThat(DateExtractor.first("来源：公司公告 2025-07-08", today).date()).isEqualTo(LocalDate.of(2025, 7, 8));
        assertThat(DateExtractor.first("发布日期：2025/7/8", today).date()).isEqualTo(LocalDate.of(2025, 7, 8));
        // Without a year: the year of the fetch, or the year before when that date is still to come.
        assertThat(DateExtractor.first("7月8日，青禾生物宣布", today).date()).isEqualTo(LocalDate.of(2026, 7, 8));
        assertThat(DateExtractor.first("12月30日，青禾生物宣布", LocalDate.of(2027, 1, 2)).date())
                .isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(DateExtractor.first("共纳入120名患者", today)).isNull();
        assertThat(DateExtractor.parseLoose("2025年7月8日")).isEqualTo(LocalDate.of(2025, 7, 8));
    }

    @Test
    void aShortLeadThatOpensWithItsDateStaysInTheBody() {
        CleanedText cleaned = TextCleaner.clean("11月8日，青禾生物宣布QH-212获批临床。\n公司计划于明年上半年启动首例患者给药。", null);
        assertThat(cleaned.body()).startsWith("11月8日，青禾生物宣布QH-212获批临床。");
    }
}
