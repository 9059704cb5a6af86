package io.bioalert.notify.watchlist;

import io.bioalert.net.UrlGuard;
import io.bioalert.notify.api.InvalidFieldException;
import io.bioalert.notify.subscriber.ApiTokens;
import io.bioalert.notify.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Checks a requested destination and builds its row; emails start unconfirmed unless already proven. */
@ApplicationScoped
public class DestinationFactory {

    private final UrlGuard guard;
    private final Clock clock;
    private final Duration confirmLinkTtl;
    private final int maxRatePerMinute;

    private final ConfirmedAddresses confirmed;

    DestinationFactory(UrlGuard guard, Clock clock, NotifyConfig config, ConfirmedAddresses confirmed) {
        this.confirmed = confirmed;
        this.guard = guard;
        this.clock = clock;
        this.confirmLinkTtl = config.mail().confirmLinkTtl();
        this.maxRatePerMinute = config.quota().maxRatePerMinute();
    }

    /** A new confirm link for a destination waiting for its opt-in, valid for the configured time from now. */
    public void newConfirmLink(Destination d) {
        d.newConfirmLink(clock.instant().plus(confirmLinkTtl));
    }

    /** @param field the JSON path of the request, for the 400 ("destinations[1]") */
    public Destination build(String field, WatchlistApi.NewDestination d, UUID watchlistId, UUID subscriberId) {
        if (d.ratePerMinute() != null && d.ratePerMinute() > maxRatePerMinute) {
            throw new InvalidFieldException(field + ".ratePerMinute", "must be at most " + maxRatePerMinute);
        }
        Destination dst = new Destination();
        dst.id = UUID.randomUUID();
        dst.watchlistId = watchlistId;
        dst.type = d.type();
        dst.createdAt = Instant.now();
        dst.ratePerMinute = d.ratePerMinute();
        if (Boolean.TRUE.equals(d.atMostOnce()) && !Destination.Type.SLACK.name().equals(d.type())) {
            throw new InvalidFieldException(field + ".atMostOnce", "is for SLACK destinations only");
        }
        dst.atMostOnce = Boolean.TRUE.equals(d.atMostOnce());
        switch (Destination.Type.valueOf(d.type())) {
            case EMAIL -> {
                if (d.email() == null || d.email().isBlank()) {
                    throw new InvalidFieldException(field + ".email", "is required for an EMAIL destination");
                }
                dst.address = d.email().trim().toLowerCase(Locale.ROOT);
                if (confirmed.isConfirmed(subscriberId, dst.address)) {
                    dst.status = Destination.Status.ACTIVE.name();
                } else {
                    dst.status = Destination.Status.PENDING_CONFIRMATION.name();
                    newConfirmLink(dst);
                }
            }
            case SLACK, WEBHOOK -> {
                if (d.url() == null || d.url().isBlank()) {
                    throw new InvalidFieldException(field + ".url", "is required for a " + d.type() + " destination");
                }
                try {
                    dst.address = guard.check(d.url().trim()).toString();
                } catch (UrlGuard.Refused e) {
                    throw new InvalidFieldException(field + ".url", e.getMessage());
                }
                if (dst.typeEnum() == Destination.Type.WEBHOOK) {
                    if (d.secret() != null && WebhookSecrets.problem(d.secret()) != null) {
                        throw new InvalidFieldException(field + ".secret", WebhookSecrets.problem(d.secret()));
                    }
                    dst.secret = d.secret() != null ? d.secret() : WebhookSecrets.generate();
                }
                dst.status = Destination.Status.ACTIVE.name();
            }
        }
        return dst;
    }
}
