package io.bioalert.notify.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of earlier releases, deprecated and sent for one more release beside {@link StandardSignature}:
 * HMAC-SHA256 over {@code timestamp + "." + body}, keyed with the current secret's UTF-8 bytes as they are:
 * header {@code X-BioAlert-Signature: v1=<hex>}, timestamp in {@code X-BioAlert-Timestamp} (Unix
 * seconds). Signing the timestamp lets a receiver refuse replays older than a few minutes. A receiver
 * recomputes the HMAC over the raw body bytes and compares in constant time ({@link #verify}).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-BioAlert-Signature";
    public static final String TIMESTAMP_HEADER = "X-BioAlert-Timestamp";
    public static final String DELIVERY_HEADER = "X-BioAlert-Delivery";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String VERSION = "v1=";

    /**
     * One Mac per thread: Mac.getInstance walks the security providers on every call, a visible cost at
     * thousands of signatures a second. init() with the destination's key resets it for each signature.
     */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        return sign(secret, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same over the body's bytes exactly as sent. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver does; here for the tests and as the reference for the docs. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
            long nowSeconds, long toleranceSeconds) {
        if (secret == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
    }
}
