package io.bioalert.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    @Test
    void onlyTheProdProfileIsChecked() {
        assertThat(ProductionSecrets.isProduction("prod")).isTrue();
        assertThat(ProductionSecrets.isProduction(" PROD ")).isTrue();
        assertThat(ProductionSecrets.isProduction(null)).isFalse();
        assertThat(ProductionSecrets.isProduction("")).isFalse();
        assertThat(ProductionSecrets.isProduction("dev")).isFalse();
    }

    @Test
    void blankDefaultAndShortPasswordsAreRefusedByTheirVariableNeverTheirValue() {
        assertThat(ProductionSecrets.problems(Map.of("DB_PASSWORD", "bioalert"))).containsExactly("DB_PASSWORD is a default password");
        assertThat(ProductionSecrets.problems(Map.of("DB_PASSWORD", " Postgres "))).containsExactly("DB_PASSWORD is a default password");
        assertThat(ProductionSecrets.problems(Map.of("DB_PASSWORD", "  "))).containsExactly("DB_PASSWORD is not set");
        Map<String, String> unset = new HashMap<>();
        unset.put("DB_PASSWORD", null);
        assertThat(ProductionSecrets.problems(unset)).containsExactly("DB_PASSWORD is not set");
        assertThat(ProductionSecrets.problems(Map.of("DB_PASSWORD", "Tr0ub4dor&3")))
                .containsExactly("DB_PASSWORD is shorter than 16 characters")
                .allSatisfy(line -> assertThat(line).doesNotContain("Tr0ub4dor"));
    }

    @Test
    void aRandomPasswordPasses() {
        assertThat(ProductionSecrets.problems(Map.of("DB_PASSWORD", "3f9c1e7a0b6d4c2e8a5f1b3d7c9e0a2f"))).isEmpty();
    }
}
