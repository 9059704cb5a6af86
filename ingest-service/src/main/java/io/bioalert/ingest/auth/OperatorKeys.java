package io.bioalert.ingest.auth;

import io.bioalert.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** The operator keys this instance accepts, kept only as SHA-256 digests. */
@ApplicationScoped
public class OperatorKeys {

    private static final Logger LOG = Logger.getLogger(OperatorKeys.class);
    private static final int MIN_KEY_LENGTH = 16;

    private final List<byte[]> digests;

    @Inject
    OperatorKeys(IngestConfig config) {
        this(config.api().keyHashes().orElse(List.of()), config.api().key().orElse(null));
    }

    OperatorKeys(List<String> hexDigests, String clearKey) {
        List<byte[]> accepted = new ArrayList<>();
        for (String hex : hexDigests) {
            String trimmed = hex.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("bioalert.api.key-hashes: not a SHA-256 hex digest (64 hex digits): "
                        + trimmed.substring(0, Math.min(8, trimmed.length())) + "…");
            }
            accepted.add(HexFormat.of().parseHex(trimmed));
        }
        if (clearKey != null && !clearKey.isBlank()) {
            if (clearKey.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("bioalert.api.key: an operator key needs at least " + MIN_KEY_LENGTH + " characters");
            }
            accepted.add(sha256(clearKey.strip()));
        }
        this.digests = List.copyOf(accepted);
        if (digests.isEmpty()) {
            // Closed by default: an ingest that anyone may push to is worse than one nobody can.
            LOG.warn("no operator API key configured (INGEST_API_KEY_HASHES or INGEST_API_KEY): every /api call answers 401");
        }
    }

    /** Whether the key is one of ours; compares digests in constant time so timing tells nothing. */
    public boolean accepts(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(key);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, presented);
        }
        return match;
    }

    /** The hex digest to configure for a key, as {@code sha256sum} prints it. */
    public static String hexDigest(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
