package io.bioalert.notify.channel.slack;

import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.matching.MatchReason;
import java.util.ArrayList;
import java.util.List;

/**
 * What Slack is sent, the one place it is written: an alert, a notice or a digest as a {@link SlackMessage}, kept
 * inside Slack's limits (section text under 3,000 characters, header under 150, at most 50 blocks) and with
 * every text escaped for mrkdwn, the fallback text too: a title with {@code <!channel>} would ping everyone.
 */
public final class SlackBlocks {

    static final int MAX_SECTION = 2_900;
    static final int MAX_HEADER = 150;
    static final int MAX_BLOCKS = 50;

    private SlackBlocks() {
    }

    public static SlackMessage alert(AlertView v) {
        Blocks blocks = new Blocks();
        blocks.header(v.subject());
        blocks.section(headline(v));
        StringBuilder tags = new StringBuilder();
        for (AlertView.Tag t : v.tags()) {
            tags.append("*").append(escape(t.kind())).append(":* ").append(escape(t.value()));
            if (t.evidence() != null) {
                tags.append("\n> ").append(escape(t.evidence()));
            }
            tags.append('\n');
        }
        if (!tags.isEmpty()) {
            blocks.section(tags.toString());
        }
        blocks.section(reasons(v));
        return new SlackMessage(fallback(v.subject() + " — " + v.title()), blocks.list);
    }

    /** A notice (a reminder, a date change): its subject as the header, its lines, its link, and which watchlist asked. */
    public static SlackMessage notice(Notice n, String watchlistName) {
        Blocks blocks = new Blocks();
        blocks.header(n.subject());
        StringBuilder body = new StringBuilder();
        for (String line : n.lines()) {
            body.append(escape(line)).append('\n');
        }
        if (n.url() != null) {
            body.append('<').append(linkTarget(n.url())).append("|Read the announcement>");
        }
        if (!body.isEmpty()) {
            blocks.section(body.toString());
        }
        blocks.context("Because of your watchlist " + escape(watchlistName));
        return new SlackMessage(fallback(n.subject()), blocks.list);
    }

    /** One section per announcement; past the block limit the rest are counted, not dropped silently. */
    public static SlackMessage digest(String watchlistName, List<AlertView> items) {
        String title = "BioAlert digest: " + items.size() + " new for " + watchlistName;
        Blocks blocks = new Blocks();
        blocks.header(title);
        int room = MAX_BLOCKS - 2;
        for (int i = 0; i < items.size() && i < room; i++) {
            AlertView v = items.get(i);
            blocks.section("*" + escape(v.subject()) + "*\n" + headline(v));
        }
        if (items.size() > room) {
            blocks.context("…and " + (items.size() - room) + " more; see the delivery history.");
        }
        return new SlackMessage(fallback(title), blocks.list);
    }

    private static String headline(AlertView v) {
        String title = escape(v.title());
        String linked = v.url() == null ? title : "<" + linkTarget(v.url()) + "|" + title + ">";
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

    /** A URL inside {@code <url|label>}: its own {@code |} and {@code >} would end the link early. */
    private static String linkTarget(String url) {
        return url.replace("|", "%7C").replace(">", "%3E");
    }

    private static String fallback(String text) {
        return truncate(escape(text), MAX_SECTION);
    }

    /** The blocks of one message, cut to Slack's limits as they are added. */
    private static final class Blocks {
        final List<SlackMessage.Block> list = new ArrayList<>();

        void header(String text) {
            list.add(new SlackMessage.Header(SlackMessage.Text.plain(truncate(text, MAX_HEADER))));
        }

        void section(String mrkdwn) {
            if (list.size() < MAX_BLOCKS) {
                list.add(new SlackMessage.Section(SlackMessage.Text.mrkdwn(truncate(mrkdwn, MAX_SECTION))));
            }
        }

        void context(String mrkdwn) {
            list.add(new SlackMessage.Context(List.of(SlackMessage.Text.mrkdwn(truncate(mrkdwn, MAX_SECTION)))));
        }
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
