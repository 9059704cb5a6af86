package io.bioalert.notify.matching;

import java.util.Locale;

/** The one normalisation of free text used on both sides of a match: watch terms and announcement text. */
public final class Text {

    private Text() {
    }

    /** Lower case words separated by single spaces; punctuation and hyphens become spaces ("HS-20089" → "hs 20089"). */
    public static String phrase(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    /** Drug codes compare without punctuation or case: "HS-20089", "hs20089" and "HS 20089" are one drug. */
    public static String drug(String s) {
        return phrase(s).replace(" ", "");
    }

    public static String id(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
