package io.bioalert.ingest.language;

/**
 * The language of an announcement, "zh" or "en", by one explainable rule: the share of Han ideographs
 * among the letters of the text. A Chinese release keeps most of its letters Han even with English drug
 * codes, targets and company names in it ("HER2", "ADC", "FDA" ...); an English release that quotes a
 * Chinese company name has a handful among thousands.
 */
public final class Language {

    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";
    /** From this share of ideographs among letters, a text is Chinese. */
    static final double CHINESE_SHARE = 0.25;
    /** Enough letters to tell; a language is not decided from a few characters. */
    private static final int SAMPLE_LETTERS = 2000;

    private Language() {
    }

    /** "zh" or "en"; null when the text has no letters. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int letters = 0;
        int ideographs = 0;
        for (int i = 0; i < text.length() && letters < SAMPLE_LETTERS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Cjk.isIdeograph(cp)) {
                    ideographs++;
                }
            }
        }
        if (letters == 0) {
            return null;
        }
        return ideographs >= CHINESE_SHARE * letters ? CHINESE : ENGLISH;
    }
}
