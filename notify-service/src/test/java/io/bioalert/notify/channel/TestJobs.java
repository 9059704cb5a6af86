package io.bioalert.notify.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.watchlist.Destination;
import java.util.UUID;

/** Claimed deliveries as the channels get them, built without a database. */
public final class TestJobs {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static final String REASONS = "[{\"field\":\"target\",\"value\":\"ERBB2\",\"watched\":\"HER2\","
            + "\"evidence\":\"biparatopic HER2-targeting\"}]";
    public static final String FILTER = "{\"targets\":[\"ERBB2\"],\"includeHistory\":false}";

    private TestJobs() {
    }

    /** An alert of {@code a} for the watchlist "HER2 ADC" to a destination of {@code channel}. */
    public static DeliveryJob alert(Destination.Type channel, String address, String secret, ClassifiedAnnouncement a) {
        return new DeliveryJob(UUID.randomUUID(), 1, REASONS, a.id(), json(a), () -> a, UUID.randomUUID(), channel,
                address, secret, "ACTIVE", null, null, UUID.randomUUID(), "HER2 ADC", FILTER, false, null, false);
    }

    /** A notice to a destination of {@code channel}: no announcement. */
    public static DeliveryJob notice(Destination.Type channel, String address, String secret, Notice notice) {
        return new DeliveryJob(UUID.randomUUID(), 1, null, null, null, null, UUID.randomUUID(), channel, address, secret,
                "ACTIVE", null, null, UUID.randomUUID(), "HER2 ADC", FILTER, false, notice, false);
    }

    /** The same delivery claimed again: one attempt more, the same id. */
    public static DeliveryJob retried(DeliveryJob job) {
        return new DeliveryJob(job.deliveryId(), job.attempts() + 1, job.reasonsJson(), job.announcementId(),
                job.announcementJson(), job.announcement(), job.destinationId(), job.channel(), job.address(), job.secret(),
                job.destinationStatus(), job.unsubscribeToken(), job.ratePerMinute(), job.watchlistId(), job.watchlistName(),
                job.filterJson(), job.watchlistDeleted(), job.notice(), job.atMostOnce());
    }

    /** The same destination with the secrets a rotation stored. */
    public static DeliveryJob withSecret(DeliveryJob job, String storedSecrets) {
        return new DeliveryJob(job.deliveryId(), job.attempts(), job.reasonsJson(), job.announcementId(),
                job.announcementJson(), job.announcement(), job.destinationId(), job.channel(), job.address(), storedSecrets,
                job.destinationStatus(), job.unsubscribeToken(), job.ratePerMinute(), job.watchlistId(), job.watchlistName(),
                job.filterJson(), job.watchlistDeleted(), job.notice(), job.atMostOnce());
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
