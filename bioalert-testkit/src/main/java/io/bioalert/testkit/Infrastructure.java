package io.bioalert.testkit;

import java.util.List;
import java.util.Locale;

/**
 * The real servers one test JVM shares: one Kafka broker, one PostgreSQL server (a database per
 * service), one SMTP server. Started on first use, stopped when the JVM exits.
 *
 * <p>The system property {@code bioalert.infra} picks where Kafka and PostgreSQL come from:
 * {@code local} (default: in-JVM broker and embedded PostgreSQL binaries, no Docker needed) or
 * {@code containers} (Testcontainers images, needs a Docker engine; see {@link RealInfrastructure}).
 */
public final class Infrastructure {

    public static final String MODE_PROPERTY = "bioalert.infra";
    public static final List<String> TOPICS = List.of(
            "announcements.raw", "announcements.raw.dlq",
            "announcements.classified", "announcements.classified.dlq");

    private static Infrastructure shared;

    private final String kafkaBootstrapServers;
    private final PostgresServer postgres;
    private final SmtpServer smtp;

    private Infrastructure(String kafkaBootstrapServers, PostgresServer postgres, SmtpServer smtp) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.smtp = smtp;
    }

    public static boolean containersMode() {
        return "containers".equals(System.getProperty(MODE_PROPERTY, "local").toLowerCase(Locale.ROOT));
    }

    public static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = containersMode() ? ContainerServers.start() : startLocal();
            EmbeddedKafka.createTopics(shared.kafkaBootstrapServers, partitions(), TOPICS);
        }
        return shared;
    }

    /** Partitions of each of the services' topics: 3, or the system property {@code bioalert.kafka.partitions}. */
    public static int partitions() {
        return Integer.getInteger("bioalert.kafka.partitions", 3);
    }

    private static Infrastructure startLocal() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        PostgresServer postgres = PostgresServer.startEmbedded(0);
        SmtpServer smtp = SmtpServer.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(smtp, postgres, kafka)));
        return new Infrastructure(kafka.bootstrapServers(), postgres, smtp);
    }

    static Infrastructure of(String kafkaBootstrapServers, PostgresServer postgres, SmtpServer smtp) {
        return new Infrastructure(kafkaBootstrapServers, postgres, smtp);
    }

    static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is exiting; nothing left to do with the error
            }
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public SmtpServer smtp() {
        return smtp;
    }
}
