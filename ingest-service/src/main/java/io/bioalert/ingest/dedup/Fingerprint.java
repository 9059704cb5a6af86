package io.bioalert.ingest.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What one-story-one-announcement compares: an exact hash of the normalised body (same words, any
 * layout) and a MinHash signature of the lead for near copies.
 *
 * @param contentHash SHA-256 of the body's words, lower case, single-spaced
 * @param minhash     MinHash signature of the first {@link #LEAD_TOKENS} words' 3-shingles
 * @param tokens      length in words, a Chinese character counting half a word; short texts are compared
 *                    exactly only
 */
public record Fingerprint(String contentHash, int[] minhash, int tokens) {

    /**
     * Only the lead is compared: it is what syndicated copies keep (they often cut the tail), and it
     * leaves out the "About the company" and forward-looking boilerplate that all releases of one
     * company share and that would make two different releases look alike.
     */
    public static final int LEAD_TOKENS = 250;
    /** Estimated Jaccard similarity of the leads from which two stories are one (a copy with a new dateline, a credit line). */
    public static final double SAME_STORY_SIMILARITY = 0.7;
    /** Below this many words a template with a changed name or number looks like a copy: exact match only. */
    public static final int MIN_TOKENS_FOR_NEAR = 40;

    public static Fingerprint of(String body) {
        List<String> tokens = MinHash.tokens(body);
        int[] lead = new int[1];
        int words = words(tokens, lead);
        return new Fingerprint(sha256(String.join(" ", tokens)), MinHash.signature(tokens, lead[0]), words);
    }

    /**
     * Length in words, and (in {@code lead[0]}) how many tokens make the first {@link #LEAD_TOKENS} words.
     * A Chinese word is one to three characters, so a character token counts half a word: a Chinese lead is
     * its first 500 characters, and a Chinese body needs 80 characters to be compared as a near copy.
     */
    private static int words(List<String> tokens, int[] lead) {
        int halves = 0;
        lead[0] = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (halves >= 2 * LEAD_TOKENS && lead[0] == tokens.size()) {
                lead[0] = i;
            }
            halves += MinHash.isCharacterToken(tokens.get(i)) ? 1 : 2;
        }
        return halves / 2;
    }

    public int[] bands() {
        return MinHash.bands(minhash);
    }

    public boolean nearCandidate() {
        return tokens >= MIN_TOKENS_FOR_NEAR;
    }

    /** Same words, or a near copy (both long enough to tell). */
    public boolean sameStoryAs(String otherHash, int[] otherMinhash, int otherTokens) {
        if (contentHash.equals(otherHash)) {
            return true;
        }
        return nearCandidate() && otherTokens >= MIN_TOKENS_FOR_NEAR && otherMinhash != null
                && MinHash.similarity(minhash, otherMinhash) >= SAME_STORY_SIMILARITY;
    }

    public byte[] minhashBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(minhash.length * 4);
        buffer.asIntBuffer().put(minhash);
        return buffer.array();
    }

    public static int[] minhashOf(byte[] bytes) {
        if (bytes == null || bytes.length != MinHash.HASHES * 4) {
            return null;
        }
        int[] sig = new int[MinHash.HASHES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(sig);
        return sig;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
