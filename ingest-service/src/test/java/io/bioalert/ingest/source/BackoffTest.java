package io.bioalert.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void intervalDoublesPerFailureUpToTheCap() {
        Duration interval = Duration.ofMinutes(15);
        Duration cap = Duration.ofHours(6);
        assertThat(SourceService.backoff(interval, 1, cap)).isEqualTo(Duration.ofMinutes(30));
        assertThat(SourceService.backoff(interval, 3, cap)).isEqualTo(Duration.ofHours(2));
        assertThat(SourceService.backoff(interval, 5, cap)).isEqualTo(cap);
        assertThat(SourceService.backoff(interval, 500, cap)).isEqualTo(cap);
    }

    @Test
    void aSourcePolledLessOftenThanTheCapKeepsItsInterval() {
        assertThat(SourceService.backoff(Duration.ofDays(1), 3, Duration.ofHours(6))).isEqualTo(Duration.ofDays(1));
    }
}
