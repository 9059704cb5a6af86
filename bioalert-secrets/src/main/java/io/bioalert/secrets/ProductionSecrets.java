package io.bioalert.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a production deployment may not run with: a secret that is blank, shorter than
 * {@value #MIN_LENGTH} characters, or one of the passwords every attacker tries first (among them the
 * services' own development default, {@code bioalert}). Plain Java; {@link ProductionProfileCheck} applies
 * it at start.
 */
public final class ProductionSecrets {

    /** Turns the check on: {@code BIOALERT_PROFILE=prod}. */
    public static final String PROFILE = "prod";
    public static final int MIN_LENGTH = 16;

    /** The development default of the services and the compose file's first version, and the usual suspects. */
    static final Set<String> DEFAULTS = Set.of("bioalert", "postgres", "password", "changeme", "change-me", "secret",
            "admin", "root", "test", "example", "default", "letmein", "123456", "12345678", "bioalert-password");

    private ProductionSecrets() {
    }

    public static boolean isProduction(String profile) {
        return profile != null && PROFILE.equals(profile.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * One line per secret that may not be used, naming the variable that sets it, never its value.
     *
     * @param secrets the variable an operator sets (e.g. {@code DB_PASSWORD}) to its value, null when unset
     */
    public static List<String> problems(Map<String, String> secrets) {
        List<String> problems = new ArrayList<>();
        secrets.forEach((variable, value) -> {
            if (value == null || value.isBlank()) {
                problems.add(variable + " is not set");
            } else if (DEFAULTS.contains(value.strip().toLowerCase(Locale.ROOT))) {
                problems.add(variable + " is a default password");
            } else if (value.strip().length() < MIN_LENGTH) {
                problems.add(variable + " is shorter than " + MIN_LENGTH + " characters");
            }
        });
        problems.sort(null);
        return problems;
    }
}
