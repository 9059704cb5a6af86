package io.bioalert.notify.watchlist;

import io.bioalert.notify.api.LimitReachedException;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.quota.Quotas;
import io.bioalert.notify.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * What one subscriber may hold and cause, checked inside the transaction that makes it: caps on live
 * watchlists and destinations (409 when reached), and the opt-in mail quota of each new address waiting
 * for its confirmation (429; nothing is made then). Without them one sign-up could aim any number of
 * destinations at a third party.
 */
@ApplicationScoped
public class SubscriberLimits {

    private final Quotas quotas;
    private final NotifyConfig.Quota config;

    SubscriberLimits(Quotas quotas, NotifyConfig config) {
        this.quotas = quotas;
        this.config = config.quota();
    }

    /**
     * Makes room for {@code watchlists} more watchlists and {@code destinations} more destinations. The
     * subscriber's row stays locked until the transaction ends, so two requests at once cannot both take
     * the last place.
     */
    void reserve(UUID subscriberId, int watchlists, int destinations) {
        Subscriber.findById(subscriberId, LockModeType.PESSIMISTIC_WRITE);
        if (watchlists > 0 && Watchlist.count("subscriberId = ?1 and deletedAt is null", subscriberId) + watchlists
                > config.watchlistsPerSubscriber()) {
            throw new LimitReachedException("at most " + config.watchlistsPerSubscriber()
                    + " watchlists per subscriber; delete one first");
        }
        long held = Destination.count("deletedAt is null and watchlistId in "
                + "(select id from Watchlist where subscriberId = ?1 and deletedAt is null)", subscriberId);
        if (destinations > 0 && held + destinations > config.destinationsPerSubscriber()) {
            throw new LimitReachedException("at most " + config.destinationsPerSubscriber()
                    + " destinations across a subscriber's watchlists; remove one first");
        }
    }

    /** Counts the opt-in mail each new destination waiting for its confirmation is about to cause. */
    void optInMails(UUID subscriberId, List<Destination> made) {
        for (Destination d : made) {
            if (d.newConfirmToken != null) {
                quotas.optInMail(subscriberId, d.address);
            }
        }
    }
}
