package io.bioalert.notify.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bioalert.net.UrlGuard;
import io.bioalert.notify.delivery.ChannelSender;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.watchlist.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Generic webhook: POSTs the classified announcement and the matching watchlist as JSON, signed (see
 * {@link WebhookSignature}), with the delivery id as {@code Idempotency-Key} so that a receiver can drop
 * the retry of a request whose answer we never got.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final HttpTransport http;
    private final UrlGuard guard;
    private final ObjectMapper json;

    WebhookSender(HttpTransport http, UrlGuard guard, ObjectMapper json) {
        this.http = http;
        this.guard = guard;
        this.json = json;
    }

    @Override
    public Destination.Type channel() {
        return Destination.Type.WEBHOOK;
    }

    @Override
    public CompletableFuture<SendOutcome> send(DeliveryJob job) {
        String body = "{\"type\":\"alert\",\"deliveryId\":\"" + job.deliveryId() + "\",\"watchlist\":" + watchlist(job)
                + ",\"reasons\":" + orEmpty(job.reasonsJson()) + ",\"announcement\":" + job.announcementJson() + "}";
        return post(job, job.deliveryId().toString(), body);
    }

    /**
     * {@code {"type": <the notice's type>, "deliveryId", "watchlist", "subject", "lines", "url", …the notice's data}},
     * signed and keyed like an alert.
     */
    @Override
    public CompletableFuture<SendOutcome> sendNotice(DeliveryJob job) {
        Notice notice = job.notice();
        ObjectNode body = json.createObjectNode();
        body.put("type", notice.type());
        body.put("deliveryId", job.deliveryId().toString());
        try {
            body.set("watchlist", json.readTree(watchlist(job)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        body.put("subject", notice.subject());
        body.set("lines", json.valueToTree(notice.lines()));
        body.put("url", notice.url());
        if (notice.data() != null) {
            body.setAll(notice.data());
        }
        return post(job, job.deliveryId().toString(), body.toString());
    }

    @Override
    public CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs) {
        StringBuilder body = new StringBuilder("{\"type\":\"digest\",\"digestId\":\"").append(digestId)
                .append("\",\"watchlist\":").append(watchlist(jobs.get(0))).append(",\"items\":[");
        for (int i = 0; i < jobs.size(); i++) {
            DeliveryJob j = jobs.get(i);
            body.append(i == 0 ? "" : ",").append("{\"deliveryId\":\"").append(j.deliveryId())
                    .append("\",\"reasons\":").append(orEmpty(j.reasonsJson()))
                    .append(",\"announcement\":").append(j.announcementJson()).append('}');
        }
        return post(jobs.get(0), digestId, body.append("]}").toString());
    }

    CompletableFuture<SendOutcome> post(DeliveryJob job, String idempotencyKey, String payload) {
        UrlGuard.Target target;
        try {
            target = guard.resolve(job.address());
        } catch (UrlGuard.Unresolved e) {
            return CompletableFuture.completedFuture(SendOutcome.retry("webhook unreachable: " + e.getMessage(), null));
        } catch (UrlGuard.Refused e) {
            return CompletableFuture.completedFuture(SendOutcome.disable("webhook URL refused: " + e.getMessage()));
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8); // signed and sent as the same bytes
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        // JSON is UTF-8 by definition (RFC 8259), but receivers that decode by the header alone default to
        // ISO-8859-1 for a bare media type and mangle Chinese text: name the charset.
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "BioAlert-Webhook/1");
        headers.put(WebhookSignature.DELIVERY_HEADER, idempotencyKey);
        headers.put(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey);
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(job.secret(), now, body));
        return http.post(target, headers, body)
                .thenApply(WebhookSender::judge)
                .exceptionally(e -> SendOutcome.retry("webhook unreachable: " + rootMessage(e), null));
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

    private String watchlist(DeliveryJob job) {
        try {
            return "{\"id\":\"" + job.watchlistId() + "\",\"name\":" + json.writeValueAsString(job.watchlistName())
                    + ",\"filter\":" + orEmptyObject(job.filterJson()) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orEmpty(String jsonArray) {
        return jsonArray == null ? "[]" : jsonArray;
    }

    private static String orEmptyObject(String jsonObject) {
        return jsonObject == null ? "{}" : jsonObject;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
