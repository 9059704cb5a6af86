package io.bioalert.notify.channel.webhook;

import io.bioalert.notify.channel.http.GuardedPost;
import io.bioalert.notify.channel.http.HttpTransport;
import io.bioalert.notify.delivery.ChannelSender;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.notify.watchlist.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Generic webhook: POSTs the body {@link WebhookPayloads} writes, signed the Standard Webhooks way
 * ({@link StandardSignature}) with every secret in force, and with the delivery id (a digest's id) as
 * {@code webhook-id}, so a retry carries the id of the request it repeats and a receiver can drop it.
 * The {@code X-BioAlert-*} headers and {@code Idempotency-Key} of earlier releases are still sent
 * ({@link WebhookSignature}), for one release.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final GuardedPost http;
    private final Clock clock;

    /** @param clock decides which secrets are in force (a rotation's overlap); request timestamps are the wall clock */
    WebhookSender(GuardedPost http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Destination.Type channel() {
        return Destination.Type.WEBHOOK;
    }

    @Override
    public CompletableFuture<SendOutcome> send(DeliveryJob job) {
        return post(job, job.deliveryId().toString(), WebhookPayloads.bytes(WebhookPayloads.alert(job)));
    }

    @Override
    public CompletableFuture<SendOutcome> sendNotice(DeliveryJob job) {
        return post(job, job.deliveryId().toString(), WebhookPayloads.bytes(WebhookPayloads.notice(job)));
    }

    @Override
    public CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs) {
        return post(jobs.get(0), digestId, WebhookPayloads.bytes(WebhookPayloads.digest(digestId, jobs)));
    }

    private CompletableFuture<SendOutcome> post(DeliveryJob job, String messageId, byte[] body) {
        return http.post("webhook", job.address(), headers(job.secret(), messageId, body), body, WebhookSender::judge);
    }

    /** Everything but the body's own headers is computed from the body's bytes exactly as sent. */
    Map<String, String> headers(String storedSecrets, String messageId, byte[] body) {
        WebhookSecrets secrets = WebhookSecrets.parse(storedSecrets);
        // Receivers compare the timestamp with their own clock (five minutes either way): it is the wall
        // clock's, whatever a test set the service's clock to.
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        // JSON is UTF-8 by definition (RFC 8259), but receivers that decode by the header alone default to
        // ISO-8859-1 for a bare media type and mangle Chinese text: name the charset.
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "BioAlert-Webhook/1");
        headers.put(StandardSignature.ID_HEADER, messageId);
        headers.put(StandardSignature.TIMESTAMP_HEADER, Long.toString(now));
        headers.put(StandardSignature.SIGNATURE_HEADER,
                StandardSignature.header(secrets.inForce(clock.instant()), messageId, now, body));
        headers.put(WebhookSignature.DELIVERY_HEADER, messageId);
        headers.put(WebhookSignature.IDEMPOTENCY_HEADER, messageId);
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets.current(), now, body));
        return headers;
    }

    static SendOutcome judge(HttpTransport.Answer r) {
        int s = r.status();
        if (s >= 200 && s < 300) {
            return SendOutcome.sent("HTTP " + s);
        }
        // The status only, never the reply (test alerts and delivery history show this): echoing it would let
        // anyone who can add a destination read what a server the guard lets through answers to a POST.
        String detail = "HTTP " + s;
        if (s == 429 || s == 408 || s == 425 || s >= 500) {
            return SendOutcome.retry(detail, r.retryAfter());
        }
        if (s == 410) {
            return SendOutcome.disable("receiver says gone (HTTP 410)");
        }
        // Redirects are not followed (SSRF), and any other 4xx is about this request, not worth repeating.
        return SendOutcome.failed(detail);
    }
}
