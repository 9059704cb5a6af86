package io.bioalert.notify.digest;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.DeliveryStore;
import io.bioalert.notify.delivery.Outcomes;
import io.bioalert.notify.delivery.SendOutcome;
import io.bioalert.notify.delivery.Senders;
import io.bioalert.notify.outage.DatabaseOutage;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Hourly and daily watchlists: their deliveries wait as DIGEST_PENDING until the end of the period; then
 * one message per destination carries all of them. Claimed like immediate deliveries (SKIP LOCKED, lease),
 * so instances share the work and a crash mid-send is retried after the lease. The digest's key is derived
 * from its delivery ids: a retried digest is recognisably the same message.
 */
@ApplicationScoped
public class DigestJob {

    private static final int MAX_ITEMS = 200;

    private final DigestStore store;
    private final Senders senders;
    private final Outcomes outcomes;
    private final DeliveryStore deliveries;
    private final NotifyConfig config;
    private final DatabaseOutage database;

    DigestJob(DigestStore store, Senders senders, Outcomes outcomes, DeliveryStore deliveries, NotifyConfig config,
            DatabaseOutage database) {
        this.database = database;
        this.store = store;
        this.senders = senders;
        this.outcomes = outcomes;
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(every = "${bioalert.digest.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!config.dispatch().enabled() || database.isDown()) {
            return;
        }
        try {
            sendDue();
        } catch (Exception e) {
            Log.warnf("digest run failed, next run retries: %s", e.toString());
        }
    }

    /** Sends every due digest; returns how many messages went out. Public for tests. */
    public int sendDue() throws Exception {
        int messages = 0;
        for (UUID destination : store.dueDestinations(100)) {
            UUID owner = UUID.randomUUID();
            List<DeliveryJob> jobs = store.claim(destination, MAX_ITEMS, owner, config.dispatch().lease());
            if (jobs.isEmpty()) {
                continue;
            }
            Map<UUID, String> disable = new HashMap<>();
            List<DeliveryStore.Completion> done = new ArrayList<>();
            String skip = Outcomes.notSendable(jobs.get(0));
            if (skip != null) {
                jobs.forEach(j -> done.add(outcomes.cancelled(j, skip)));
            } else {
                SendOutcome outcome = senders.of(jobs.get(0).channel()).sendDigest(digestId(jobs), jobs)
                        .exceptionally(e -> SendOutcome.retry(String.valueOf(e), null))
                        .get(config.webhook().requestTimeout().toSeconds() + 30, TimeUnit.SECONDS);
                jobs.forEach(j -> done.add(outcomes.apply(j, outcome, "DIGEST_PENDING", disable)));
                messages++;
            }
            deliveries.complete(owner, done, disable);
        }
        return messages;
    }

    static String digestId(List<DeliveryJob> jobs) {
        StringBuilder ids = new StringBuilder();
        jobs.stream().map(j -> j.deliveryId().toString()).sorted().forEach(ids::append);
        return "digest-" + UUID.nameUUIDFromBytes(ids.toString().getBytes(StandardCharsets.UTF_8));
    }
}
