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

    /** SMTP 5xx about the recipient is permanent; everything else (4xx, connection trouble) is retried. */
    static SendOutcome judge(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.matches("(?s).*\\b55[0-4]\\b.*")) {
            return SendOutcome.disable("mail server refused the address: " + message);
        }
        return SendOutcome.retry("SMTP: " + message, null);
    }

    private String unsubscribeUrl(DeliveryJob job) {
        return publicUrl + "/api/unsubscribe/" + job.unsubscribeToken();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
