package io.bioalert.notify.optin;

import io.bioalert.notify.channel.email.ConfirmedEmail;
import io.bioalert.notify.channel.email.OptInMailer;
import io.bioalert.notify.watchlist.ConfirmedAddresses;
import io.bioalert.notify.watchlist.OptInPending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Joins watchlists to the email channel's double opt-in, so that neither imports the other: the
 * watchlists ask whether an address is confirmed and announce new destinations, the mailer answers.
 */
@ApplicationScoped
public class OptInForNewAddresses implements ConfirmedAddresses {

    private final OptInMailer mailer;

    OptInForNewAddresses(OptInMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public boolean isConfirmed(UUID subscriberId, String address) {
        return ConfirmedEmail.isConfirmed(subscriberId, address);
    }

    void send(@Observes OptInPending pending) {
        mailer.sendIfPending(pending.destination(), pending.watchlistName());
    }
}
