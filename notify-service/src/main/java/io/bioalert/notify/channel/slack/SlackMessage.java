package io.bioalert.notify.channel.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Block Kit message for an incoming webhook, as Slack reads it: a plain {@code text} fallback for
 * notifications and clients that cannot show blocks, and the blocks. Records rather than a template: every
 * value needs mrkdwn escaping and cutting to Slack's limits, which {@link SlackBlocks} does in Java, and Jackson
 * then writes JSON that is valid whatever the text holds.
 */
public record SlackMessage(String text, List<Block> blocks) {

    /** A block; {@code type} is Slack's name for it. */
    public sealed interface Block permits Header, Section, Context {
        String type();
    }

    /** A text object: {@code plain_text} (with {@code emoji}) or {@code mrkdwn}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(String type, String text, Boolean emoji) {

        static Text plain(String text) {
            return new Text("plain_text", text, false);
        }

        static Text mrkdwn(String text) {
            return new Text("mrkdwn", text, null);
        }
    }

    public record Header(String type, Text text) implements Block {
        Header(Text text) {
            this("header", text);
        }
    }

    public record Section(String type, Text text) implements Block {
        Section(Text text) {
            this("section", text);
        }
    }

    public record Context(String type, List<Text> elements) implements Block {
        Context(List<Text> elements) {
            this("context", elements);
        }
    }
}
