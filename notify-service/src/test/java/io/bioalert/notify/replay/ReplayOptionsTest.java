package io.bioalert.notify.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayOptionsTest {

    @Test
    void filtersAreOptionalAndCombine() throws Exception {
        ReplayOptions all = ReplayOptions.parse(new String[0], null);
        assertThat(all.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(all.dryRun()).isFalse();
        assertThat(all.chooses("k", null, 0)).isTrue();

        ReplayOptions some = ReplayOptions.parse(new String[] {"--reason", "Connection REFUSED", "--since",
                "2026-12-01T00:00:00Z", "--limit", "5", "--dry-run"}, "kafka:9092");
        assertThat(some.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(some.limit()).isEqualTo(5);
        assertThat(some.dryRun()).isTrue();
        long after = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();
        assertThat(some.chooses("k", "recording failed: connection refused", after)).isTrue();
        assertThat(some.chooses("k", "not a classified announcement", after)).isFalse();
        assertThat(some.chooses("k", null, after)).isFalse();
        assertThat(some.chooses("k", "connection refused", Instant.parse("2026-11-30T00:00:00Z").toEpochMilli())).isFalse();
        assertThat(ReplayOptions.parse(new String[] {"--key", "u-1"}, null).chooses("u-2", "x", 0)).isFalse();
    }

    @Test
    void aCommandLineThatCannotBeRunSaysWhy() {
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--limit", "0"}, null)).hasMessageContaining("--limit");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--since", "yesterday"}, null)).hasMessageContaining("--since");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--reason"}, null)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--all"}, null)).hasMessageContaining("unknown argument --all");
    }
}
