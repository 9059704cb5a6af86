package io.bioalert.ingest.publish;

import io.bioalert.ingest.store.OutboxRelay;
import io.bioalert.model.RawAnnouncement;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The store's outbox relay: committed announcements wait in a bounded queue, and one thread hands them to
 * the producer, so the store's writer never waits for serialisation, metadata or buffer space. Nothing here
 * is the only copy: a row the queue has no room for, or that is still queued when the broker turns out to
 * be unreachable, is given back to the sweep.
 */
@ApplicationScoped
class KafkaRelay implements OutboxRelay {

    private record Entry(RawAnnouncement announcement, Instant claimedUntil) {
    }

    /** About 20 MB of 2 KB stories: several seconds of the producer's pace, far less than a claim. */
    private static final int CAPACITY = 10_000;
    private static final Entry STOP = new Entry(null, null);

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final KafkaSender sender;
    private final PublishMarks marks;
    private Thread thread;
    private volatile boolean overflowing;

    KafkaRelay(KafkaSender sender, PublishMarks marks) {
        this.sender = sender;
        this.marks = marks;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "ingest-publish-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** After the store's writer has stopped: sends what is queued, then stops. */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) ShutdownEvent event) throws InterruptedException {
        if (thread != null && queue.offer(STOP, 5, TimeUnit.SECONDS)) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    @Override
    public void relay(List<RawAnnouncement> committed, Instant claimedUntil) {
        for (RawAnnouncement a : committed) {
            if (!queue.offer(new Entry(a, claimedUntil))) {
                if (!overflowing) {
                    overflowing = true;
                    Log.warnf("publish queue full (%d): announcements left to the sweep", CAPACITY);
                }
                marks.release(a.id(), new CompletableFuture<>());
            }
        }
    }

    private void run() {
        sender.connect();
        try {
            for (Entry e = queue.take(); e != STOP; e = queue.take()) {
                overflowing = false;
                if (sender.send(e.announcement(), e.claimedUntil()).brokerUnavailable()) {
                    giveBackQueued();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The broker is out of reach: what is queued would each wait as long, so the sweep takes it later. */
    private void giveBackQueued() {
        List<Entry> queued = new ArrayList<>();
        queue.drainTo(queued);
        for (Entry e : queued) {
            if (e == STOP) {
                queue.add(STOP);
            } else {
                marks.release(e.announcement().id(), new CompletableFuture<>());
            }
        }
        if (!queued.isEmpty()) {
            Log.warnf("broker unreachable: %d queued announcements left to the sweep", queued.size());
        }
    }
}
