package io.bioalert.ingest.clean;

import io.bioalert.ingest.language.Cjk;

/**
 * Chinese text as it should read once extracted from HTML: full-width letters and digits ("ＡＤＣ", "２０２５")
 * become ASCII, so drug codes and dates read like everywhere else, while full-width punctuation ("，" "。"
 * "【】") stays as written. Spaces that line wrapping in the HTML put between two Chinese characters, or
 * next to full-width punctuation, go; a space between Chinese and Latin text ("获得 FDA 批准") is kept.
 */
final class ChineseTypography {

    /** Full-width "-", "/", ".", "+", "%", which after a letter or digit belong to a code or a number. */
    private static final String CODE_PUNCTUATION = "\uFF0D\uFF0F\uFF0E\uFF0B\uFF05";

    private ChineseTypography() {
    }

    static String tidy(String line) {
        if (!hasWideChars(line)) {
            return line; // the common case for English pages: nothing to look at
        }
        StringBuilder sb = new StringBuilder(line.length());
        int pendingSpaceAt = -1;
        int previous = -1;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xFF10 && cp <= 0xFF5A && Character.isLetterOrDigit(cp)) {
                cp -= 0xFEE0; // full-width forms sit 0xFEE0 above their ASCII letters and digits
            } else if (CODE_PUNCTUATION.indexOf(cp) >= 0 && previous >= 0 && previous < 0x80
                    && Character.isLetterOrDigit(previous) && pendingSpaceAt < 0) {
                cp -= 0xFEE0; // "ＱＨ－２１２", "９５％": part of a code or a number, not of the sentence
            }
            if (cp == ' ') {
                pendingSpaceAt = pendingSpaceAt < 0 ? sb.length() : pendingSpaceAt;
                continue;
            }
            if (pendingSpaceAt >= 0) {
                if (previous < 0 || !joins(previous, cp)) {
                    sb.append(' ');
                }
                pendingSpaceAt = -1;
            }
            sb.appendCodePoint(cp);
            previous = cp;
        }
        return sb.toString();
    }

    /** True when a space between these two characters is an artefact, not a separator. */
    private static boolean joins(int before, int after) {
        if (Cjk.isFullWidthPunctuation(before) || Cjk.isFullWidthPunctuation(after)) {
            return true;
        }
        // Quotes and dashes only join a Chinese character: 'said “we' and '” —' keep their spaces.
        return (Cjk.isUnspaced(before) && (Cjk.isUnspaced(after) || Cjk.isSharedPunctuation(after)))
                || (Cjk.isSharedPunctuation(before) && Cjk.isUnspaced(after));
    }

    private static boolean hasWideChars(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= 0x2E80) {
                return true;
            }
        }
        return false;
    }
}
