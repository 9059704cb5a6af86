package io.bioalert.notify.channel.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.channel.http.GuardedPost;
import io.bioalert.notify.channel.http.HttpTransport;
import io.bioalert.notify.delivery.ChannelSender;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.watchlist.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Slack incoming webhooks. 429 waits as long as Retry-After says; errors that mean the webhook will never
 * work again (archived or missing channel, revoked token, removed app, 403/404/410) disable the
 * destination with Slack's reason instead of retrying forever; 5xx and network trouble are retried.
 */
@ApplicationScoped
public class SlackSender implements ChannelSender {

    /** Slack's answers after which this webhook URL is dead. */
    static final Set<String> PERMANENT = Set.of("channel_not_found", "channel_is_archived", "invalid_token",
            "no_service", "no_service_id", "no_team", "team_disabled", "no_active_hooks", "action_prohibited",
            "posting_to_general_channel_denied", "user_not_found", "team_not_found", "invalid_auth", "account_inactive");

    /**
     * Slack's other error words: with {@link #PERMANENT}, the only parts of a reply ever shown (test
     * alerts, delivery history). Any other reply is reported by its status alone: echoing it would let
     * anyone who can add a destination read what a server the guard lets through answers to a POST.
     */
    static final Set<String> KNOWN = Set.of("invalid_payload", "too_many_attachments", "no_text",
            "missing_text_or_fallback_or_attachments", "invalid_blocks", "invalid_blocks_format", "rate_limited",
            "request_timeout", "internal_error", "service_unavailable", "fatal_error");

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json; charset=utf-8");

    private final GuardedPost http;
    private final ObjectMapper json;

    SlackSender(GuardedPost http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public Destination.Type channel() {
        return Destination.Type.SLACK;
    }

    @Override
    public CompletableFuture<SendOutcome> send(DeliveryJob job) {
        return post(job, SlackBlocks.alert(AlertView.of(job, json)));
    }

    @Override
    public CompletableFuture<SendOutcome> sendNotice(DeliveryJob job) {
        return post(job, SlackBlocks.notice(job.notice(), job.watchlistName()));
    }

    @Override
    public CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs) {
        List<AlertView> items = jobs.stream().map(j -> AlertView.of(j, json)).toList();
        return post(jobs.get(0), SlackBlocks.digest(jobs.get(0).watchlistName(), items));
    }

    private CompletableFuture<SendOutcome> post(DeliveryJob job, SlackMessage message) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Slack message did not serialise", e);
        }
        return http.post("Slack", job.address(), HEADERS, body, SlackSender::judge);
    }

    static SendOutcome judge(HttpTransport.Answer r) {
        int s = r.status();
        String body = r.body() == null ? "" : r.body().strip();
        if (s == 200 && (body.isEmpty() || body.equals("ok"))) {
            return SendOutcome.sent("ok");
        }
        if (PERMANENT.contains(body)) {
            return SendOutcome.disable("Slack: " + body);
        }
        if (s == 429) {
            return SendOutcome.retry("Slack rate limit (429)", r.retryAfter());
        }
        if (s == 403 || s == 404 || s == 410) {
            return SendOutcome.disable("Slack: HTTP " + s + errorWord(body));
        }
        if (s >= 500 || s == 408) {
            return SendOutcome.retry("Slack: HTTP " + s + errorWord(body), r.retryAfter());
        }
        // invalid_payload, too_many_attachments and the like: our message, not the webhook, is at fault
        return SendOutcome.failed("Slack: HTTP " + s + errorWord(body));
    }

    /** " " and the reply when it is one of Slack's error words, else nothing. */
    static String errorWord(String body) {
        return PERMANENT.contains(body) || KNOWN.contains(body) ? " " + body : "";
    }
}
