package io.bioalert.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorKeysTest {

    @Test
    void acceptsTheKeysWhoseDigestIsConfigured() {
        // printf %s 'first-operator-key' | sha256sum
        OperatorKeys keys = new OperatorKeys(List.of(OperatorKeys.hexDigest("first-operator-key").toUpperCase(), " "),
                "second-operator-key");
        assertThat(keys.accepts("first-operator-key")).isTrue();
        assertThat(keys.accepts("second-operator-key")).isTrue();
        assertThat(keys.accepts("first-operator-key ")).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void withoutKeysNothingIsAccepted() {
        OperatorKeys keys = new OperatorKeys(List.of(), null);
        assertThat(keys.accepts("anything-at-all-here")).isFalse();
    }

    @Test
    void aDigestIsAsSha256sumPrintsIt() {
        assertThat(OperatorKeys.hexDigest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesWhatCannotBeAKey() {
        assertThatThrownBy(() -> new OperatorKeys(List.of("abc"), null)).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new OperatorKeys(List.of(), "short")).hasMessageContaining("16");
    }
}
