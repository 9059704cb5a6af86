package io.bioalert.notify.delivery;

import io.bioalert.notify.config.NotifyConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries. Worker threads claim a batch (SKIP LOCKED, under a lease), send it concurrently
 * through the channels, and write the outcomes in one transaction. The consumer wakes them right after
 * it commits new deliveries, so an alert leaves within milliseconds; the poll interval only paces
 * retries and work recorded by other instances.
 */
@ApplicationScoped
public class Dispatcher {

    private final DeliveryStore store;
    private final Senders senders;
    private final Outcomes outcomes;
    private final RateLimiter limiter;
    private final NotifyConfig.Dispatch config;
    private final NotifyConfig.Webhook webhook;
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private boolean woken;
    private volatile boolean running;

    Dispatcher(DeliveryStore store, Senders senders, Outcomes outcomes, RateLimiter limiter, NotifyConfig config) {
        this.store = store;
        this.senders = senders;
        this.outcomes = outcomes;
        this.limiter = limiter;
        this.config = config.dispatch();
        this.webhook = config.webhook();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("delivery dispatcher disabled by configuration");
            return;
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(this::loop, "dispatcher-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        for (Thread t : workers) {
            try {
                t.join(webhook.requestTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that made deliveries due. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                int n = dispatchOnce();
                if (n < config.batchSize()) {
                    awaitWake(config.pollInterval());
                }
            } catch (Exception e) {
                Log.warnf("dispatcher: %s; trying again shortly", e.toString());
                awaitWake(Duration.ofSeconds(1));
            }
        }
    }

    private void awaitWake(Duration timeout) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Claims and sends one batch; returns how many deliveries it claimed. Public for tests and benchmarks. */
    public int dispatchOnce() throws Exception {
        UUID owner = UUID.randomUUID();
        long t0 = System.nanoTime();
        List<DeliveryJob> jobs = store.claim(config.batchSize(), owner, config.lease());
        if (jobs.isEmpty()) {
            return 0;
        }
        long t1 = System.nanoTime();
        List<CompletableFuture<DeliveryStore.Completion>> pending = new ArrayList<>(jobs.size());
        Map<UUID, String> disable = new java.util.concurrent.ConcurrentHashMap<>();
        for (DeliveryJob job : jobs) {
            pending.add(dispatch(job, disable));
        }
        List<DeliveryStore.Completion> done = new ArrayList<>(jobs.size());
        long deadline = System.nanoTime() + webhook.requestTimeout().plusSeconds(5).toNanos();
        for (int i = 0; i < pending.size(); i++) {
            try {
                done.add(pending.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (Exception e) {
                // Left SENDING: the lease runs out and the delivery is claimed again, as after a crash.
                Log.warnf("delivery %s did not finish in time: %s", jobs.get(i).deliveryId(), e.toString());
            }
        }
        long t2 = System.nanoTime();
        store.complete(owner, done, new HashMap<>(disable));
        Log.debugf("dispatched %d: claim %d ms, send %d ms, record %d ms", jobs.size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return jobs.size();
    }

    private CompletableFuture<DeliveryStore.Completion> dispatch(DeliveryJob job, Map<UUID, String> disable) {
        String skip = Outcomes.notSendable(job);
        if (skip != null) {
            return CompletableFuture.completedFuture(outcomes.cancelled(job, skip));
        }
        Duration wait = limiter.acquire(job.destinationId(), ratePerMinute(job));
        if (!wait.isZero()) {
            return CompletableFuture.completedFuture(outcomes.defer(job, wait, "PENDING"));
        }
        CompletableFuture<SendOutcome> sent;
        try {
            sent = senders.of(job.channel()).send(job);
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(SendOutcome.retry(e.toString(), null));
        }
        return sent.exceptionally(e -> SendOutcome.retry(String.valueOf(e), null))
                .thenApply(outcome -> outcomes.apply(job, outcome, "PENDING", disable));
    }

    int ratePerMinute(DeliveryJob job) {
        if (job.ratePerMinute() != null) {
            return job.ratePerMinute();
        }
        return switch (job.channel()) {
            case SLACK -> config.slackPerMinute();
            case EMAIL -> config.emailPerMinute();
            case WEBHOOK -> config.webhookPerMinute();
        };
    }
}
