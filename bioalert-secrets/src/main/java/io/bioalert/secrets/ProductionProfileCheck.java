package io.bioalert.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * With {@code BIOALERT_PROFILE=prod} (config {@code bioalert.profile}) a service refuses to start on a
 * blank, default or short database password: the exception ends the start, and Quarkus exits with its
 * message. Without the profile nothing is checked, so local runs and tests keep their defaults.
 */
@ApplicationScoped
public class ProductionProfileCheck {

    /** The settings checked, each under the environment variable an operator sets it with. */
    private static final Map<String, String> SECRETS = Map.of("quarkus.datasource.password", "DB_PASSWORD");

    private final Config config;

    ProductionProfileCheck(Config config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!ProductionSecrets.isProduction(config.getOptionalValue("bioalert.profile", String.class).orElse(null))) {
            return;
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        SECRETS.forEach((property, variable) -> secrets.put(variable,
                config.getOptionalValue(property, String.class).orElse(null)));
        List<String> problems = ProductionSecrets.problems(secrets);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("BIOALERT_PROFILE=prod refuses to start: " + String.join("; ", problems)
                    + ". Set a random password of at least " + ProductionSecrets.MIN_LENGTH
                    + " characters (bin/compose-env writes one to .env).");
        }
    }
}
