package io.bioalert.notify.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.api.InvalidFieldException;
import io.bioalert.notify.matching.Text;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.matching.WatchlistIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Watchlist changes: validated, committed, then applied to this instance's match index at once (other
 * instances pick them up from change_seq within their refresh interval), and opt-in mails sent for new
 * addresses.
 */
@ApplicationScoped
public class WatchlistService {

    private final DestinationFactory destinations;
    private final WatchlistIndex index;
    /** New destinations, for an address waiting for its opt-in to get its mail. */
    private final Event<OptInPending> optIn;
    private final ObjectMapper json;
    /** Removals, for what is queued for the removed destinations to be cancelled in the same transaction. */
    private final Event<DestinationsRemoved> removed;
    private final SubscriberLimits limits;
    private final Clock clock;

    WatchlistService(DestinationFactory destinations, WatchlistIndex index, Event<OptInPending> optIn, ObjectMapper json,
            Event<DestinationsRemoved> removed, SubscriberLimits limits, Clock clock) {
        this.clock = clock;
        this.limits = limits;
        this.destinations = destinations;
        this.index = index;
        this.optIn = optIn;
        this.json = json;
        this.removed = removed;
    }

    public WatchlistApi.WatchlistView create(UUID subscriberId, WatchlistApi.CreateWatchlist request) {
        WatchFilter filter = canonical(request.filter());
        FilterValidator.validate(filter);
        List<Destination> created = new ArrayList<>();
        Watchlist w = QuarkusTransaction.requiringNew().call(() -> {
            limits.reserve(subscriberId, 1, request.destinations().size());
            Watchlist n = new Watchlist();
            n.id = UUID.randomUUID();
            n.subscriberId = subscriberId;
            n.name = request.name().strip();
            n.filterJson = write(filter);
            n.digest = request.digest() == null ? "IMMEDIATE" : request.digest();
            n.reminderDays = reminderDays(request.reminders() == null ? WatchlistApi.DEFAULT_REMINDERS : request.reminders());
            n.createdAt = Instant.now();
            n.updatedAt = n.createdAt;
            n.changeSeq = nextChangeSeq();
            n.persist();
            for (int i = 0; i < request.destinations().size(); i++) {
                Destination d = destinations.build("destinations[" + i + "]", request.destinations().get(i), n.id, subscriberId);
                d.persist();
                created.add(d);
            }
            limits.optInMails(subscriberId, created);
            return n;
        });
        index.apply(w.id, filter, w.changeSeq);
        created.forEach(d -> optIn.fire(new OptInPending(d, w.name)));
        return view(w, filter, created, true);
    }

    public WatchlistApi.WatchlistView update(UUID subscriberId, UUID id, WatchlistApi.UpdateWatchlist request) {
        WatchFilter filter = canonical(request.filter());
        FilterValidator.validate(filter);
        Watchlist w = QuarkusTransaction.requiringNew().call(() -> {
            Watchlist found = owned(id, subscriberId);
            found.name = request.name().strip();
            found.filterJson = write(filter);
            if (request.digest() != null) {
                found.digest = request.digest();
            }
            if (request.reminders() != null) {
                found.reminderDays = reminderDays(request.reminders());
            }
            found.updatedAt = Instant.now();
            found.changeSeq = nextChangeSeq();
            return found;
        });
        index.apply(w.id, filter, w.changeSeq);
        return get(subscriberId, id);
    }

    public void delete(UUID subscriberId, UUID id) {
        long seq = QuarkusTransaction.requiringNew().call(() -> {
            Watchlist found = owned(id, subscriberId);
            found.deletedAt = Instant.now();
            found.updatedAt = found.deletedAt;
            found.changeSeq = nextChangeSeq();
            removed.fire(new DestinationsRemoved(id, null, "watchlist deleted"));
            return found.changeSeq;
        });
        index.apply(id, null, seq);
    }

