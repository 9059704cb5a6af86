package io.bioalert.classifier.core.text;

import java.util.Arrays;

/**
 * The token stream of one text, as parallel arrays: cheaper than an object per token on the hot path.
 *
 * <p>Soft punctuation (hyphens, apostrophes, quotes, trademark signs, dots inside "U.S.") is not a token:
 * that is what makes "HER-2", "HER 2" and "HER2" the same token sequence. {@link #glued(int)} remembers
 * whether a token touched its predecessor.
 */
public final class Tokens {
    public static final byte WORD = 1;
    public static final byte NUMBER = 2;
    public static final byte PUNCT = 3;

    private final String text;
    private int size;
    private int[] start;
    private int[] end;
    private String[] norm;
    private byte[] type;
    private byte[] newlines;
    private boolean[] glued;

    Tokens(String text, int capacity) {
        this.text = text;
        start = new int[capacity];
        end = new int[capacity];
        norm = new String[capacity];
        type = new byte[capacity];
        newlines = new byte[capacity];
        glued = new boolean[capacity];
    }

    void add(int s, int e, String n, byte t, int nl, boolean g) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            norm = Arrays.copyOf(norm, cap);
            type = Arrays.copyOf(type, cap);
            newlines = Arrays.copyOf(newlines, cap);
            glued = Arrays.copyOf(glued, cap);
        }
        start[size] = s;
        end[size] = e;
        norm[size] = n;
        type[size] = t;
        newlines[size] = (byte) Math.min(nl, 100);
        glued[size] = g;
        size++;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    /** Lower-cased form; Greek letters spelled out ("alpha"). */
    public String norm(int i) {
        return norm[i];
    }

    public byte type(int i) {
        return type[i];
    }

    /** Newlines in the gap before token i (capped). */
    public int newlinesBefore(int i) {
        return newlines[i];
    }

    /** True when no whitespace separates token i from token i-1 (soft punctuation may). */
    public boolean glued(int i) {
        return glued[i];
    }

    public String raw(int i) {
        return text.substring(start[i], end[i]);
    }

    public boolean is(int i, String n) {
        return i >= 0 && i < size && norm[i].equals(n);
    }

    public boolean isPunct(int i, char c) {
        return i >= 0 && i < size && type[i] == PUNCT && norm[i].length() == 1 && norm[i].charAt(0) == c;
    }

    /** True for a Chinese character token (one ideograph, possibly a surrogate pair). */
    public boolean ideograph(int i) {
        char c = text.charAt(start[i]);
        return type[i] == WORD && (ChineseScript.isIdeograph(c) || Character.isHighSurrogate(c));
    }

    public boolean capitalized(int i) {
        return type[i] == WORD && Character.isUpperCase(text.charAt(start[i]));
    }

    public boolean allUpper(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Soft punctuation in the gap before token i, e.g. the hyphen of "HER2-positive". */
    public boolean hyphenBefore(int i) {
        if (i <= 0 || !glued[i]) {
            return false;
        }
        for (int k = end[i - 1]; k < start[i]; k++) {
            char c = text.charAt(k);
            if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014') {
                return true;
            }
        }
        return false;
    }

    /** First token index whose start is at or after the char offset. */
    public int indexAtOrAfter(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
