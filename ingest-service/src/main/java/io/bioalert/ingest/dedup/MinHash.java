package io.bioalert.ingest.dedup;

import io.bioalert.ingest.language.Cjk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash signatures of word 3-shingles (character 3-shingles in Chinese), and their LSH bands. The share of equal signature entries
 * estimates the Jaccard similarity of two shingle sets; MinHash rather than SimHash because press
 * summaries are short (50-300 words), where a changed dateline or a credit line flips too many SimHash
 * bits for a small Hamming threshold, while the Jaccard estimate moves only a little.
 */
public final class MinHash {

    public static final int HASHES = 64;
    public static final int ROWS = 4;
    public static final int BANDS = HASHES / ROWS;

    private static final int SHINGLE = 3;
    private static final long[] SEEDS = new SplittableRandom(0x5eed_b10a_1e27L).longs(HASHES).toArray();

    private MinHash() {
    }

    /**
     * Words (runs of letters and digits), except that each character of a script written without spaces
     * (Chinese, Japanese kana) is a token of its own: shingles of three tokens are then character 3-grams in
     * Chinese text, where "words" would be whole clauses between two commas, and word 3-grams elsewhere.
     * Mixed text ("QH-212获得FDA突破性疗法认定") gets both.
     */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Cjk.isUnspaced(cp)) {
                if (start >= 0) {
                    tokens.add(t.substring(start, i));
                    start = -1;
                }
                tokens.add(t.substring(i, next));
            } else if (isWordChar(cp)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                tokens.add(t.substring(start, i));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            tokens.add(t.substring(start));
        }
        return tokens;
    }

    /** One token of an unspaced script: a character, not a word. */
    public static boolean isCharacterToken(String token) {
        return !token.isEmpty() && token.length() == Character.charCount(token.codePointAt(0))
                && Cjk.isUnspaced(token.codePointAt(0));
    }

    /** What {@code [\p{L}\p{N}]} matches, as the word pattern did before CJK text was split. */
    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Signature of the shingles of {@code tokens} (at most the first {@code limit} tokens). */
    public static int[] signature(List<String> tokens, int limit) {
        List<String> lead = tokens.size() > limit ? tokens.subList(0, limit) : tokens;
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, lead.size() - SHINGLE + 1);
        for (int i = 0; i < shingles && !lead.isEmpty(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < Math.min(lead.size(), i + SHINGLE); j++) {
                h = fnv1a(h, lead.get(j));
                h = (h ^ ' ') * 0x100000001b3L;
            }
            for (int k = 0; k < HASHES; k++) {
                long v = mix(h ^ SEEDS[k]);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        int[] sig = new int[HASHES];
        for (int k = 0; k < HASHES; k++) {
            sig[k] = (int) (min[k] ^ (min[k] >>> 32));
        }
        return sig;
    }

    /** One hash per band of {@link #ROWS} signature entries: equal band hashes make two stories candidates. */
    public static int[] bands(int[] signature) {
        int[] bands = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + signature[b * ROWS + r]);
            }
            bands[b] = (int) (h ^ (h >>> 32));
        }
        return bands;
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    public static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int k = 0; k < HASHES; k++) {
            if (a[k] == b[k]) {
                equal++;
            }
        }
        return (double) equal / HASHES;
    }

    private static long fnv1a(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser: turns one shingle hash into independent-looking hashes per seed. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
