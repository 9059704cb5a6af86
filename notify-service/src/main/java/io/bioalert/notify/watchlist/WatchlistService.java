package io.bioalert.notify.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.notify.channel.email.OptInMailer;
import io.bioalert.notify.delivery.DeliveryStore;
import io.bioalert.notify.matching.Text;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.matching.WatchlistIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
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
    private final OptInMailer optIn;
    private final ObjectMapper json;
    private final DeliveryStore deliveries;
    private final SubscriberLimits limits;

    WatchlistService(DestinationFactory destinations, WatchlistIndex index, OptInMailer optIn, ObjectMapper json,
            DeliveryStore deliveries, SubscriberLimits limits) {
        this.limits = limits;
        this.destinations = destinations;
        this.index = index;
        this.optIn = optIn;
        this.json = json;
        this.deliveries = deliveries;
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
        created.forEach(d -> optIn.sendIfPending(d, w.name));
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
            deliveries.cancelQueued(id, null, "watchlist deleted");
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
        optIn.sendIfPending(d, w[0].name);
        return destinationView(d, true);
    }

    /** Removed with what is queued for it: no retry, no pending digest reaches a destination after this. */
    public void removeDestination(UUID subscriberId, UUID id, UUID destinationId) {
        QuarkusTransaction.requiringNew().call(() -> {
            Destination d = ownedDestination(subscriberId, id, destinationId);
            d.deletedAt = Instant.now();
            d.confirmTokenHash = null;
            d.confirmExpiresAt = null;
            return deliveries.cancelQueued(id, destinationId, "destination removed");
        });
    }

    /**
     * A new signing secret for a webhook, in force from the next send (retries included): shown only in this
     * answer. The receiver should accept the old and the new one for a while, since a request signed with
     * the old one may still be on its way.
     */
    public WatchlistApi.DestinationView rotateSecret(UUID subscriberId, UUID id, UUID destinationId, String secret) {
        Destination d = QuarkusTransaction.requiringNew().call(() -> {
            Destination found = ownedDestination(subscriberId, id, destinationId);
            if (found.typeEnum() != Destination.Type.WEBHOOK) {
                throw new WebApplicationException(Response.status(409).entity(io.bioalert.rest.ErrorBody.message(
                        "a " + found.type + " destination has no signing secret")).build());
            }
            found.secret = secret != null ? secret : io.bioalert.notify.subscriber.ApiTokens.random("whsec_");
            return found;
        });
        return destinationView(d, true);
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
        optIn.sendIfPending(d, w[0].name);
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
        return new WatchlistApi.DestinationView(d.id, d.type, d.address, d.status, d.statusReason, d.ratePerMinute,
                withSecret ? d.secret : null);
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