    public WatchlistApi.WatchlistView get(UUID subscriberId, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Watchlist w = owned(id, subscriberId);
            return view(w, read(w.filterJson), Destination.ofWatchlist(w.id), false);
        });
    }

    public List<WatchlistApi.WatchlistView> list(UUID subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> Watchlist.ownedBy(subscriberId).stream()
                .map(w -> view(w, read(w.filterJson), Destination.ofWatchlist(w.id), false)).toList());
    }

    public WatchlistApi.DestinationView addDestination(UUID subscriberId, UUID id, WatchlistApi.NewDestination request) {
        Watchlist[] w = new Watchlist[1];
        Destination d = QuarkusTransaction.requiringNew().call(() -> {
            w[0] = owned(id, subscriberId);
            limits.reserve(subscriberId, 0, 1);
            Destination n = destinations.build("request", request, id, subscriberId);
            n.persist();
            limits.optInMails(subscriberId, List.of(n));
            return n;
        });
        optIn.fire(new OptInPending(d, w[0].name));
        return destinationView(d, true);
    }

    /** Removed with what is queued for it: no retry, no pending digest reaches a destination after this. */
    public void removeDestination(UUID subscriberId, UUID id, UUID destinationId) {
        QuarkusTransaction.requiringNew().call(() -> {
            Destination d = ownedDestination(subscriberId, id, destinationId);
            d.deletedAt = Instant.now();
            d.confirmTokenHash = null;
            d.confirmExpiresAt = null;
            removed.fire(new DestinationsRemoved(id, destinationId, "destination removed"));
            return null;
        });
    }

    /**
     * A new signing secret for a webhook, in force from the next send (retries included) and shown only in this
     * answer. The one it replaces keeps signing beside it for {@link WebhookSecrets#OVERLAP}, so that the receiver
     * can switch without losing a request; a secret replaced before that stops at once.
     */
    public WatchlistApi.DestinationView rotateSecret(UUID subscriberId, UUID id, UUID destinationId, String secret) {
        if (secret != null && WebhookSecrets.problem(secret) != null) {
            throw new InvalidFieldException("secret", WebhookSecrets.problem(secret));
        }
        Instant now = clock.instant();
        Destination d = QuarkusTransaction.requiringNew().call(() -> {
            Destination found = ownedDestination(subscriberId, id, destinationId);
            if (found.typeEnum() != Destination.Type.WEBHOOK) {
                throw new WebApplicationException(Response.status(409).entity(io.bioalert.rest.ErrorBody.message(
                        "a " + found.type + " destination has no signing secret")).build());
            }
            found.secret = WebhookSecrets.parse(found.secret)
                    .rotate(secret != null ? secret : WebhookSecrets.generate(), now).stored();
            return found;
        });
        return destinationView(d, true, now);
    }

    /** A new opt-in mail for an address still waiting for its confirmation; the link sent before stops working. */
    public WatchlistApi.DestinationView resendConfirmation(UUID subscriberId, UUID id, UUID destinationId) {
        Watchlist[] w = new Watchlist[1];
        Destination d = QuarkusTransaction.requiringNew().call(() -> {
            w[0] = owned(id, subscriberId);
            Destination found = ownedDestination(subscriberId, id, destinationId);
            if (!Destination.Status.PENDING_CONFIRMATION.name().equals(found.status)) {
                throw new WebApplicationException(Response.status(409).entity(io.bioalert.rest.ErrorBody.message(
                        "destination is " + found.status.toLowerCase() + "; only an address waiting for its confirmation gets one"))
                        .build());
            }
            destinations.newConfirmLink(found);
            limits.optInMails(subscriberId, List.of(found));
            return found;
        });
        optIn.fire(new OptInPending(d, w[0].name));
        return destinationView(d, false);
    }

    /** Only within the owner's watchlists: anyone else's id is simply not found. */
    public Destination ownedDestination(UUID subscriberId, UUID watchlistId, UUID destinationId) {
        owned(watchlistId, subscriberId);
        Destination d = Destination.findById(destinationId);
        if (d == null || !d.watchlistId.equals(watchlistId) || d.deletedAt != null) {
            throw new NotFoundException("no destination " + destinationId + " in watchlist " + watchlistId);
        }
        return d;
    }

    public static Watchlist owned(UUID id, UUID subscriberId) {
        Watchlist w = Watchlist.owned(id, subscriberId);
        if (w == null) {
            throw new NotFoundException("no watchlist " + id);
        }
        return w;
    }

    private static long nextChangeSeq() {
        return ((Number) Watchlist.getEntityManager().createNativeQuery("SELECT nextval('watchlist_change_seq')")
                .getSingleResult()).longValue();
    }

    /** Ids are stored in their canonical upper case so the stored filter reads like the taxonomy. */
    private static WatchFilter canonical(WatchFilter f) {
        return new WatchFilter(upper(f.targets()), upper(f.modalities()), upper(f.eventTypes()), upper(f.agencies()),
                f.companies(), f.drugs(), f.keywords(), f.includeHistory());
    }

    private static List<String> upper(List<String> ids) {
        return ids.stream().map(s -> s == null ? null : Text.id(s)).toList();
    }

    /** Each day once, most first: the order reminders come in. */
    static int[] reminderDays(List<Integer> days) {
        return days.stream().mapToInt(Integer::intValue).distinct().boxed()
                .sorted(java.util.Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
    }

    private WatchlistApi.WatchlistView view(Watchlist w, WatchFilter f, List<Destination> ds, boolean withSecrets) {
        return new WatchlistApi.WatchlistView(w.id, w.name, f, w.digest,
                java.util.Arrays.stream(w.reminderDays).boxed().toList(),
                ds.stream().map(d -> destinationView(d, withSecrets)).toList(), w.createdAt, w.updatedAt);
    }

    static WatchlistApi.DestinationView destinationView(Destination d, boolean withSecret) {
        return destinationView(d, withSecret, null);
    }

    /** @param now given, the answer says until when the replaced secret still signs */
    static WatchlistApi.DestinationView destinationView(Destination d, boolean withSecret, Instant now) {
        WebhookSecrets secrets = WebhookSecrets.parse(d.secret);
        return new WatchlistApi.DestinationView(d.id, d.type, d.address, d.status, d.statusReason, d.ratePerMinute,
                withSecret && secrets != null ? secrets.current() : null,
                now != null && secrets != null ? secrets.previousValidUntil(now) : null, d.atMostOnce);
    }

    private String write(WatchFilter f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public WatchFilter read(String filterJson) {
        try {
            return json.readValue(filterJson, WatchFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter unreadable", e);
        }
    }
}
