package io.bioalert.notify.channel.email;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.watchlist.Destination;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends the double opt-in mail for an address that has not confirmed yet. */
@ApplicationScoped
public class OptInMailer {

    private final EmailSender sender;
    private final String publicUrl;

    OptInMailer(EmailSender sender, NotifyConfig config) {
        this.sender = sender;
        this.publicUrl = EmailSender.trimSlash(config.publicUrl());
    }

    /** Sends the opt-in mail of a destination whose confirm link was just made ({@link Destination#newConfirmToken}). */
    public void sendIfPending(Destination d, String watchlistName) {
        if (!Destination.Status.PENDING_CONFIRMATION.name().equals(d.status) || d.newConfirmToken == null) {
            return;
        }
        String confirmUrl = confirmUrl(d.newConfirmToken);
        Mail mail = Mail.withText(d.address, HeaderText.of("[BioAlert] Confirm alerts for \"" + watchlistName + "\""),
                        MailTemplates.confirmText(watchlistName, confirmUrl).render())
                .setHtml(MailTemplates.confirmHtml(watchlistName, confirmUrl).render())
                .addHeader("X-BioAlert-Confirm-Url", confirmUrl);
        // Asynchronous: an SMTP hiccup must not fail the API call; the subscriber can ask for it again.
        sender.send(mail).thenAccept(outcome -> {
            if (outcome.kind() == SendOutcome.Kind.SENT) {
                Log.debugf("opt-in mail sent for destination %s", d.id);
            } else {
                Log.warnf("opt-in mail for destination %s not sent: %s", d.id, outcome.detail());
            }
        });
    }

    public String confirmUrl(String token) {
        return publicUrl + "/api/confirm/" + token;
    }
}
