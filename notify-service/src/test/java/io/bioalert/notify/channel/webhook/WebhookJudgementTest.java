package io.bioalert.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.channel.http.HttpTransport;
import io.bioalert.notify.delivery.SendOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A receiver's answer is judged by its status; what it said is never passed on (no response oracle). */
class WebhookJudgementTest {

    @Test
    void onlyTheStatusOfARefusedReplyIsKept() {
        SendOutcome busy = WebhookSender.judge(new HttpTransport.Answer(503, null, "down for maintenance"));
        assertThat(busy.kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(busy.detail()).isEqualTo("HTTP 503");
        SendOutcome refused = WebhookSender.judge(new HttpTransport.Answer(403, null, "{\"AccessKeyId\": \"ASIA...\"}"));
        assertThat(refused.kind()).isEqualTo(SendOutcome.Kind.FAILED);
        assertThat(refused.detail()).isEqualTo("HTTP 403");
    }

    @Test
    void aHugeRetryAfterIsADayAtMost() {
        SendOutcome later = WebhookSender.judge(new HttpTransport.Answer(429, "99999999999999999999", ""));
        assertThat(later.retryAfter()).isEqualTo(Duration.ofDays(1));
    }
}
