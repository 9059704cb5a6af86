package io.bioalert.ingest.language;

/** Characters of the scripts written without spaces between words, which word-based rules cannot split. */
public final class Cjk {

    /** Below the CJK radicals block there are neither ideographs nor kana. */
    private static final int FIRST_CJK = 0x2E80;

    private Cjk() {
    }

    /** A Chinese character (also used in Japanese kanji and old Korean hanja). */
    public static boolean isIdeograph(int codePoint) {
        return codePoint >= FIRST_CJK && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** A character of a script written without spaces: Han ideographs and Japanese kana. */
    public static boolean isUnspaced(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false; // Latin text, the bulk of what is fingerprinted, skips the script lookup
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /**
     * Ideographic punctuation and full-width forms ("，" "。" "【" "：" "（"): a space next to one of them in
     * Chinese text is an artefact of line wrapping, never meant.
     */
    public static boolean isFullWidthPunctuation(int codePoint) {
        return (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF01 && codePoint <= 0xFF0F)
                || (codePoint >= 0xFF1A && codePoint <= 0xFF20) || (codePoint >= 0xFF3B && codePoint <= 0xFF40)
                || (codePoint >= 0xFF5B && codePoint <= 0xFF65);
    }

    /** Punctuation Chinese shares with English typography: curly quotes, the em dash, the ellipsis. */
    public static boolean isSharedPunctuation(int codePoint) {
        return codePoint == 0x2014 || codePoint == 0x2026 || codePoint == 0x201C || codePoint == 0x201D
                || codePoint == 0x2018 || codePoint == 0x2019;
    }
}
