package io.bioalert.notify.channel.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.channel.EventLoops;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.ChannelSender;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.watchlist.Destination;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Email alerts: multipart/alternative with the text part first, a Message-ID derived from the delivery id
 * (a retried mail is recognisably the same message), and RFC 8058 one-click unsubscribe headers. The
 * reactive mailer is used because the blocking one deadlocks when called from a messaging thread
 * (quarkus#28353), and because it lets a batch of mails share the SMTP connection pool concurrently.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final Vertx vertx;
    private final Duration sendTimeout;
    private final ObjectMapper json;
    private final String publicUrl;

    EmailSender(ReactiveMailer mailer, Vertx vertx, ObjectMapper json, NotifyConfig config) {
        this.mailer = mailer;
        this.vertx = vertx;
        this.sendTimeout = config.mail().sendTimeout();
        this.json = json;
        this.publicUrl = trimSlash(config.publicUrl());
    }

    @Override
    public Destination.Type channel() {
        return Destination.Type.EMAIL;
    }

    @Override
    public CompletableFuture<SendOutcome> send(DeliveryJob job) {
        AlertView view = AlertView.of(job, json);
        String unsubscribe = unsubscribeUrl(job);
        Mail mail = Mail.withText(job.address(), HeaderText.of("[BioAlert] " + view.subject()),
                        MailTemplates.alertText(view, unsubscribe).render())
                .setHtml(MailTemplates.alertHtml(view, unsubscribe).render());
        return send(decorate(mail, job.deliveryId().toString(), unsubscribe));
    }

    @Override
    public CompletableFuture<SendOutcome> sendNotice(DeliveryJob job) {
        String unsubscribe = unsubscribeUrl(job);
        Mail mail = Mail.withText(job.address(), HeaderText.of("[BioAlert] " + job.notice().subject()),
                        MailTemplates.noticeText(job.notice(), job.watchlistName(), unsubscribe).render())
                .setHtml(MailTemplates.noticeHtml(job.notice(), job.watchlistName(), unsubscribe).render());
        return send(decorate(mail, job.deliveryId().toString(), unsubscribe));
    }

    @Override
    public CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs) {
        DeliveryJob first = jobs.get(0);
        List<AlertView> items = jobs.stream().map(j -> AlertView.of(j, json)).toList();
        String unsubscribe = unsubscribeUrl(first);
        Mail mail = Mail.withText(first.address(),
                        HeaderText.of("[BioAlert] " + items.size() + " new for \"" + first.watchlistName() + "\""),
                        MailTemplates.digestText(first.watchlistName(), items, unsubscribe).render())
                .setHtml(MailTemplates.digestHtml(first.watchlistName(), items, unsubscribe).render());
        return send(decorate(mail, digestId, unsubscribe));
    }

    private Mail decorate(Mail mail, String messageKey, String unsubscribeUrl) {
        return mail.addHeader("Message-ID", "<" + messageKey + "@bioalert>")
                .addHeader("X-BioAlert-Delivery", messageKey)
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** Hands one mail to the SMTP server; every mail of this service goes out through here. */
    CompletableFuture<SendOutcome> send(Mail mail) {
        CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
        // Sent from an event loop: handed over from a dispatcher thread, sends of the reactive mailer were
        // lost and waited for their lease (the same callback race as vert.x#5904 for HTTP).
        EventLoops.next(vertx).runOnContext(start -> mailer.send(mail)
                .map(v -> SendOutcome.sent("accepted by SMTP server"))
                .onFailure().recoverWithItem(EmailSender::judge)
                .subscribe().with(outcome::complete, outcome::completeExceptionally));
        return outcome.completeOnTimeout(
                SendOutcome.retry("SMTP: no answer within " + sendTimeout.toMillis() + " ms", null),
                sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static final java.util.regex.Pattern ENHANCED_STATUS = java.util.regex.Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    /**
     * Only the recipient's own server saying the address does not exist disables the destination: a 5xx
     * answer to RCPT TO that is 551 or 553, or 550 with an enhanced status about the address or mailbox
     * (5.1.x, 5.2.1). A content rejection (554), a policy or relay refusal (5.7.x, a relay's bare 550) or a
     * refused sender fails that one mail: disabling on those would disable every email destination at once.
     * 4xx and connection trouble are retried. The codes are the SMTP reply's, never digits found elsewhere
     * in the error text.
     */
    static SendOutcome judge(Throwable e) {
        io.vertx.ext.mail.SMTPException smtp = smtpException(e);
        if (smtp == null || smtp.getReplyCode() < 500 || smtp.getReplyCode() > 599) {
            return SendOutcome.retry("SMTP: " + e.getMessage(), null);
        }
        int code = smtp.getReplyCode();
        String reply = String.valueOf(smtp.getReplyMessage());
        java.util.regex.Matcher status = ENHANCED_STATUS.matcher(reply);
        boolean addressStatus = status.find() && status.group(1).equals("5")
                && (status.group(2).equals("1") || (status.group(2).equals("2") && status.group(3).equals("1")));
        boolean recipientRefused = String.valueOf(smtp.getMessage()).startsWith("recipient address not accepted");
        if (recipientRefused && (code == 551 || code == 553 || (code == 550 && addressStatus))) {
            return SendOutcome.disable("mail server refused the address: " + smtp.getMessage());
        }
        return SendOutcome.failed("mail server refused this mail: " + smtp.getMessage());
    }

    private static io.vertx.ext.mail.SMTPException smtpException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.ext.mail.SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private String unsubscribeUrl(DeliveryJob job) {
        if (job.unsubscribeToken() == null) {
            throw new IllegalStateException("no unsubscribe link for delivery " + job.deliveryId()); // retried, never sent without
        }
        return publicUrl + "/api/unsubscribe/" + job.unsubscribeToken();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
