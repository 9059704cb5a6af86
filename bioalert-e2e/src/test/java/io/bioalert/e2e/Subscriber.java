package io.bioalert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A subscriber of the end-to-end stack: signs up, confirms its address through the opt-in mail, reads its alerts. */
final class Subscriber {
    final String email;
    final String token;
    private final E2eStack stack;

    private Subscriber(E2eStack stack, String email, String token) {
        this.stack = stack;
        this.email = email;
        this.token = token;
    }

    static Subscriber signUp(E2eStack stack, String email) {
        String token = Api.post(stack.notify.url("/api/subscribers"), null,
                "{\"email\": \"" + email + "\", \"name\": \"Analyst\"}", 201).path("token").asText();
        return new Subscriber(stack, email, token);
    }

    /** Follows the link of the opt-in mail, as the person would; alerts by mail go out only after it. */
    void confirmEmail() throws Exception {
        MimeMessage optIn = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                        stack.infra.smtp().receivedMessages())
                .filter(m -> recipient(m).equals(email) && header(m, "X-BioAlert-Confirm-Url") != null)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        String confirmUrl = header(optIn, "X-BioAlert-Confirm-Url");
        assertThat(confirmUrl).contains("/confirm/");
        // The link in the mail points at the public URL; the same path on this notify process confirms it.
        String path = confirmUrl.substring(confirmUrl.indexOf("/api/"));
        Api.post(stack.notify.url(path), null, null, 200);
    }

    List<MimeMessage> alerts() {
        return Arrays.stream(stack.infra.smtp().receivedMessages())
                .filter(m -> recipient(m).equals(email))
                .filter(m -> header(m, "X-BioAlert-Delivery") != null)
                .toList();
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            return null;
        }
    }
}
