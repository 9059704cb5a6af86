package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SendOutcomeTest {

    @Test
    void aFailureAfterTheRequestWentOutIsARetryWhoseAnswerWasLost() {
        SendOutcome timedOut = SendOutcome.broke("Slack unreachable: ",
                new CompletionException(new AnswerLost.Timeout("no answer within 10000 ms")));
        assertThat(timedOut.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(timedOut.answerLost()).isTrue();
        assertThat(timedOut.detail()).startsWith("Slack unreachable: ").contains("no answer within 10000 ms");

        SendOutcome closed = SendOutcome.broke("x: ",
                new CompletionException(new AnswerLost.Broken(new IOException("Connection was closed"))));
        assertThat(closed.answerLost()).isTrue();
        assertThat(closed.detail()).contains("Connection was closed");
    }

    @Test
    void aFailureBeforeAnythingWasWrittenIsAPlainRetry() {
        SendOutcome refused = SendOutcome.broke("Slack unreachable: ",
                new CompletionException(new ConnectException("Connection refused")));
        assertThat(refused.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(refused.answerLost()).isFalse();
        assertThat(SendOutcome.broke("", new TimeoutException("connect timed out")).answerLost()).isFalse();
    }

    @Test
    void theUsualOutcomesNeverSayTheAnswerWasLost() {
        assertThat(SendOutcome.retry("HTTP 503", null).answerLost()).isFalse();
        assertThat(SendOutcome.sent("ok").answerLost()).isFalse();
        assertThat(SendOutcome.failed("HTTP 400").answerLost()).isFalse();
        assertThat(SendOutcome.disable("gone").answerLost()).isFalse();
    }

    @Test
    void aLostAnswerTimeoutIsStillATimeout() {
        assertThat(new AnswerLost.Timeout("t")).isInstanceOf(TimeoutException.class);
        assertThat(AnswerLost.in(new RuntimeException(new RuntimeException(new AnswerLost.Timeout("deep"))))).isTrue();
        assertThat(AnswerLost.in(null)).isFalse();
    }
}
