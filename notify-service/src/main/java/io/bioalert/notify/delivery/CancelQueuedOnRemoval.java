package io.bioalert.notify.delivery;

import io.bioalert.notify.watchlist.DestinationsRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;

/** A removed destination or deleted watchlist gets nothing more: what is queued for it is cancelled with the removal. */
@ApplicationScoped
class CancelQueuedOnRemoval {

    private final DeliveryStore store;

    CancelQueuedOnRemoval(DeliveryStore store) {
        this.store = store;
    }

    void on(@Observes DestinationsRemoved removed) {
        try {
            store.cancelQueued(removed.watchlistId(), removed.destinationId(), removed.why());
        } catch (SQLException e) {
            throw new IllegalStateException("could not cancel what is queued for a removed destination", e); // rolls the removal back
        }
    }
}
