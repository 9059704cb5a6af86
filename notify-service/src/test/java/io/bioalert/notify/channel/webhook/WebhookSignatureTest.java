package io.bioalert.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test_0123456789";
    private static final String BODY = "{\"type\":\"alert\",\"deliveryId\":\"d1\"}";

    @Test
    void knownVectorSoReceiversInOtherLanguagesCanCheckTheirCode() {
        // printf '%s' '1700000000.{"type":"alert","deliveryId":"d1"}' | openssl dgst -sha256 -hmac whsec_test_0123456789
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("v1=" + hmacHex("1700000000." + BODY));
    }

    @Test
    void verifiesOnlyTheSameSecretBodyAndTimestampWithinTolerance() {
        long ts = 1_700_000_000L;
        String sig = WebhookSignature.sign(SECRET, ts, BODY);
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, sig, ts + 10, 300)).isTrue();
        assertThat(WebhookSignature.verify("other-secret-0123456789", "1700000000", BODY, sig, ts, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY + " ", sig, ts, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000001", BODY, sig, ts, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, sig, ts + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "not-a-number", BODY, sig, ts, 300)).isFalse();
    }

    private static String hmacHex(String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
