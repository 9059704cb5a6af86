package io.bioalert.ingest.store;

import io.bioalert.ingest.config.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: every caller (a push, a batch push, a file import, a feed poll) enqueues its stories and
 * waits; one writer thread stores what is queued, up to {@code max-stories} stories or {@code max-chars}
 * characters, in one transaction ({@link BatchWriter}), and answers each caller with its own results. Under
 * load, eight clients pushing one story each cost one transaction, not eight; alone, a story waits at most
 * {@code linger} for company. A caller's stories are never split, so a batch push is stored whole.
 *
 * <p>When a group fails (the database refused it), each caller's stories are tried again on their own, so
 * that one bad submission does not fail the others queued with it.
 */
@ApplicationScoped
class GroupCommit {

    private record Submission(List<PreparedStory> stories, int size, CompletableFuture<List<IngestResult>> result) {
    }

    private static final Submission STOP = new Submission(List.of(), 0, null);

    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    /** Stories queued or being written: what callers are waiting for. */
    private final AtomicInteger pending = new AtomicInteger();
    private final BatchWriter writer;
    private final int maxStories;
    private final long maxChars;
    private final Duration linger;
    private Thread thread;
    private volatile boolean stopping;

    GroupCommit(BatchWriter writer, IngestConfig config, MeterRegistry registry) {
        this.writer = writer;
        this.maxStories = config.store().maxStories();
        this.maxChars = config.store().maxChars();
        this.linger = config.store().linger();
        registry.gauge("bioalert.ingest.store.pending", pending);
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "ingest-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the writer finish what is queued, then stops it. */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        queue.add(STOP);
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** Stores the stories with whatever else is queued; blocks until they are committed. */
    List<IngestResult> store(List<PreparedStory> stories) {
        if (stories.isEmpty()) {
            return List.of();
        }
        Submission submission = new Submission(stories, stories.stream().mapToInt(PreparedStory::size).sum(),
                new CompletableFuture<>());
        if (stopping || thread == null || !thread.isAlive()) {
            throw new IllegalStateException("the store's writer is not running (ingest-service is starting or stopping)");
        }
        pending.addAndGet(stories.size());
        queue.add(submission);
        if (!thread.isAlive()) {
            failQueued(); // came in after the writer's last look at the queue
        }
        try {
            return submission.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the stories were being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Stories queued or being written now. */
    int pending() {
        return pending.get();
    }

    private void run() {
        try {
            Submission first = queue.take();
            while (first != STOP) {
                List<Submission> group = new ArrayList<>();
                Submission next = gather(first, group);
                write(group);
                first = next != null ? next : queue.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failQueued();
        }
    }

    /**
     * Fills {@code group} with the first submission and what joins it (queued now, or arriving within the
     * linger) up to the caps; returns a submission already taken from the queue that starts the next
     * group, or null.
     */
    private Submission gather(Submission first, List<Submission> group) throws InterruptedException {
        group.add(first);
        int stories = first.stories().size();
        long chars = first.size();
        long deadline = System.nanoTime() + linger.toNanos();
        while (stories < maxStories && chars < maxChars) {
            Submission next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                    return null;
                }
            }
            if (next == STOP || stories + next.stories().size() > maxStories || chars + next.size() > maxChars) {
                return next;
            }
            group.add(next);
            stories += next.stories().size();
            chars += next.size();
        }
        return null;
    }

    private void write(List<Submission> submissions) {
        try {
            List<IngestResult> results = writer.store(submissions.stream().flatMap(s -> s.stories().stream()).toList());
            int from = 0;
            for (Submission s : submissions) {
                complete(s, results.subList(from, from + s.stories().size()));
                from += s.stories().size();
            }
        } catch (RuntimeException e) {
            if (submissions.size() == 1) {
                fail(submissions.get(0), e);
                return;
            }
            Log.warnf("a group of %d submissions failed (%s); storing each on its own", submissions.size(), e.getMessage());
            for (Submission s : submissions) {
                try {
                    complete(s, writer.store(s.stories()));
                } catch (RuntimeException alone) {
                    fail(s, alone);
                }
            }
        }
    }

    private void complete(Submission s, List<IngestResult> results) {
        pending.addAndGet(-s.stories().size());
        s.result().complete(List.copyOf(results));
    }

    private void fail(Submission s, RuntimeException e) {
        pending.addAndGet(-s.stories().size());
        s.result().completeExceptionally(e);
    }

    private void failQueued() {
        for (Submission s; (s = queue.poll()) != null; ) {
            if (s != STOP) {
                fail(s, new IllegalStateException("ingest-service is shutting down"));
            }
        }
    }
}
