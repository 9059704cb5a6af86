package io.bioalert.notify.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    private static final String OLD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aGeneratedSecretIsTheStandardFormOf32RandomBytes() {
        String a = WebhookSecrets.generate();
        String b = WebhookSecrets.generate();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        byte[] key = Base64.getDecoder().decode(a.substring("whsec_".length()));
        assertThat(key).hasSize(32);
        assertThat(WebhookSecrets.key(a)).isEqualTo(key);
        assertThat(WebhookSecrets.problem(a)).isNull();
    }

    @Test
    void aStoredSingleSecretReadsBackAsItIs() {
        WebhookSecrets s = WebhookSecrets.parse("test-secret-0123456789abcdef");
        assertThat(s.current()).isEqualTo("test-secret-0123456789abcdef");
        assertThat(s.previous()).isNull();
        assertThat(s.stored()).isEqualTo("test-secret-0123456789abcdef");
        assertThat(s.inForce(T0)).containsExactly("test-secret-0123456789abcdef");
        assertThat(WebhookSecrets.parse(null)).isNull();
    }

    @Test
    void aRotationKeepsTheReplacedSecretSigningFor24HoursThenOnlyTheNewOne() {
        String fresh = WebhookSecrets.generate();
        WebhookSecrets rotated = WebhookSecrets.of(OLD).rotate(fresh, T0);
        WebhookSecrets read = WebhookSecrets.parse(rotated.stored());

        assertThat(read).isEqualTo(rotated);
        assertThat(read.previousUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(read.inForce(T0)).containsExactly(fresh, OLD);
        assertThat(read.inForce(T0.plus(Duration.ofHours(24)).minusSeconds(1))).containsExactly(fresh, OLD);
        assertThat(read.inForce(T0.plus(Duration.ofHours(24)))).containsExactly(fresh);
        assertThat(read.previousValidUntil(T0)).isEqualTo(T0.plus(WebhookSecrets.OVERLAP));
        assertThat(read.previousValidUntil(T0.plus(Duration.ofDays(2)))).isNull();
    }

    @Test
    void theOverlapEndsOnAWholeSecondSoThatTheStoredValueSaysTheSame() {
        WebhookSecrets rotated = WebhookSecrets.of(OLD).rotate("whsec_" + "A".repeat(32), T0.plusMillis(962));
        assertThat(rotated.previousUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(WebhookSecrets.parse(rotated.stored())).isEqualTo(rotated);
    }

    @Test
    void aSecondRotationWithinTheOverlapDropsTheOldestSecretAtOnce() {
        WebhookSecrets once = WebhookSecrets.of(OLD).rotate("whsec_" + "A".repeat(32), T0);
        WebhookSecrets twice = once.rotate("whsec_" + "B".repeat(32), T0.plus(Duration.ofHours(1)));
        assertThat(twice.inForce(T0.plus(Duration.ofHours(2)))).containsExactly("whsec_" + "B".repeat(32), "whsec_" + "A".repeat(32));
        assertThat(twice.previousUntil()).isEqualTo(T0.plus(Duration.ofHours(25)));
    }

    @Test
    void aValueThatIsNotARotationsThreeLinesIsOneSecret() {
        assertThat(WebhookSecrets.parse("a\nb\nnot-a-number").current()).isEqualTo("a\nb\nnot-a-number");
        assertThat(WebhookSecrets.parse("a\nb").current()).isEqualTo("a\nb");
        assertThat(WebhookSecrets.parse("a\nb\n1\n2").current()).isEqualTo("a\nb\n1\n2");
    }

    @Test
    void aPreviousSecretComesWithItsEnd() {
        assertThatThrownBy(() -> new WebhookSecrets("a", "b", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecrets(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreTheDecodedBytesOfTheStandardFormElseTheUtf8Bytes() {
        assertThat(WebhookSecrets.key(OLD)).isEqualTo(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThat(WebhookSecrets.key("test-secret-0123456789abcdef"))
                .isEqualTo("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        // What this service generated before: whsec_ and URL-safe base64, which standard base64 cannot read.
        String urlSafe = "whsec_ab-cd_efghijklmnopqrstuvwxyz0123456789ABCDEFG";
        assertThat(WebhookSecrets.key(urlSafe)).isEqualTo(urlSafe.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGivenSecretIsRefusedWithTheReason() {
        assertThat(WebhookSecrets.problem("test-secret-0123456789abcdef")).isNull();
        assertThat(WebhookSecrets.problem(OLD)).isNull();
        assertThat(WebhookSecrets.problem("whsec_c2hvcnQ=")).contains("base64 of 24 to 64 bytes");
        assertThat(WebhookSecrets.problem("whsec_not base64 at all!!")).contains("base64 of 24 to 64 bytes");
        assertThat(WebhookSecrets.problem("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
                .contains("24 to 64");
        assertThat(WebhookSecrets.problem("line\nbreak-0123456789")).contains("control characters");
    }
}
