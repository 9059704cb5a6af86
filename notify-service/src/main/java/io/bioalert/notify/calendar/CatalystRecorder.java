package io.bioalert.notify.calendar;

import io.bioalert.model.CatalystTag;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.notify.delivery.DeliveryStore;
import io.bioalert.notify.delivery.EventKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the catalyst calendar current from every classified announcement, whether or not a watchlist matched
 * it: its outcomes (primary approvals, complete responses, positive opinions) close the open catalysts of
 * their drugs first, then its dated catalysts open, confirm or move theirs ({@link CatalystRules}). A catalyst
 * is kept per drug, so one without a drug is not kept. The announcement's text is stored when a catalyst
 * stands on it, for watchlists to be matched against it later. Idempotent: a redelivered record finds itself
 * recorded and changes nothing.
 */
@ApplicationScoped
public class CatalystRecorder {

    private static final int DB_ATTEMPTS = 5;

    private final CatalystStore store;
    private final DeliveryStore announcements;
    private final MeterRegistry registry;

    CatalystRecorder(CatalystStore store, DeliveryStore announcements, MeterRegistry registry) {
        this.store = store;
        this.announcements = announcements;
        this.registry = registry;
    }

    public void record(ClassifiedAnnouncement a, String payload) throws Exception {
        Classification c = a.classification();
        if (c == null) {
            return;
        }
        Map<String, CatalystTag> dated = dated(c);
        List<EventTag> outcomes = c.events().stream()
                .filter(e -> e.primary() && CatalystRules.closingStatus(e.type()) != null).toList();
        if (dated.isEmpty() && (outcomes.isEmpty() || c.drugs().isEmpty())) {
            return;
        }
        LocalDate day = day(a);
        for (EventTag e : outcomes) {
            for (String drug : c.drugs()) {
                String key = EventKeys.drug(drug);
                if (!key.isEmpty()) {
                    List<?> closed = withRetry(a.id(),
                            () -> store.close(a.id(), day, key, e.agency(), e.type(), e.evidence()));
                    count("closed", closed.size());
                }
            }
        }
        for (Map.Entry<String, CatalystTag> t : dated.entrySet()) {
            CatalystStore.Result r = withRetry(a.id(),
                    () -> store.record(a.id(), day, EventKeys.drug(t.getValue().drug()), t.getValue()));
            count(r.name().toLowerCase(), 1);
        }
        if (withRetry(a.id(), () -> store.linked(a.id()))) {
            withRetry(a.id(), () -> {
                announcements.storeAnnouncement(a.id(), payload);
                return null;
            });
        }
    }

    /**
     * The catalysts that can be kept, one per (drug, kind, agency): the soonest when a story names two, since a
     * calendar entry stands for the next milestone of its key.
     */
    static Map<String, CatalystTag> dated(Classification c) {
        Map<String, CatalystTag> byKey = new LinkedHashMap<>();
        for (CatalystTag t : c.catalysts()) {
            if (t.kind() == null || t.date() == null || t.precision() == null
                    || !CatalystPeriod.PRECISIONS.contains(t.precision())) {
                continue;
            }
            String drug = EventKeys.drug(t.drug());
            if (drug.isEmpty()) {
                continue;
            }
            byKey.merge(drug + "|" + t.kind() + "|" + (t.agency() == null ? "" : t.agency()), t,
                    (x, y) -> y.date().isBefore(x.date()) ? y : x);
        }
        return byKey;
    }

    /** The announcement's day: as published, else the day it was classified (UTC). */
    static LocalDate day(ClassifiedAnnouncement a) {
        if (a.announcement().publishedAt() != null) {
            return a.announcement().publishedAt();
        }
        return a.classifiedAt() != null ? a.classifiedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
    }

    private void count(String result, int n) {
        if (n > 0) {
            registry.counter("bioalert.notify.catalysts", "result", result).increment(n);
        }
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    /** A database outage is waited out a while, as the delivery recorder does: the record itself is fine. */
    private static <T> T withRetry(String id, Step<T> step) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (SQLException e) {
                if (attempt >= DB_ATTEMPTS) {
                    throw e;
                }
                Log.warnf("recording catalysts of %s failed (attempt %d): %s", id, attempt, e.getMessage());
                Thread.sleep(Math.min(10_000, 250L << attempt));
            }
        }
    }
}
