package io.bioalert.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus service under test at the shared real servers. Init args:
 * <ul>
 * <li>{@code database} names the service's own database; without it no datasource is configured (the
 * classifier keeps no data);</li>
 * <li>{@code smtp}: {@code shared} for the JVM's shared GreenMail, {@code sink} for an {@link SmtpSink} in a
 * process of its own (benchmarks); without it no mailer is configured.</li>
 * </ul>
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    /** The SMTP sink process started for a benchmark, if any; there is one Quarkus app at a time. */
    private static volatile SmtpProcess smtpProcess;

    private String database;
    private String smtp;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        smtp = initArgs.get("smtp");
    }

    /** The SMTP sink process of the running app, when it was started with {@code smtp=sink}. */
    public static SmtpProcess smtpProcess() {
        if (smtpProcess == null) {
            throw new IllegalStateException("no SMTP sink process: start the test resource with smtp=sink");
        }
        return smtpProcess;
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.username", infra.postgres().user());
            config.put("quarkus.datasource.password", infra.postgres().password());
        }
        if ("shared".equals(smtp)) {
            config.put("quarkus.mailer.host", infra.smtp().host());
            config.put("quarkus.mailer.port", String.valueOf(infra.smtp().port()));
        } else if ("sink".equals(smtp)) {
            try {
                smtpProcess = SmtpProcess.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            config.put("quarkus.mailer.host", smtpProcess.host());
            config.put("quarkus.mailer.port", String.valueOf(smtpProcess.port()));
        }
        return config;
    }

    @Override
    public void stop() {
        // The shared servers serve every test class of this JVM and stop when it exits; a benchmark's own
        // SMTP process stops with its app.
        if (smtpProcess != null) {
            try {
                smtpProcess.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            smtpProcess = null;
        }
    }
}
