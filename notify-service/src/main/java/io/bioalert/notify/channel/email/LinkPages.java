package io.bioalert.notify.channel.email;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages a mail link opens (templates/page), HTML-escaped by Qute and checked against their data at build time. */
@CheckedTemplate(basePath = "page")
public final class LinkPages {

    private LinkPages() {
    }

    /** A question and the one button that POSTs the answer back to the same address. */
    public static native TemplateInstance linkAction(String title, String question, String button);
}
