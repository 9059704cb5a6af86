package io.bioalert.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus service under test at the shared real servers. Init arg {@code database} names the
 * service's own database; without it no datasource is configured (the classifier keeps no data).
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
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
        config.put("quarkus.mailer.host", infra.smtp().host());
        config.put("quarkus.mailer.port", String.valueOf(infra.smtp().port()));
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop when it exits.
    }
}
