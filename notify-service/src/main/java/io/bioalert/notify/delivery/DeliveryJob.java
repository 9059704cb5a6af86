package io.bioalert.notify.delivery;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.watchlist.Destination;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One claimed delivery with everything a channel needs to send it: the claim statement reads the
 * destination and watchlist with it, {@link StoredAnnouncements} adds the announcement.
 *
 * @param announcementJson the classified announcement as received from Kafka
 * @param announcement     the same, parsed on first use and shared by the jobs of one batch
 * @param reasonsJson      JSON array of {@link io.bioalert.notify.matching.MatchReason}
 * @param notice           what to say instead of an announcement's alert (a reminder, a date change), or null for
 *                         an alert; a notice has no announcement
 * @param unsubscribeToken for email: the token of the unsubscribe link the mail carries ({@link UnsubscribeLinks})
 * @param atMostOnce       the destination would rather miss this delivery than get it twice: a send whose
 *                         answer was lost ends UNKNOWN instead of being retried
 */
public record DeliveryJob(
        UUID deliveryId,
        int attempts,
        String reasonsJson,
        String announcementId,
        String announcementJson,
        Supplier<ClassifiedAnnouncement> announcement,
        UUID destinationId,
        Destination.Type channel,
        String address,
        String secret,
        String destinationStatus,
        String unsubscribeToken,
        Integer ratePerMinute,
        UUID watchlistId,
        String watchlistName,
        String filterJson,
        boolean watchlistDeleted,
        Notice notice,
        boolean atMostOnce) {

    public DeliveryJob withAnnouncement(String json, Supplier<ClassifiedAnnouncement> parsed) {
        return new DeliveryJob(deliveryId, attempts, reasonsJson, announcementId, json, parsed, destinationId, channel,
                address, secret, destinationStatus, unsubscribeToken, ratePerMinute, watchlistId, watchlistName,
                filterJson, watchlistDeleted, notice, atMostOnce);
    }

    public DeliveryJob withUnsubscribeToken(String token) {
        return new DeliveryJob(deliveryId, attempts, reasonsJson, announcementId, announcementJson, announcement,
                destinationId, channel, address, secret, destinationStatus, token, ratePerMinute, watchlistId,
                watchlistName, filterJson, watchlistDeleted, notice, atMostOnce);
    }
}
