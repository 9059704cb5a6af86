package io.bioalert.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PolitenessGateTest {

    @Test
    void requestsToOneHostAreSpacedAndOtherHostsAreNotHeldUp() {
        Clock fixed = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        PolitenessGate gate = new PolitenessGate(Duration.ofSeconds(2), fixed);

        assertThat(gate.reserve("news.example.com")).isZero();
        assertThat(gate.reserve("NEWS.example.com")).isEqualTo(Duration.ofSeconds(2));
        assertThat(gate.reserve("news.example.com")).isEqualTo(Duration.ofSeconds(4));
        assertThat(gate.reserve("other.example.org")).isZero();
    }

    @Test
    void aSlotInThePastIsNotCarriedOver() {
        Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        PolitenessGate gate = new PolitenessGate(Duration.ofSeconds(2), moving);
        gate.reserve("a.example");
        now[0] = now[0].plusSeconds(10);
        assertThat(gate.reserve("a.example")).isZero();
    }
}
