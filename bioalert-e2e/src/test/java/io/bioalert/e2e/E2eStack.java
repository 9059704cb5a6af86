package io.bioalert.e2e;

import io.bioalert.testkit.HttpSink;
import io.bioalert.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole system for the end-to-end tests: the shared real servers, a webhook receiver, and the three
 * services as separate processes configured only by environment variables. Started once per test JVM.
 */
final class E2eStack {

    private static E2eStack shared;

    final Infrastructure infra = Infrastructure.shared();
    final HttpSink webhooks = HttpSink.start();
    final Map<String, String> env = new HashMap<>();
    /** The operator key every call to ingest's API sends; ingest is given only its digest, as in production. */
    final String ingestKey = newKey();
    final ServiceProcess ingest;
    final ServiceProcess classifier;
    ServiceProcess notify;

    private E2eStack() {
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("INGEST_DB_URL", infra.postgres().jdbcUrl("e2e_ingest"));
        env.put("NOTIFY_DB_URL", infra.postgres().jdbcUrl("e2e_notify"));
        env.put("DB_USER", infra.postgres().user());
        env.put("DB_PASSWORD", infra.postgres().password());
        env.put("SMTP_HOST", infra.smtp().host());
        env.put("SMTP_PORT", String.valueOf(infra.smtp().port()));
        env.put("BIOALERT_WEBHOOK_ALLOW_HOSTS", "127.0.0.1,localhost");
        // EndToEndBench sends 2,000 alerts a second to one webhook: above the 60,000 a minute a destination may ask by default.
        env.put("BIOALERT_QUOTA_MAX_RATE_PER_MINUTE", "600000");
        // Every test and bench signs its subscribers up from this one address.
        env.put("BIOALERT_QUOTA_SIGN_UPS_PER_CLIENT", "1000/1h");
        env.put("BIOALERT_FETCH_ALLOW_HOSTS", "127.0.0.1,localhost"); // the tests serve feeds from loopback
        env.put("INGEST_API_KEY_HASHES", sha256Hex(ingestKey));
        env.put("BIOALERT_CALENDAR_CHECK_EVERY", "1s"); // reminders and date changes looked for every second
        ingest = new ServiceProcess("ingest-service", env).start();
        classifier = new ServiceProcess("classifier-service", env).start();
        notify = new ServiceProcess("notify-service", env).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    static synchronized E2eStack get() {
        if (shared == null) {
            shared = new E2eStack();
        } else if (!shared.notify.isAlive()) {
            shared.replaceNotify(); // a test that killed it did not get to start it again
        }
        return shared;
    }

    List<ServiceProcess> services() {
        return List.of(ingest, classifier, notify);
    }

    /** A fresh notify-service process on the same database and consumer group, as after a crash. */
    void replaceNotify() {
        notify = new ServiceProcess("notify-service", env).start();
    }

    /**
     * A fresh notify-service process with these variables on top of the stack's, e.g. the calendar clock
     * ({@code BIOALERT_TEST_CLOCK}); with none, notify as the stack started it.
     */
    void restartNotify(Map<String, String> extra) {
        notify.close();
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extra);
        notify = new ServiceProcess("notify-service", e).start();
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        notify.close();
        classifier.close();
        ingest.close();
        webhooks.close();
    }
}
