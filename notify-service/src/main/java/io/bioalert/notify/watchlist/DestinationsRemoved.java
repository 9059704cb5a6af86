package io.bioalert.notify.watchlist;

import java.util.UUID;

/**
 * Fired inside the transaction that removes a destination or deletes a watchlist, so that what is queued
 * for it is cancelled in that same transaction (the delivery queue observes it; watchlists do not know it).
 *
 * @param destinationId the removed destination, or null for every destination of the deleted watchlist
 */
public record DestinationsRemoved(UUID watchlistId, UUID destinationId, String why) {
}
