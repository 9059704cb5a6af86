package io.bioalert.notify.delivery;

import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.outage.DatabaseOutage;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends deliveries. Fresh ones mostly arrive from the {@link DeliveryRecorder}, inserted already claimed
 * for this instance with in-flight permits reserved here, and start at once. Claim loops take the rest in
 * batches of due rows (SKIP LOCKED, under a lease): retries, chunks recorded while this instance had no
 * room, work left by other instances. Either way no more than {@code max-in-flight} deliveries are out at
 * once, and one writer records the outcomes as they come back, many per statement. Nobody waits for a
 * whole batch, so a receiver that takes its full timeout delays only its own deliveries.
 *
 * <p>During a database outage nothing is claimed and the outcomes sent meanwhile wait in memory until they
 * can be written: a claim made before them could take rows that are only waiting for their outcome and
 * send them a second time.
 */
@ApplicationScoped
public class Dispatcher {

    private final DeliveryStore store;
    private final Senders senders;
    private final Outcomes outcomes;
    private final RateLimiter limiter;
    /** Deliveries a destination at its cap has waiting, at most this many each (they hold in-flight permits). */
    static final int MAX_WAITING_PER_DESTINATION = 256;

    private final DestinationSlots slots = new DestinationSlots();
    /** Per destination, claimed deliveries waiting for one of its slots, oldest first. */
    private final Map<UUID, Deque<WaitingDelivery>> waitingLines = new ConcurrentHashMap<>();
    /** The deliveries holding a slot of their destination until their outcome is written. */
    private final Map<UUID, UUID> slotHolders = new ConcurrentHashMap<>();
    private final DatabaseOutage database;
    private final NotifyConfig.Dispatch config;
    private final Duration sendDeadline;
    /**
     * This instance's lease owner, its heartbeat id: outcomes are recorded only for rows whose lease is
     * still ours, and the heartbeats of the others free our rows at once if we die.
     */
    private final UUID owner;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final BlockingQueue<DeliveryStore.Completion> finished = new LinkedBlockingQueue<>();
    private final Map<UUID, String> toDisable = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private boolean woken;
    private volatile boolean running;
    /** Outcomes could not be written at the last try: claim nothing until they are. */
    private volatile boolean outcomesBehind;

