package io.bioalert.ingest.source;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauge {@code bioalert.ingest.sources{status}}: how many sources are active, paused and failing.
 * Counted from the table (the truth across instances) after each poll and once a minute, not on
 * every scrape.
 */
@ApplicationScoped
public class SourceMetrics {

    private final Map<SourceStatus, AtomicLong> counts = new EnumMap<>(SourceStatus.class);

    SourceMetrics(MeterRegistry registry) {
        for (SourceStatus status : SourceStatus.values()) {
            AtomicLong value = new AtomicLong();
            counts.put(status, value);
            Gauge.builder("bioalert.ingest.sources", value, AtomicLong::get)
                    .tag("status", status.name().toLowerCase())
                    .description("sources by health status")
                    .register(registry);
        }
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "60s", delayed = "10s")
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (SourceStatus status : SourceStatus.values()) {
                counts.get(status).set(Source.count("status", status));
            }
        });
    }
}
