package io.bioalert.classifier.core.text;

/**
 * Splits text into letter runs, digit runs and hard punctuation, in one pass without regular expressions.
 *
 * <p>Letters and digits are separate tokens ("HER2" = her|2, "B7-H4" = b|7|h|4) so that dictionary aliases
 * match every punctuation variant. A lone "x" between upper-case letters is split off so that bispecific
 * notations such as "EGFRxHER3" and "CD20xCD3" read as two targets.
 *
 * <p>Chinese has no spaces: each ideograph is its own token, folded to simplified script (ChineseScript),
 * so that dictionary phrases match as character sequences and code names glued to Chinese
 * ("注射用JSKN003") split off. Full-width punctuation reads as its ASCII counterpart: "。" ends a sentence
 * like ".", "，" and "、" are commas, "（）【】《》" brackets. An ideograph outside the Basic Multilingual
 * Plane (a surrogate pair) is one token of two chars. Offsets are always Java char offsets into the text.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** ASCII character classes, so the hot loop avoids the general Unicode lookups. */
    private static final byte SPACE = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 3;
    private static final byte OTHER = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = Character.isWhitespace(c) ? SPACE : Character.isLetter(c) ? LETTER
                    : Character.isDigit(c) ? DIGIT : OTHER;
        }
    }

    private static byte classOf(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        if (Character.isWhitespace(c) || c == '\u00a0') {
            return SPACE;
        }
        return Character.isLetter(c) ? LETTER : Character.isDigit(c) ? DIGIT : OTHER;
    }

    public static Tokens tokenize(String text) {
        Tokens out = new Tokens(text, text.length() / 5 + 16);
        int n = text.length();
        int i = 0;
        int newlines = 0;
        boolean glued = false;
        while (i < n) {
            char c = text.charAt(i);
            byte cls = classOf(c);
            if (cls == SPACE) {
                if (c == '\n') {
                    newlines++;
                }
                glued = false;
                i++;
                continue;
            }
            if (ChineseScript.isIdeograph(c)) {
                out.add(i, i + 1, ChineseScript.norm(c), Tokens.WORD, newlines, glued);
                newlines = 0;
                glued = true;
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.add(i, i + 2, text.substring(i, i + 2), Tokens.WORD, newlines, glued);
                newlines = 0;
                glued = true;
                i += 2;
            } else if (romanNumeral(c) != null) {
                out.add(i, i + 1, romanNumeral(c), Tokens.WORD, newlines, glued); // "Ⅲ期": phase iii
                newlines = 0;
                glued = true;
                i++;
            } else if (isGreek(c)) {
                out.add(i, i + 1, greekName(c), Tokens.WORD, newlines, glued);
                newlines = 0;
                glued = true;
                i++;
            } else if (cls == LETTER) {
                int s = i;
                int e = i + 1;
                boolean loneX = c == 'x' && s > 0 && e < n && Character.isUpperCase(text.charAt(e))
                        && (Character.isUpperCase(text.charAt(s - 1)) || Character.isDigit(text.charAt(s - 1)));
                if (!loneX) {
                    while (e < n && classOf(text.charAt(e)) == LETTER && !isGreek(text.charAt(e))
                            && !ChineseScript.isIdeograph(text.charAt(e)) && !bispecificX(text, e)
                            && !capitalTail(text, e)) {
                        e++;
                    }
                }
                out.add(s, e, lower(text, s, e), Tokens.WORD, newlines, glued);
                newlines = 0;
                glued = true;
                i = e;
            } else if (cls == DIGIT) {
                int e = i + 1;
                while (e < n && classOf(text.charAt(e)) == DIGIT) {
                    e++;
                }
                String digits = text.substring(i, e);
                out.add(i, e, c < 128 ? digits : asciiWidth(digits), Tokens.NUMBER, newlines, glued);
                newlines = 0;
                glued = true;
                i = e;
            } else if (c == '(' && i > 0 && ChineseScript.isIdeograph(text.charAt(i - 1)) && pinyinEnd(text, i) > 0) {
                i = pinyinEnd(text, i); // "衛(wèi)生署": a reading aid inside the word, not part of the text
            } else if (isSoft(text, i)) {
                i++; // glued stays as it was: "HER-2" keeps her|2 glued
            } else {
                out.add(i, i + 1, String.valueOf(normPunct(c)), Tokens.PUNCT, newlines, glued);
                newlines = 0;
                glued = true;
                i++;
            }
        }
        return out;
    }

    /** The lower-cased substring in one allocation (ASCII fast path). */
    private static String lower(String text, int s, int e) {
        boolean upper = false;
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c > 127) {
                return asciiWidth(text.substring(s, e)).toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (!upper) {
            return text.substring(s, e);
        }
        char[] buf = new char[e - s];
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            buf[k - s] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(buf);
    }

    /** Full-width Latin letters and digits ("ＦＤＡ", "２０２５") read as ASCII ones. */
    private static String asciiWidth(String s) {
        char[] buf = s.toCharArray();
        for (int k = 0; k < buf.length; k++) {
            char c = buf[k];
            if ((c >= '\uff10' && c <= '\uff19') || (c >= '\uff21' && c <= '\uff3a') || (c >= '\uff41' && c <= '\uff5a')) {
                buf[k] = (char) (c - 0xfee0);
            }
        }
        return new String(buf);
    }

    private static String romanNumeral(char c) {
        return switch (c) {
            case '\u2160' -> "i";
            case '\u2161' -> "ii";
            case '\u2162' -> "iii";
            case '\u2163' -> "iv";
            default -> null;
        };
    }

    /**
     * Some Chinese sites print the pinyin of a character right after it: "國(guó)家". Returns the index after the
     * ")" of such an annotation at i (lower-case Latin letters with at least one tone mark), else -1.
     */
    private static int pinyinEnd(String t, int i) {
        boolean toneMark = false;
        for (int k = i + 1; k < t.length() && k <= i + 7; k++) {
            char c = t.charAt(k);
            if (c == ')') {
                return toneMark && k > i + 1 ? k + 1 : -1;
            }
            if (c >= 'a' && c <= 'z') {
                continue;
            }
            if (c < '\u00e0' || c > '\u01dc' || !Character.isLowerCase(c)) {
                return -1;
            }
            toneMark = true;
        }
        return -1;
    }

    /** True when the letter at e is an "x" joining two upper-case names, as in "EGFRxHER3". */
    private static boolean bispecificX(String t, int e) {
        return t.charAt(e) == 'x' && Character.isUpperCase(t.charAt(e - 1)) && e + 1 < t.length()
                && Character.isUpperCase(t.charAt(e + 1));
    }

    /**
     * True when a run of 3+ capitals that ends the word starts at e after a lower-case letter ("ddBCMA",
     * "siRNA"): the capitals are a name of their own, usually a target written into a drug's name.
     */
    private static boolean capitalTail(String t, int e) {
        if (!Character.isUpperCase(t.charAt(e)) || !Character.isLowerCase(t.charAt(e - 1))) {
            return false;
        }
        int k = e;
        while (k < t.length() && Character.isUpperCase(t.charAt(k))) {
            k++;
        }
        return k - e >= 3 && (k == t.length() || !Character.isLetter(t.charAt(k)));
    }

    private static boolean isSoft(String t, int i) {
        char c = t.charAt(i);
        switch (c) {
            case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\'', '\u2018', '\u2019', '`', '"',
                 '\u201c', '\u201d', '\u2122', '\u00ae', '\u00a9', '*',
                 '\u300c', '\u300d', '\u300e', '\u300f', '\uff02', '\uff07', '\u30fb' -> {
                return true;
            }
            case '.' -> {
                // a dot inside "U.S." or "18.2" joins; a dot before a space ends something
                return i > 0 && i + 1 < t.length() && Character.isLetterOrDigit(t.charAt(i - 1))
                        && Character.isLetterOrDigit(t.charAt(i + 1));
            }
            default -> {
                return false;
            }
        }
    }

    private static char normPunct(char c) {
        return switch (c) {
            case '\uff08', '\u3010', '\u300a', '\u3008', '\u3014', '\uff3b' -> '(';
            case '\uff09', '\u3011', '\u300b', '\u3009', '\u3015', '\uff3d' -> ')';
            case '\uff0c', '\u3001' -> ',';
            case '\u3002', '\uff0e' -> '.';
            case '\uff1b' -> ';';
            case '\uff1a' -> ':';
            case '\uff01' -> '!';
            case '\uff1f' -> '?';
            case '\uff0f' -> '/';
            case '\uff0b' -> '+';
            case '\u00d7' -> 'x';
            default -> c;
        };
    }

    static boolean isGreek(char c) {
        return c >= '\u0391' && c <= '\u03c9';
    }

    private static String greekName(char c) {
        return switch (Character.toLowerCase(c)) {
            case '\u03b1' -> "alpha";
            case '\u03b2' -> "beta";
            case '\u03b3' -> "gamma";
            case '\u03b4' -> "delta";
            case '\u03ba' -> "kappa";
            case '\u03bb' -> "lambda";
            case '\u03bc' -> "mu";
            default -> String.valueOf(Character.toLowerCase(c));
        };
    }
}
