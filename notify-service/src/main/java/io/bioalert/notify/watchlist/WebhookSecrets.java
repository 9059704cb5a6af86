package io.bioalert.notify.watchlist;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * The signing secrets of a generic webhook: the current one and, for {@link #OVERLAP} after a rotation, the one
 * it replaced, so that a receiver can switch to the new secret without losing a request meanwhile.
 *
 * <p>Both live in the destination's {@code secret} column (see migration V8), written {@code current}, or
 * {@code current\nprevious\n<unix seconds the previous one stops>}: the claim of a delivery already reads that
 * column, so a send learns both secrets without a second query.
 *
 * <p>Two forms of secret are accepted. The Standard Webhooks form, {@code whsec_} and the base64 of 24 to 64
 * random bytes, keys the HMAC with the decoded bytes; new destinations get one of 32 bytes. A secret stored before
 * (any string of 16 to 200 characters; the generated ones were {@code whsec_} and URL-safe base64) is kept as it
 * is: when what follows {@code whsec_} decodes as standard base64 it keys the HMAC with those bytes, as the
 * reference libraries do with it, otherwise with the string's UTF-8 bytes.
 */
public record WebhookSecrets(String current, String previous, Instant previousUntil) {

    /** How long a replaced secret still signs. */
    public static final Duration OVERLAP = Duration.ofHours(24);

    public static final String PREFIX = "whsec_";
    static final int KEY_BYTES = 32;
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecrets {
        if (current == null) {
            throw new IllegalArgumentException("a webhook has a current secret");
        }
        if ((previous == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret comes with the time it stops");
        }
    }

    public static WebhookSecrets of(String current) {
        return new WebhookSecrets(current, null, null);
    }

    /** A new Standard Webhooks secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The column's value read back; a value that is not a rotation's three lines is one secret. */
    public static WebhookSecrets parse(String stored) {
        if (stored == null) {
            return null;
        }
        int first = stored.indexOf('\n');
        int second = first < 0 ? -1 : stored.indexOf('\n', first + 1);
        if (second < 0 || stored.indexOf('\n', second + 1) >= 0) {
            return of(stored);
        }
        String until = stored.substring(second + 1);
        if (until.isEmpty() || until.length() > 18 || !until.chars().allMatch(Character::isDigit)) {
            return of(stored);
        }
        return new WebhookSecrets(stored.substring(0, first), stored.substring(first + 1, second),
                Instant.ofEpochSecond(Long.parseLong(until)));
    }

    /** What goes into the column. */
    public String stored() {
        return previous == null ? current : current + "\n" + previous + "\n" + previousUntil.getEpochSecond();
    }

    /**
     * {@code next} becomes the current secret; the current one keeps signing until {@link #OVERLAP} after
     * {@code now}, counted from the whole second (the column keeps seconds).
     */
    public WebhookSecrets rotate(String next, Instant now) {
        return new WebhookSecrets(next, current, now.truncatedTo(ChronoUnit.SECONDS).plus(OVERLAP));
    }

    /** The secrets that sign a request sent at {@code now}: the current one first. */
    public List<String> inForce(Instant now) {
        return previous != null && now.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
    }

    /** When the previous secret stops signing, or null when there is none (or it already stopped at {@code now}). */
    public Instant previousValidUntil(Instant now) {
        return previous != null && now.isBefore(previousUntil) ? previousUntil : null;
    }

    /** The HMAC key of a secret: the decoded bytes of the Standard Webhooks form, else the string's UTF-8 bytes. */
    public static byte[] key(String secret) {
        byte[] decoded = standardKey(secret);
        return decoded != null ? decoded : secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why a secret a subscriber gives cannot be used, or null when it can: one that starts with {@code whsec_}
     * must be in the Standard Webhooks form; no secret may hold line breaks or other control characters.
     */
    public static String problem(String secret) {
        if (secret.chars().anyMatch(Character::isISOControl)) {
            return "must not contain line breaks or other control characters";
        }
        byte[] key = standardKey(secret);
        if (secret.startsWith(PREFIX) && (key == null || key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES)) {
            return "a secret starting with " + PREFIX + " must continue with the base64 of " + MIN_KEY_BYTES + " to "
                    + MAX_KEY_BYTES + " bytes";
        }
        return null;
    }

    /**
     * The key of a {@code whsec_} secret, or null when the rest is not base64: decoded as the reference libraries
     * decode it, so that a receiver that hands them the secret as it is computes the same key.
     */
    private static byte[] standardKey(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
