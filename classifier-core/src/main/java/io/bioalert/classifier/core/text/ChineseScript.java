package io.bioalert.classifier.core.text;

import com.ibm.icu.text.Transliterator;

/**
 * Chinese characters as the tokenizer reads them: each ideograph is one token, and traditional characters
 * fold to their simplified form, so that one simplified dictionary serves both scripts ("藥監局" = "药监局").
 *
 * <p>The folding table is built once, when the class loads, by passing every ideograph of the Basic
 * Multilingual Plane through ICU's Traditional-Simplified transliterator and keeping the one-to-one
 * mappings: transliterating each document instead would cost far more than the classification itself.
 * Folding is char for char, so token offsets stay offsets into the original text.
 */
public final class ChineseScript {
    private static final int FIRST = 0x3400;
    private static final int LAST = 0xFAFF;
    /** The token text of each ideograph in [FIRST, LAST], already folded; null for other code points. */
    private static final String[] NORM = buildNorms();

    private ChineseScript() {
    }

    /** True for a Han ideograph of the Basic Multilingual Plane (CJK unified, extension A, compatibility). */
    public static boolean isIdeograph(char c) {
        return c >= FIRST && c <= LAST && NORM[c - FIRST] != null;
    }

    /** The simplified form of an ideograph as a shared String (the trie's keys are the same strings). */
    public static String norm(char c) {
        return NORM[c - FIRST];
    }

    /** The text with every traditional character folded to its simplified form. */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(isIdeograph(c) ? norm(c).charAt(0) : c);
        }
        return b.toString();
    }

    private static String[] buildNorms() {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        String[] out = new String[LAST - FIRST + 1];
        for (int c = FIRST; c <= LAST; c++) {
            if (!Character.isIdeographic(c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            String simplified = toSimplified.transliterate(s);
            out[c - FIRST] = (simplified.length() == 1 ? simplified : s).intern();
        }
        return out;
    }
}
