package io.bioalert.notify.channel.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of a generic webhook, the one place they are written. The announcement, the match reasons and
 * the watchlist's filter are embedded as the JSON they are stored as ({@link JsonRawValue}): the announcement
 * exactly as the classifier published it, and no second parse of it per delivery during a fan-out.
 *
 * <p>The fields and their order are the receivers' contract (notify's README shows an example); new fields may
 * be added, none removed or renamed.
 */
public final class WebhookPayloads {

    /** Its own mapper: the wire format does not change with the service's JSON settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    /** The watchlist that matched, with its filter as stored. */
    public record Watchlist(String id, String name, @JsonRawValue String filter) {
    }

    /** {@code type} "alert": one announcement for one watchlist. */
    public record Alert(String type, String deliveryId, Watchlist watchlist, @JsonRawValue String reasons,
            @JsonRawValue String announcement) {
    }

    /** One announcement of a digest. */
    public record DigestItem(String deliveryId, @JsonRawValue String reasons, @JsonRawValue String announcement) {
    }

    /** {@code type} "digest": the announcements of one period, oldest first. */
    public record Digest(String type, String digestId, Watchlist watchlist, List<DigestItem> items) {
    }

    /**
     * A notice (a catalyst reminder, a date change): its {@code type}, then what every notice has, then the fields
     * of its data as they are.
     */
    public record NoticeBody(String type, String deliveryId, Watchlist watchlist, String subject, List<String> lines,
            String url, @JsonIgnore ObjectNode data) {

        @JsonAnyGetter
        public Map<String, JsonNode> dataFields() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            if (data != null) {
                data.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            }
            return fields;
        }
    }

    public static Alert alert(DeliveryJob job) {
        return new Alert("alert", job.deliveryId().toString(), watchlist(job), orEmptyArray(job.reasonsJson()),
                job.announcementJson());
    }

    public static Digest digest(String digestId, List<DeliveryJob> jobs) {
        List<DigestItem> items = jobs.stream()
                .map(j -> new DigestItem(j.deliveryId().toString(), orEmptyArray(j.reasonsJson()), j.announcementJson()))
                .toList();
        return new Digest("digest", digestId, watchlist(jobs.get(0)), items);
    }

    public static NoticeBody notice(DeliveryJob job) {
        Notice n = job.notice();
        return new NoticeBody(n.type(), job.deliveryId().toString(), watchlist(job), n.subject(), n.lines(), n.url(),
                n.data());
    }

    /** The bytes that are signed and sent. */
    public static byte[] bytes(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload did not serialise", e);
        }
    }

    private static Watchlist watchlist(DeliveryJob job) {
        return new Watchlist(job.watchlistId().toString(), job.watchlistName(),
                job.filterJson() == null ? "{}" : job.filterJson());
    }

    private static String orEmptyArray(String jsonArray) {
        return jsonArray == null ? "[]" : jsonArray;
    }
}