    Dispatcher(DeliveryStore store, Senders senders, Outcomes outcomes, RateLimiter limiter, NotifyConfig config,
            DatabaseOutage database, LiveInstances instances) {
        this.owner = instances.id();
        this.store = store;
        this.database = database;
        this.senders = senders;
        this.outcomes = outcomes;
        this.limiter = limiter;
        this.config = config.dispatch();
        Duration slowest = config.webhook().requestTimeout().compareTo(config.mail().sendTimeout()) > 0
                ? config.webhook().requestTimeout() : config.mail().sendTimeout();
        this.sendDeadline = slowest.plusSeconds(5); // channels time out first; this is the backstop
        this.maxInFlight = Math.max(this.config.maxInFlight(), this.config.batchSize());
        this.inFlight = new Semaphore(maxInFlight);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("delivery dispatcher disabled by configuration");
            return;
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            threads.add(daemon(this::claimLoop, "dispatcher-" + i));
        }
        threads.add(daemon(this::recordLoop, "dispatcher-outcomes"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                t.join(sendDeadline.toMillis() + 2000);
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

    private void claimLoop() {
        while (running) {
            try {
                if (claimAndSend() < config.batchSize()) {
                    awaitWake(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (e instanceof SQLException sql && database.isOutage(sql)) {
                    awaitDatabase();
                } else {
                    Log.warnf("dispatcher: %s; trying again shortly", e.toString());
                    awaitWake(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void awaitDatabase() {
        try {
            database.awaitUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Claims one batch and starts sending it; returns how many deliveries it claimed. */
    private int claimAndSend() throws Exception {
        if (outcomesBehind || database.isDown()) {
            return 0;
        }
        int batch = config.batchSize();
        inFlight.acquire(batch); // backpressure: never more than max-in-flight deliveries out at once
        List<DeliveryJob> jobs;
        try {
            if (!running) {
                return 0;
            }
            jobs = store.claim(batch, owner, config.lease());
        } finally {
            inFlight.release(batch);
        }
        sendReserved(jobs, 0);
        return jobs.size();
    }

    /**
     * Takes {@code n} in-flight permits for deliveries the caller is about to claim as it inserts them,
     * waiting at most {@code wait}; 0 when they did not free up in time or the dispatcher is stopped, and
     * the caller then leaves its deliveries to the claim loops.
     */
    public int reserve(int n, Duration wait) throws InterruptedException {
        if (!running || n > maxInFlight) {
            return 0;
        }
        return inFlight.tryAcquire(n, wait.toMillis(), TimeUnit.MILLISECONDS) ? n : 0;
    }

    /**
     * Sends deliveries claimed under {@link #owner()} with permits from {@link #reserve}, handing back the
     * ones left over and waiting for a permit for each delivery beyond them.
     */
    public void sendReserved(List<DeliveryJob> jobs, int permits) throws InterruptedException {
        if (permits > jobs.size()) {
            inFlight.release(permits - jobs.size());
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (i >= permits) {
                inFlight.acquire(); // e.g. watchlists with several destinations: more deliveries than reserved
            }
            start(jobs.get(i));
        }
    }

    /** The lease owner to claim deliveries for when handing them to {@link #sendReserved}. */
    public UUID owner() {
        return owner;
    }

    public Duration lease() {
        return config.lease();
    }

    /** Starts sending one claimed delivery that holds a permit; the permit is released once its outcome is queued. */
    private void start(DeliveryJob job) {
        dispatch(job, toDisable)
                .whenComplete((done, failure) -> {
                    Throwable e = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    if (done != null) {
                        finished.add(done);
                    } else if (e instanceof TimeoutException) {
                        // Left SENDING: the lease runs out and the delivery is claimed again, as after a crash.
                        Log.warnf("delivery %s did not finish in time: %s", job.deliveryId(), e);
                        releaseSlot(job.deliveryId());
                    } else {
                        Log.errorf(e, "delivery %s broke before it had an outcome", job.deliveryId());
                        finished.add(outcomes.broken(job, e, "PENDING"));
                    }
                    // Released after queueing the outcome: at shutdown the writer stops once no permit
                    // is out and nothing is queued, and must not miss this one.
                    inFlight.release();
                });
    }

    /** Writes outcomes as they arrive, up to a thousand per statement; after shutdown, until none is out. */
    private void recordLoop() {
        List<DeliveryStore.Completion> batch = new ArrayList<>();
        while (running || !finished.isEmpty() || inFlight.availablePermits() < maxInFlight) {
            try {
                DeliveryStore.Completion first = finished.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                finished.drainTo(batch, 999);
                Map<UUID, String> disable = new HashMap<>();
                toDisable.keySet().forEach(id -> disable.put(id, toDisable.remove(id)));
                recordWithRetry(batch, disable);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes a batch of outcomes, then gives their destinations' slots back, written or given up on. */
    private void recordWithRetry(List<DeliveryStore.Completion> batch, Map<UUID, String> disable)
            throws InterruptedException {
        try {
            writeWithRetry(batch, disable);
        } finally {
            batch.forEach(done -> releaseSlot(done.deliveryId()));
        }
    }

    private void releaseSlot(UUID deliveryId) {
        UUID destination = slotHolders.remove(deliveryId);
        if (destination != null) {
            slots.release(destination);
            sendWaiting(destination);
        }
    }

    private void writeWithRetry(List<DeliveryStore.Completion> batch, Map<UUID, String> disable)
            throws InterruptedException {
        for (int attempt = 1; ; ) {
            try {
                store.complete(owner, batch, disable);
                outcomesBehind = false;
                return;
            } catch (Exception e) {
                outcomesBehind = true;
                if (e instanceof SQLException sql && database.isOutage(sql)) {
                    database.awaitUp(); // kept in memory meanwhile; waiting spends no attempt
                    continue;
                }
                if (attempt >= 6) {
                    // The rows stay SENDING and are sent again after their lease: at least once, never lost.
                    Log.errorf("could not record %d delivery outcomes: %s", batch.size(), e.toString());
                    outcomesBehind = false;
                    return;
                }
                Log.warnf("recording %d delivery outcomes failed (attempt %d): %s", batch.size(), attempt, e.toString());
                Thread.sleep(200L << attempt);
                attempt++;
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

    /**
     * Claims one batch under an owner of its own, sends it, waits for every outcome and records them: what
     * another instance's dispatcher does, for tests that race claimers against each other.
     *
     * @return how many deliveries it claimed
     */
    public int dispatchOnce() throws Exception {
        UUID batchOwner = UUID.randomUUID();
        List<DeliveryJob> jobs = store.claim(config.batchSize(), batchOwner, config.lease());
        List<CompletableFuture<DeliveryStore.Completion>> pending = new ArrayList<>(jobs.size());
        Map<UUID, String> disable = new ConcurrentHashMap<>();
        for (DeliveryJob job : jobs) {
            pending.add(dispatch(job, disable));
        }
        List<DeliveryStore.Completion> done = new ArrayList<>(jobs.size());
        long deadline = System.nanoTime() + sendDeadline.toNanos();
        for (CompletableFuture<DeliveryStore.Completion> p : pending) {
            try {
                done.add(p.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                // Left SENDING, as in the background loop.
            }
        }
        try {
            if (!jobs.isEmpty()) {
                store.complete(batchOwner, done, new HashMap<>(disable));
            }
        } finally {
            jobs.forEach(job -> releaseSlot(job.deliveryId()));
        }
        return jobs.size();
    }

    private CompletableFuture<DeliveryStore.Completion> dispatch(DeliveryJob job, Map<UUID, String> disable) {
        String skip = Outcomes.notSendable(job);
        if (skip != null) {
            return CompletableFuture.completedFuture(outcomes.cancelled(job, skip));
        }
        if (!slots.tryTake(job.destinationId(), inFlightCap(job))) {
            return awaitSlot(job, disable);
        }
        return send(job, disable);
    }

    /**
     * The destination has its share out already: the delivery waits in its line here, still claimed and
     * holding its in-flight permit, and is sent as soon as an outcome of that destination is written. Going
     * back to the database instead would cost a row write per delivery per round and leave one busy
     * destination at its cap per poll interval. A full line, or a delivery that waited half its lease, goes
     * back to the queue after all, with no attempt spent, so no other instance takes a row we still hold.
     */
    private CompletableFuture<DeliveryStore.Completion> awaitSlot(DeliveryJob job, Map<UUID, String> disable) {
        WaitingDelivery waiting = new WaitingDelivery(job, disable, System.nanoTime(), new CompletableFuture<>());
        boolean[] queued = {false};
        waitingLines.compute(job.destinationId(), (d, line) -> {
            Deque<WaitingDelivery> l = line == null ? new ArrayDeque<>() : line;
            if (l.size() < MAX_WAITING_PER_DESTINATION) {
                l.addLast(waiting);
                queued[0] = true;
            }
            return l;
        });
        if (!queued[0]) {
            return CompletableFuture.completedFuture(outcomes.defer(job, config.pollInterval(), "PENDING"));
        }
        sendWaiting(job.destinationId()); // a slot may have come free since it was refused
        return waiting.result();
    }

    /** Sends from the destination's line while it has free slots. */
    private void sendWaiting(UUID destination) {
        while (true) {
            WaitingDelivery next = nextWaiting(destination);
            if (next == null) {
                return;
            }
            long waitedNanos = System.nanoTime() - next.since();
            if (!running || waitedNanos > config.lease().toNanos() / 2) {
                slots.release(destination);
                next.result().complete(outcomes.defer(next.job(), Duration.ZERO, "PENDING"));
                continue;
            }
            send(next.job(), next.disable()).whenComplete((done, e) -> {
                if (e != null) {
                    next.result().completeExceptionally(e);
                } else {
                    next.result().complete(done);
                }
            });
        }
    }

    /** The head of the destination's line with a slot taken for it, or null when the line is empty or full. */
    private WaitingDelivery nextWaiting(UUID destination) {
        WaitingDelivery[] next = {null};
        waitingLines.computeIfPresent(destination, (d, line) -> {
            WaitingDelivery head = line.peekFirst();
            if (head != null && slots.tryTake(destination, inFlightCap(head.job()))) {
                next[0] = line.pollFirst();
            }
            return line.isEmpty() ? null : line;
        });
        return next[0];
    }

    /** Sends a delivery that holds a slot of its destination; the time limit runs from here, not from its wait. */
    private CompletableFuture<DeliveryStore.Completion> send(DeliveryJob job, Map<UUID, String> disable) {
        slotHolders.put(job.deliveryId(), job.destinationId());
        Duration wait = limiter.acquire(job.destinationId(), ratePerMinute(job));
        if (!wait.isZero()) {
            return CompletableFuture.completedFuture(outcomes.defer(job, wait, "PENDING"));
        }
        CompletableFuture<SendOutcome> sent;
        try {
            ChannelSender sender = senders.of(job.channel());
            sent = job.notice() == null ? sender.send(job) : sender.sendNotice(job);
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(SendOutcome.retry(e.toString(), null));
        }
        return sent.exceptionally(e -> SendOutcome.retry(String.valueOf(e), null))
                .thenApply(outcome -> outcomes.apply(job, outcome, "PENDING", disable))
                .orTimeout(sendDeadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record WaitingDelivery(DeliveryJob job, Map<UUID, String> disable, long since,
            CompletableFuture<DeliveryStore.Completion> result) {
    }

    /** Sends out at once to the job's destination, outcomes not yet written: 1 for Slack, which cannot drop a repeat. */
    int inFlightCap(DeliveryJob job) {
        return switch (job.channel()) {
            case SLACK -> 1;
            case EMAIL -> config.inFlightPerEmail();
            case WEBHOOK -> config.inFlightPerWebhook();
        };
    }

    /** Slots of a destination taken now: sends out, or outcomes not yet written. */
    public int inFlight(UUID destinationId) {
        return slots.taken(destinationId);
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
