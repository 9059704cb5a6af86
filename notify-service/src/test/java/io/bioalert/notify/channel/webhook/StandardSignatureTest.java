package io.bioalert.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification and its reference Java library compute them. */
class StandardSignatureTest {

    // The specification's published test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void reproducesTheSpecificationsTestVector() {
        assertThat(StandardSignature.sign(SECRET, ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsAsTheReferenceLibraryDoes() throws Exception {
        String body = "{\"title\": \"中国 NMPA 批准\"}";
        assertThat(StandardSignature.sign(SECRET, "d-1", 1_700_000_000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Webhook(SECRET).sign("d-1", 1_700_000_000L, body));
    }

    @Test
    void aHeaderOfTwoSecretsVerifiesWithEitherAndNotWithAThird() throws Exception {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        long now = System.currentTimeMillis() / 1000;
        String header = StandardSignature.header(List.of(other, SECRET), "d-2", now, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("d-2"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(SECRET).verify(BODY, headers);
        new Webhook(other).verify(BODY, headers);
        // Not zeros again: HMAC pads a key with zeros, so 24 and 32 zero bytes are the same key.
        byte[] thirdKey = new byte[24];
        java.util.Arrays.fill(thirdKey, (byte) 7);
        String third = "whsec_" + java.util.Base64.getEncoder().encodeToString(thirdKey);
        assertThatThrownBy(() -> new Webhook(third).verify(BODY, headers)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretOutsideTheStandardFormIsKeyedByItsBytesAsReceiversHandItToTheLibrary() throws Exception {
        String legacy = "test-secret-0123456789abcdef";
        long now = System.currentTimeMillis() / 1000;
        String header = StandardSignature.header(List.of(legacy), "d-3", now, BODY.getBytes(StandardCharsets.UTF_8));
        new Webhook(legacy.getBytes(StandardCharsets.UTF_8)).verify(BODY, Map.of("webhook-id", List.of("d-3"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header)));
    }

    @Test
    void theIdTheTimestampAndEveryByteOfTheBodyAreSigned() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signed = StandardSignature.sign(SECRET, ID, TIMESTAMP, body);
        assertThat(StandardSignature.sign(SECRET, ID + "x", TIMESTAMP, body)).isNotEqualTo(signed);
        assertThat(StandardSignature.sign(SECRET, ID, TIMESTAMP + 1, body)).isNotEqualTo(signed);
        assertThat(StandardSignature.sign(SECRET, ID, TIMESTAMP, (BODY + " ").getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signed);
    }
}
