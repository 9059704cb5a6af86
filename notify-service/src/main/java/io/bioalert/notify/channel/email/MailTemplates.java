package io.bioalert.notify.channel.email;

import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.delivery.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The mail bodies, each as plain text and HTML (templates/mail); checked against their data at build time. */
@CheckedTemplate(basePath = "mail")
public final class MailTemplates {

    private MailTemplates() {
    }

    public static native TemplateInstance alertText(AlertView view, String unsubscribeUrl);

    public static native TemplateInstance alertHtml(AlertView view, String unsubscribeUrl);

    public static native TemplateInstance noticeText(Notice notice, String watchlistName, String unsubscribeUrl);

    public static native TemplateInstance noticeHtml(Notice notice, String watchlistName, String unsubscribeUrl);

    public static native TemplateInstance digestText(String watchlistName, List<AlertView> items, String unsubscribeUrl);

    public static native TemplateInstance digestHtml(String watchlistName, List<AlertView> items, String unsubscribeUrl);

    public static native TemplateInstance confirmText(String watchlistName, String confirmUrl);

    public static native TemplateInstance confirmHtml(String watchlistName, String confirmUrl);
}
