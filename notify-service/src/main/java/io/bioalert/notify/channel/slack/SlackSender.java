package io.bioalert.notify.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.net.UrlGuard;
import io.bioalert.notify.channel.AlertView;
import io.bioalert.notify.channel.webhook.HttpTransport;
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

    private final HttpTransport http;
    private final UrlGuard guard;
    private final ObjectMapper json;

    SlackSender(HttpTransport http, UrlGuard guard, ObjectMapper json) {
        this.http = http;
        this.guard = guard;
        this.json = json;
    }

    @Override
    public Destination.Type channel() {
        return Destination.Type.SLACK;
    }

    @Override
    public CompletableFuture<SendOutcome> send(DeliveryJob job) {
        return post(job, SlackMessage.alert(json, AlertView.of(job, json)).toString());
    }

    @Override
    public CompletableFuture<SendOutcome> sendNotice(DeliveryJob job) {
        return post(job, SlackMessage.notice(json, job.notice(), job.watchlistName()).toString());
    }

    @Override
    public CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs) {
        List<AlertView> items = jobs.stream().map(j -> AlertView.of(j, json)).toList();
        return post(jobs.get(0), SlackMessage.digest(json, jobs.get(0).watchlistName(), items).toString());
    }

    private CompletableFuture<SendOutcome> post(DeliveryJob job, String body) {
        UrlGuard.Target target;
        try {
            target = guard.resolve(job.address());
        } catch (UrlGuard.Unresolved e) {
            return CompletableFuture.completedFuture(SendOutcome.retry("Slack unreachable: " + e.getMessage(), null));
        } catch (UrlGuard.Refused e) {
            return CompletableFuture.completedFuture(SendOutcome.disable("Slack URL refused: " + e.getMessage()));
        }
        return http.post(target, Map.of("Content-Type", "application/json; charset=utf-8"), body)
                .thenApply(SlackSender::judge)
                .exceptionally(e -> SendOutcome.broke("Slack unreachable: ", e));
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
