package io.bioalert.notify.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A message that is not an announcement's alert (a reminder before a catalyst, a catalyst's date changed),
 * queued and sent like one: the same deliveries table, retries, rate limits and idempotency key. It is
 * written out in full when queued, so that channels render it without knowing what it is about: email and
 * Slack show {@code subject}, {@code lines} and {@code url}; a webhook receives {@code type} and the fields
 * of {@code data} as they are.
 *
 * @param type    what kind of notice, e.g. {@code catalyst_reminder}, the webhook body's {@code type}
 * @param subject one line: the mail subject, the Slack header
 * @param lines   the body, one paragraph each
 * @param url     the link the notice is about, or null
 * @param data    machine-readable details for webhooks
 */
public record Notice(String type, String subject, List<String> lines, String url, ObjectNode data) {

    public Notice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
