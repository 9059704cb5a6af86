package io.bioalert.notify.delivery;

import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.watchlist.Destination;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One claimed delivery with everything a channel needs to send it, read in the same statement as the
 * claim.
 *
 * @param announcementJson the classified announcement as received from Kafka
 * @param announcement     the same, parsed on first use and shared by the jobs of one batch
 * @param reasonsJson      JSON array of {@link io.bioalert.notify.matching.MatchReason}
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
        boolean watchlistDeleted) {
}
