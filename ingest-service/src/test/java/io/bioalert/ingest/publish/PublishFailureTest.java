package io.bioalert.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailureTest {

    @Test
    void aRecordRefusedForItselfIsPoisonWhereverItIsWrapped() {
        PublishFailure tooLarge = PublishFailure.of(new CompletionException(new RecordTooLargeException("The message is 9 MB")));
        assertThat(tooLarge.poison()).isTrue();
        assertThat(tooLarge.reason()).isEqualTo("RecordTooLargeException: The message is 9 MB");
        assertThat(PublishFailure.of(new InvalidRecordException("compacted topic needs a key")).poison()).isTrue();
    }

    @Test
    void whatConcernsEveryRecordIsRetriedNotPoison() {
        // An outage or a refused topic would otherwise mark every row poisoned.
        assertThat(PublishFailure.of(new TimeoutException("Expiring 1 record(s)")).poison()).isFalse();
        assertThat(PublishFailure.of(new NotLeaderOrFollowerException("moved")).poison()).isFalse();
        assertThat(PublishFailure.of(new TopicAuthorizationException("announcements.raw")).poison()).isFalse();
        assertThat(PublishFailure.of(new IllegalStateException("database down")).poison()).isFalse();
    }

    @Test
    void aLongReasonIsCut() {
        assertThat(PublishFailure.of(new RecordTooLargeException("x".repeat(5000))).reason()).hasSize(1000);
    }
}
