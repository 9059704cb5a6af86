package io.bioalert.notify.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bioalert.notify.channel.TestJobs;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The email sender against a real SMTP server: what the mail says and the headers that identify it. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class EmailSenderTest {

    @Inject
    EmailSender sender;

    private static String address() {
        return "mail-" + UUID.randomUUID() + "@example.org";
    }

    private static DeliveryJob withToken(DeliveryJob job) {
        return job.withUnsubscribeToken("u_" + job.deliveryId());
    }

    private static MimeMessage mailTo(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !received(address).isEmpty());
        List<MimeMessage> mails = received(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(Infrastructure.shared().smtp().receivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String header(MimeMessage m, String name) throws Exception {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    /** The text part and the HTML part, in that order. */
    private static List<String> parts(MimeMessage m) throws Exception {
        Multipart alternative = (Multipart) m.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        return List.of((String) text.getContent(), (String) html.getContent());
    }

    @Test
    void anAlertMailIsIdentifiedByItsDeliveryAndOffersOneClickUnsubscribe() throws Exception {
        String to = address();
        DeliveryJob job = withToken(TestJobs.alert(Destination.Type.EMAIL, to, null, TestAnnouncements.her2Btd("EM-1")));

        SendOutcome outcome = sender.send(job).get(10, TimeUnit.SECONDS);

        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.SENT);
        MimeMessage mail = mailTo(to);
        assertThat(mail.getSubject()).isEqualTo("[BioAlert] EM-1: Breakthrough Therapy (FDA)");
        assertThat(header(mail, "Message-ID")).isEqualTo("<" + job.deliveryId() + "@bioalert>");
        assertThat(header(mail, "X-BioAlert-Delivery")).isEqualTo(job.deliveryId().toString());
        assertThat(header(mail, "List-Unsubscribe")).startsWith("<http").endsWith("/api/unsubscribe/u_" + job.deliveryId() + ">");
        assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        List<String> parts = parts(mail);
        assertThat(parts.get(0)).contains("EM-1 granted Breakthrough Therapy Designation by FDA")
                .contains("\"biparatopic HER2-targeting\"").contains("Why this matched your watchlist \"HER2 ADC\"")
                .contains("/api/unsubscribe/u_" + job.deliveryId());
        assertThat(parts.get(1)).contains("biparatopic HER2-targeting").contains("/api/unsubscribe/u_" + job.deliveryId());
    }

    @Test
    void markupInAStoryIsEscapedInTheHtmlPart() throws Exception {
        String to = address();
        DeliveryJob job = withToken(TestJobs.alert(Destination.Type.EMAIL, to, null,
                TestAnnouncements.her2Btd("<script>alert(1)</script>")));

        sender.send(job).get(10, TimeUnit.SECONDS);

        String html = parts(mailTo(to)).get(1);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aMailIsNeverSentWithoutItsUnsubscribeLink() {
        String to = address();
        DeliveryJob job = TestJobs.alert(Destination.Type.EMAIL, to, null, TestAnnouncements.her2Btd("EM-2"));
        assertThatThrownBy(() -> sender.send(job)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no unsubscribe link");
        assertThat(received(to)).isEmpty();
    }

    @Test
    void aNoticeSubjectWithALineBreakStaysOneHeader() throws Exception {
        String to = address();
        Notice notice = new Notice("catalyst_reminder", "In 7 days: EM-3 PDUFA date\r\nBcc: someone@example.org",
                List.of("The FDA decision on EM-3 is due on 2027-12-12."), "https://news.example.org/em-3",
                TestJobs.JSON.createObjectNode());
        DeliveryJob job = withToken(TestJobs.notice(Destination.Type.EMAIL, to, null, notice));

        sender.sendNotice(job).get(10, TimeUnit.SECONDS);

        MimeMessage mail = mailTo(to);
        assertThat(mail.getSubject()).isEqualTo("[BioAlert] In 7 days: EM-3 PDUFA date Bcc: someone@example.org");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(parts(mail).get(0)).contains("The FDA decision on EM-3 is due on 2027-12-12.")
                .contains("https://news.example.org/em-3");
    }

    @Test
    void aDigestIsOneMailKeyedByTheDigest() throws Exception {
        String to = address();
        List<DeliveryJob> jobs = List.of(
                withToken(TestJobs.alert(Destination.Type.EMAIL, to, null, TestAnnouncements.her2Btd("EM-4"))),
                withToken(TestJobs.alert(Destination.Type.EMAIL, to, null, TestAnnouncements.her2PriorityReview("EM-4"))));

        assertThat(sender.sendDigest("digest-em-4", jobs).get(10, TimeUnit.SECONDS).kind()).isEqualTo(SendOutcome.Kind.SENT);

        MimeMessage mail = mailTo(to);
        assertThat(mail.getSubject()).isEqualTo("[BioAlert] 2 new for \"HER2 ADC\"");
        assertThat(header(mail, "Message-ID")).isEqualTo("<digest-em-4@bioalert>");
        assertThat(parts(mail).get(0)).contains("EM-4 granted Breakthrough Therapy Designation by FDA")
                .contains("EM-4 BLA granted Priority Review by FDA");
    }
}
