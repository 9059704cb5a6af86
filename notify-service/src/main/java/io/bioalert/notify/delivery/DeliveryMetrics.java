package io.bioalert.notify.delivery;

import io.bioalert.notify.watchlist.Destination;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Counters by channel: {@code bioalert_notify_deliveries_sent_total{channel="webhook"}} and so on. */
@ApplicationScoped
@io.quarkus.runtime.Startup // registered at start, so the counters show (as 0) before the first delivery
public class DeliveryMetrics {

    private final Map<Destination.Type, Counter> sent = new EnumMap<>(Destination.Type.class);
    private final Map<Destination.Type, Counter> failed = new EnumMap<>(Destination.Type.class);
    private final Map<Destination.Type, Counter> retried = new EnumMap<>(Destination.Type.class);
    private final Map<Destination.Type, Counter> deferred = new EnumMap<>(Destination.Type.class);

    DeliveryMetrics(MeterRegistry registry) {
        for (Destination.Type t : Destination.Type.values()) {
            String channel = t.name().toLowerCase();
            sent.put(t, registry.counter("bioalert.notify.deliveries.sent", "channel", channel));
            failed.put(t, registry.counter("bioalert.notify.deliveries.failed", "channel", channel));
            retried.put(t, registry.counter("bioalert.notify.deliveries.retried", "channel", channel));
            deferred.put(t, registry.counter("bioalert.notify.deliveries.rate.limited", "channel", channel));
        }
    }

    public void sent(Destination.Type t, int n) {
        sent.get(t).increment(n);
    }

    public void failed(Destination.Type t, int n) {
        failed.get(t).increment(n);
    }

    public void retried(Destination.Type t, int n) {
        retried.get(t).increment(n);
    }

    public void deferred(Destination.Type t, int n) {
        deferred.get(t).increment(n);
    }
}
