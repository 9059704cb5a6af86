package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.Infrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code BIOALERT_PROFILE=prod} with a default database password: ingest and notify, started from their
 * jars as docker-compose starts them, exit with a message naming the variable. The embedded PostgreSQL's
 * password is the stock {@code postgres}, so the database accepts them and the refusal is the check's own.
 */
class ProductionProfileIT {

    @Test
    void ingestAndNotifyRefuseToStartWithADefaultPassword() throws Exception {
        Infrastructure infra = Infrastructure.shared();
        Map<String, String> env = new HashMap<>();
        env.put("BIOALERT_PROFILE", "prod");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("INGEST_DB_URL", infra.postgres().jdbcUrl("prod_check_ingest"));
        env.put("NOTIFY_DB_URL", infra.postgres().jdbcUrl("prod_check_notify"));
        env.put("DB_USER", infra.postgres().user());
        env.put("DB_PASSWORD", infra.postgres().password());
        env.put("SMTP_HOST", infra.smtp().host());
        env.put("SMTP_PORT", String.valueOf(infra.smtp().port()));
        env.put("INGEST_API_KEY", "an-operator-key-for-the-production-check");
        assertThat(infra.postgres().password()).isEqualTo("postgres");

        for (String module : new String[] {"ingest-service", "notify-service"}) {
            ServiceProcess service = new ServiceProcess(module, env, module + "-prod-check");
            assertThat(service.exitCode(Duration.ofSeconds(120))).as(module + " exit code").isNotZero();
            assertThat(service.log()).as(module + " log")
                    .contains("BIOALERT_PROFILE=prod refuses to start: DB_PASSWORD is a default password")
                    .doesNotContain("Listening on");
        }
    }
}
