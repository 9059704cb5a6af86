package io.bioalert.notify.consumer;

import io.bioalert.notify.outage.DatabaseOutage;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops taking classified records while the database is down, and takes them again when it is back.
 * The records already taken wait in {@link io.bioalert.notify.delivery.DeliveryRecorder} for the database;
 * nothing is dead-lettered and no offset is committed past them, so a restart meanwhile redelivers them.
 * The channel is pausable ({@code pausable=true} in application.properties).
 */
@ApplicationScoped
public class PauseDuringOutage {

    private final ChannelRegistry channels;

    PauseDuringOutage(ChannelRegistry channels) {
        this.channels = channels;
    }

    void onChange(@Observes DatabaseOutage.Changed change) {
        PausableChannel channel = channels.getPausable(Channels.CLASSIFIED_IN);
        if (change.down()) {
            channel.pause();
            Log.warnf("paused %s until the database answers again", Channels.CLASSIFIED_IN);
        } else {
            channel.resume();
            Log.infof("resumed %s", Channels.CLASSIFIED_IN);
        }
    }
}
