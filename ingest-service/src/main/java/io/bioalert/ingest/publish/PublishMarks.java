package io.bioalert.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * Writes what the broker answered back into the outbox, in batches: the producer's callbacks (on its I/O
 * thread, which must not wait for a database) only enqueue, and one thread writes whatever has gathered in
 * one transaction: one {@code UPDATE ... WHERE id = ANY(?)} for the acknowledged rows, one for the poisoned
 * ones with their reasons, one giving back the claims of rows to retry. Each row's future completes once
 * its mark is committed.
 */
@ApplicationScoped
class PublishMarks {

    private enum Kind { PUBLISHED, POISONED, RELEASED }

    private record Mark(Kind kind, String id, String reason, CompletableFuture<PublishOutcome> done) {
    }

    private static final int MAX_BATCH = 2000;
    private static final Mark STOP = new Mark(null, null, null, null);

    private final BlockingQueue<Mark> queue = new LinkedBlockingQueue<>();
    private final DataSource dataSource;
    private final Counter published;
    private final Counter failures;
    private final Counter poisoned;
    private Thread thread;

    PublishMarks(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.published = registry.counter("bioalert.ingest.published");
        this.failures = registry.counter("bioalert.ingest.publish.failures");
        this.poisoned = registry.counter("bioalert.ingest.publish.poisoned");
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "ingest-publish-marks");
        thread.setDaemon(true);
        thread.start();
    }

    /** After the producer is closed (its last callbacks are in): writes what is queued, then stops. */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 300) ShutdownEvent event) throws InterruptedException {
        queue.add(STOP);
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    void published(String id, CompletableFuture<PublishOutcome> done) {
        queue.add(new Mark(Kind.PUBLISHED, id, null, done));
    }

    /** A refusal for good is marked poisoned; anything else gives the row back to the sweep. */
    void failed(String id, PublishFailure failure, CompletableFuture<PublishOutcome> done) {
        if (failure.poison()) {
            Log.errorf("announcement %s can never be published and is marked poisoned: %s", id, failure.reason());
            queue.add(new Mark(Kind.POISONED, id, failure.reason(), done));
        } else {
            Log.warnf("announcement %s not published yet, the sweep will retry: %s", id, failure.reason());
            release(id, done);
        }
    }

    /** Not sent (or not acknowledged): the claim is given back so that the next sweep takes the row. */
    void release(String id, CompletableFuture<PublishOutcome> done) {
        queue.add(new Mark(Kind.RELEASED, id, null, done));
    }

    private void run() {
        List<Mark> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.remove(STOP);
                write(batch);
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Mark> marks) {
        List<String> publishedIds = new ArrayList<>();
        List<String> poisonedIds = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> releasedIds = new ArrayList<>();
        for (Mark m : marks) {
            switch (m.kind()) {
                case PUBLISHED -> publishedIds.add(m.id());
                case POISONED -> {
                    poisonedIds.add(m.id());
                    reasons.add(m.reason());
                }
                case RELEASED -> releasedIds.add(m.id());
            }
        }
        boolean written;
        try {
            QuarkusTransaction.requiringNew().run(() -> update(publishedIds, poisonedIds, reasons, releasedIds));
            written = true;
        } catch (RuntimeException e) {
            // Published but not marked: the sweep publishes those again once their claim runs out.
            Log.warnf("publish marks of %d announcements not written, the sweep will retry them: %s", marks.size(),
                    e.getMessage());
            written = false;
        }
        for (Mark m : marks) {
            PublishOutcome outcome = !written ? PublishOutcome.RETRY_LATER : switch (m.kind()) {
                case PUBLISHED -> PublishOutcome.PUBLISHED;
                case POISONED -> PublishOutcome.POISONED;
                case RELEASED -> PublishOutcome.RETRY_LATER;
            };
            count(outcome);
            m.done().complete(outcome);
        }
    }

    private void update(List<String> publishedIds, List<String> poisonedIds, List<String> reasons,
            List<String> releasedIds) {
        try (Connection c = dataSource.getConnection()) {
            if (!publishedIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE announcement SET published_to_kafka_at = now() WHERE id = ANY(?::text[])")) {
                    ps.setArray(1, c.createArrayOf("text", publishedIds.toArray()));
                    ps.executeUpdate();
                }
            }
            if (!poisonedIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE announcement a SET poisoned_at = now(), poison_reason = p.reason, publish_claimed_until = NULL
                        FROM unnest(?::text[], ?::text[]) AS p(id, reason) WHERE a.id = p.id""")) {
                    ps.setArray(1, c.createArrayOf("text", poisonedIds.toArray()));
                    ps.setArray(2, c.createArrayOf("text", reasons.toArray()));
                    ps.executeUpdate();
                }
            }
            if (!releasedIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE announcement SET publish_claimed_until = NULL
                        WHERE id = ANY(?::text[]) AND published_to_kafka_at IS NULL""")) {
                    ps.setArray(1, c.createArrayOf("text", releasedIds.toArray()));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(PublishOutcome outcome) {
        switch (outcome) {
            case PUBLISHED -> published.increment();
            case POISONED -> poisoned.increment();
            case RETRY_LATER -> failures.increment();
        }
    }
}
