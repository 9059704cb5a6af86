package io.bioalert.notify.delivery;

import io.bioalert.notify.watchlist.Destination;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One channel (email, Slack, webhook). Sends never throw: every failure is an outcome. */
public interface ChannelSender {

    Destination.Type channel();

    /** One alert. The job's delivery id is the idempotency key the receiver sees. */
    CompletableFuture<SendOutcome> send(DeliveryJob job);

    /** One notice ({@link DeliveryJob#notice()}: a reminder, a date change); its delivery id is the key as for an alert. */
    CompletableFuture<SendOutcome> sendNotice(DeliveryJob job);

    /**
     * One message for several announcements of one destination (digest mode).
     *
     * @param digestId stable for the same set of deliveries, so a retried digest carries the same key
     */
    CompletableFuture<SendOutcome> sendDigest(String digestId, List<DeliveryJob> jobs);
}
