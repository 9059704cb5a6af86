package io.bioalert.notify.watchlist;

/**
 * Fired after a destination is saved: an address waiting for its double opt-in gets the mail with its
 * confirm link ({@link Destination#newConfirmToken}). Mail is the email channel's business, not the watchlists'.
 */
public record OptInPending(Destination destination, String watchlistName) {
}
