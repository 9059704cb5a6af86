package io.bioalert.notify.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.delivery.SendOutcome;
import io.vertx.ext.mail.SMTPException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which SMTP refusals disable an email destination, fail one mail, or are retried. */
class SmtpJudgementTest {

    private static SendOutcome.Kind judge(String stage, int code, String reply) {
        return EmailSender.judge(new SMTPException(stage, code, List.of(code + " " + reply), true)).kind();
    }

    @Test
    void onlyTheRecipientsServerSayingTheAddressIsGoneDisables() {
        assertThat(judge("recipient address not accepted", 550, "5.1.1 <ann@example.org>: User unknown")).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(judge("recipient address not accepted", 550, "5.2.1 mailbox disabled")).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(judge("recipient address not accepted", 553, "mailbox name not allowed")).isEqualTo(SendOutcome.Kind.DISABLE);
        assertThat(judge("recipient address not accepted", 551, "user not local")).isEqualTo(SendOutcome.Kind.DISABLE);
    }

    @Test
    void contentPolicyRelayAndSenderRefusalsFailOneMailOnly() {
        assertThat(judge("sending data failed", 554, "5.7.1 Message rejected as spam")).isEqualTo(SendOutcome.Kind.FAILED);
        assertThat(judge("recipient address not accepted", 550, "5.7.1 Relaying denied")).isEqualTo(SendOutcome.Kind.FAILED);
        assertThat(judge("recipient address not accepted", 550, "Relaying denied")).isEqualTo(SendOutcome.Kind.FAILED);
        assertThat(judge("recipient address not accepted", 554, "5.1.1 relay access denied")).isEqualTo(SendOutcome.Kind.FAILED);
        assertThat(judge("sender address not accepted", 550, "5.1.0 sender rejected")).isEqualTo(SendOutcome.Kind.FAILED);
    }

    @Test
    void transientRefusalsAndConnectionTroubleAreRetriedWhateverDigitsTheyCarry() {
        assertThat(judge("recipient address not accepted", 450, "4.2.0 greylisted, try again")).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(EmailSender.judge(new IOException("connection reset after 550 bytes")).kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(EmailSender.judge(new RuntimeException("wrapped", new SMTPException("recipient address not accepted", 550,
                List.of("550 5.1.1 unknown"), true))).kind()).isEqualTo(SendOutcome.Kind.DISABLE);
    }
}
