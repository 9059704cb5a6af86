package io.bioalert.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL from container images, for machines with a Docker engine. */
final class ContainerServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private ContainerServers() {
    }

    static Infrastructure start() {
        return withOwnClassLoader(ContainerServers::startContainers);
    }

    /**
     * Testcontainers finds its Docker strategies through the context class loader; under {@code @QuarkusTest}
     * that is Quarkus's own, which sees a second copy of the classes ("not a subtype"). Use ours.
     */
    static <T> T withOwnClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContainerServers.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Infrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES));
        PostgreSQLContainer postgresContainer = new PostgreSQLContainer(POSTGRES_IMAGE);
        kafka.start();
        postgresContainer.start();
        var admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setUrl(postgresContainer.getJdbcUrl());
        admin.setUser(postgresContainer.getUsername());
        admin.setPassword(postgresContainer.getPassword());
        PostgresServer postgres = PostgresServer.external(postgresContainer.getHost(),
                postgresContainer.getMappedPort(5432), postgresContainer.getUsername(),
                postgresContainer.getPassword(), admin);
        SmtpServer smtp = SmtpServer.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> Infrastructure.closeQuietly(smtp, postgresContainer::stop, kafka::stop)));
        return Infrastructure.of(kafka.getBootstrapServers(), postgres, smtp);
    }
}
