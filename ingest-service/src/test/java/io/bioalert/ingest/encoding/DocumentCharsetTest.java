package io.bioalert.ingest.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentCharsetTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");
    /** Invented: a company, a drug code and an approval, in the register of a Chinese press release. */
    private static final String SIMPLIFIED = "青禾生物今日宣布，其自主研发的双特异性抗体QH-212获得国家药品监督管理局药品审评中心"
            + "批准，同意开展治疗晚期实体瘤的临床试验。公司表示，这是该产品在中国获得的首个临床试验许可。";
    private static final String TRADITIONAL = "青禾生物今日宣布，其自主研發的雙特異性抗體QH-212獲得衛生福利部食品藥物管理署"
            + "核准，同意開展治療晚期實體瘤的臨床試驗。公司表示，這是該產品在台灣獲得的首個臨床試驗許可。";

    @Test
    void headerCharsetWinsOverTheDocument() {
        byte[] page = ("<html><head><meta charset=\"utf-8\"></head><body>" + SIMPLIFIED + "</body></html>").getBytes(GBK);
        assertThat(DocumentCharset.of(page, "text/html; charset=GBK").decidedBy()).isEqualTo("Content-Type header");
        assertThat(DocumentCharset.decode(page, "text/html; charset=GBK")).contains(SIMPLIFIED);
    }

    @Test
    void xmlDeclarationAndMetaTagsAreReadWhenTheHeaderSaysNothing() {
        byte[] feed = ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><title>" + SIMPLIFIED + "</title></rss>").getBytes(GBK);
        assertThat(DocumentCharset.decode(feed, "application/rss+xml")).contains(SIMPLIFIED);
        assertThat(DocumentCharset.of(feed, null).decidedBy()).isEqualTo("document declaration");

        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">"
                + "</head><body><p>" + TRADITIONAL + "</p></body></html>").getBytes(BIG5);
        assertThat(DocumentCharset.decode(page, "text/html")).contains(TRADITIONAL);
        byte[] html5 = ("<meta charset='BIG5'><p>" + TRADITIONAL).getBytes(BIG5);
        assertThat(DocumentCharset.decode(html5, null)).contains(TRADITIONAL);
    }

    @Test
    void undeclaredGbkAndBig5AreDetected() {
        byte[] gbk = ("<html><body><p>" + SIMPLIFIED + "</p><p>" + SIMPLIFIED + "</p></body></html>").getBytes(GBK);
        assertThat(DocumentCharset.of(gbk, "text/html").decidedBy()).isEqualTo("detection");
        assertThat(DocumentCharset.decode(gbk, "text/html")).contains(SIMPLIFIED);

        byte[] big5 = ("<html><body><p>" + TRADITIONAL + "</p><p>" + TRADITIONAL + "</p></body></html>").getBytes(BIG5);
        assertThat(DocumentCharset.decode(big5, null)).contains(TRADITIONAL);
    }

    @Test
    void utf8IsKeptAndItsByteOrderMarkDropped() {
        byte[] plain = SIMPLIFIED.getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCharset.decode(plain, null)).isEqualTo(SIMPLIFIED);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(DocumentCharset.decode(bom, "text/html; charset=GBK")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void unknownLabelsFallThroughToTheNextRule() {
        byte[] page = ("<p>" + SIMPLIFIED).getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCharset.decode(page, "text/html; charset=no-such-charset")).contains(SIMPLIFIED);
    }
}
