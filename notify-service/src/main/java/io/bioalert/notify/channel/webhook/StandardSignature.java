package io.bioalert.notify.channel.webhook;

import io.bioalert.notify.watchlist.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 (standardwebhooks.com): {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 * {@code webhook-signature}, which holds {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} once per secret in
 * force, separated by spaces; a receiver accepts the request when one of them verifies with its secret.
 */
public final class StandardSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String VERSION = "v1,";

    /** One Mac per thread: Mac.getInstance walks the security providers on every call. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private StandardSignature() {
    }

    /** {@code v1,<base64>} for one secret (either form, see {@link WebhookSecrets#key}). */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} value: one signature per secret, in the order given. */
    public static String header(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        StringBuilder value = new StringBuilder();
        for (String secret : secrets) {
            if (!value.isEmpty()) {
                value.append(' ');
            }
            value.append(sign(secret, id, timestampSeconds, body));
        }
        return value.toString();
    }
}
