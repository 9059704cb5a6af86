package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DestinationSlotsTest {

    private final DestinationSlots slots = new DestinationSlots();

    @Test
    void aDestinationGetsNoMoreSlotsThanItsCapUntilOneIsGivenBack() {
        UUID slack = UUID.randomUUID();
        assertThat(slots.tryTake(slack, 1)).isTrue();
        assertThat(slots.tryTake(slack, 1)).isFalse();
        assertThat(slots.taken(slack)).isEqualTo(1);
        slots.release(slack);
        assertThat(slots.taken(slack)).isZero();
        assertThat(slots.tryTake(slack, 1)).isTrue();
    }

    @Test
    void destinationsCountApart() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(slots.tryTake(a, 3)).isTrue();
        }
        assertThat(slots.tryTake(a, 3)).isFalse();
        assertThat(slots.tryTake(b, 3)).isTrue();
        assertThat(slots.taken(a)).isEqualTo(3);
        assertThat(slots.taken(b)).isEqualTo(1);
    }

    @Test
    void givingBackMoreThanWasTakenNeverGoesBelowZero() {
        UUID d = UUID.randomUUID();
        slots.release(d);
        assertThat(slots.taken(d)).isZero();
        assertThat(slots.tryTake(d, 2)).isTrue();
        slots.release(d);
        slots.release(d);
        assertThat(slots.taken(d)).isZero();
        assertThat(slots.tryTake(d, 2)).isTrue();
        assertThat(slots.tryTake(d, 2)).isTrue();
        assertThat(slots.tryTake(d, 2)).isFalse();
    }

    @Test
    void threadsRacingForOneDestinationNeverHoldMoreThanTheCap() throws Exception {
        UUID d = UUID.randomUUID();
        int cap = 4;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> racers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 5_000; i++) {
                        if (slots.tryTake(d, cap)) {
                            granted.incrementAndGet();
                            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            holding.decrementAndGet();
                            slots.release(d);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : racers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, cap);
        assertThat(granted.get()).isPositive();
        assertThat(slots.taken(d)).isZero();
    }
}
