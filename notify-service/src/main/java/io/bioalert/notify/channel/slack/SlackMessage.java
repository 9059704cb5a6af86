package io.bioalert.notify.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.matching.MatchReason;
import java.util.List;

/**
 * Block Kit for an incoming webhook, kept inside Slack's limits: section text under 3,000 characters,
 * header under 150, at most 50 blocks, and a plain {@code text} fallback for notifications and clients
 * that cannot show blocks.
 */
public final class SlackMessage {

    static final int MAX_SECTION = 2_900;
    static final int MAX_HEADER = 150;
    static final int MAX_BLOCKS = 50;

    private SlackMessage() {
    }

    public static ObjectNode alert(ObjectMapper json, AlertView v) {
        ObjectNode msg = json.createObjectNode();
        // The fallback text is mrkdwn too (notifications, old clients): a title with <!channel> would ping everyone.
        msg.put("text", truncate(escape(v.subject() + " — " + v.title()), MAX_SECTION));
        ArrayNode blocks = msg.putArray("blocks");
        header(blocks, v.subject());
        section(blocks, headline(v));
        StringBuilder tags = new StringBuilder();
        for (AlertView.Tag t : v.tags()) {
            tags.append("*").append(escape(t.kind())).append(":* ").append(escape(t.value()));
            if (t.evidence() != null) {
                tags.append("\n> ").append(escape(t.evidence()));
            }
            tags.append('\n');
        }
        if (!tags.isEmpty()) {
            section(blocks, tags.toString());
        }
        section(blocks, reasons(v));
        return msg;
    }

    /** A notice (a reminder, a date change): its subject as the header, its lines, its link, and which watchlist asked. */
    public static ObjectNode notice(ObjectMapper json, Notice n, String watchlistName) {
        ObjectNode msg = json.createObjectNode();
        msg.put("text", truncate(escape(n.subject()), MAX_SECTION));
        ArrayNode blocks = msg.putArray("blocks");
        header(blocks, n.subject());
        StringBuilder body = new StringBuilder();
        for (String line : n.lines()) {
            body.append(escape(line)).append('\n');
        }
        if (n.url() != null) {
            body.append('<').append(n.url().replace("|", "%7C").replace(">", "%3E")).append("|Read the announcement>");
        }
        if (!body.isEmpty()) {
            section(blocks, body.toString());
        }
        context(blocks, "Because of your watchlist " + escape(watchlistName));
        return msg;
    }

    /** One section per announcement; past the block limit the rest are counted, not dropped silently. */
    public static ObjectNode digest(ObjectMapper json, String watchlistName, List<AlertView> items) {
        ObjectNode msg = json.createObjectNode();
        String title = "BioAlert digest: " + items.size() + " new for " + watchlistName;
        msg.put("text", truncate(escape(title), MAX_SECTION));
        ArrayNode blocks = msg.putArray("blocks");
        header(blocks, title);
        int room = MAX_BLOCKS - 2;
        for (int i = 0; i < items.size() && i < room; i++) {
            AlertView v = items.get(i);
            section(blocks, "*" + escape(v.subject()) + "*\n" + headline(v));
        }
        if (items.size() > room) {
            context(blocks, "…and " + (items.size() - room) + " more; see the delivery history.");
        }
        return msg;
    }

    private static String headline(AlertView v) {
        String title = escape(v.title());
        String linked = v.url() == null ? title : "<" + v.url().replace("|", "%7C").replace(">", "%3E") + "|" + title + ">";
        StringBuilder s = new StringBuilder("*").append(linked).append("*");
        if (!v.drugs().isEmpty()) {
            s.append("\nDrugs: ").append(escape(v.drugs()));
        }
        if (!v.companies().isEmpty()) {
            s.append("\nCompanies: ").append(escape(v.companies()));
        }
        return s.toString();
    }

    private static String reasons(AlertView v) {
        StringBuilder s = new StringBuilder("*Why it matched* ").append(escape(v.watchlistName())).append('\n');
        for (MatchReason r : v.reasons()) {
            s.append("• ").append(escape(r.field())).append(' ').append(escape(r.value()));
            if (r.evidence() != null) {
                s.append(": _").append(escape(r.evidence())).append('_');
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void header(ArrayNode blocks, String text) {
        ObjectNode b = blocks.addObject().put("type", "header");
        b.putObject("text").put("type", "plain_text").put("text", truncate(text, MAX_HEADER)).put("emoji", false);
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        if (blocks.size() >= MAX_BLOCKS) {
            return;
        }
        ObjectNode b = blocks.addObject().put("type", "section");
        b.putObject("text").put("type", "mrkdwn").put("text", truncate(mrkdwn, MAX_SECTION));
    }

    private static void context(ArrayNode blocks, String mrkdwn) {
        ObjectNode b = blocks.addObject().put("type", "context");
        b.putArray("elements").addObject().put("type", "mrkdwn").put("text", truncate(mrkdwn, MAX_SECTION));
    }

    /** Slack's mrkdwn needs only these three escaped; the rest is literal. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }
}
