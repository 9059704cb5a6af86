package io.bioalert.notify.delivery;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many deliveries each destination has out whose outcome is not yet written. A slot is taken before a
 * send and given back only once the outcome is in the database, so that a process dying at any moment has
 * at most {@code cap} sends per destination that it may have made without recording them: those are the
 * only deliveries another instance can send a second time.
 */
public final class DestinationSlots {

    private final Map<UUID, Integer> taken = new ConcurrentHashMap<>();

    /** Takes a slot of {@code destination} if fewer than {@code cap} are taken; false when it is full. */
    public boolean tryTake(UUID destination, int cap) {
        boolean[] got = {false};
        taken.compute(destination, (d, n) -> {
            int now = n == null ? 0 : n;
            if (now >= cap) {
                return n;
            }
            got[0] = true;
            return now + 1;
        });
        return got[0];
    }

    /** Gives one slot of {@code destination} back; a destination with none left is forgotten. */
    public void release(UUID destination) {
        taken.computeIfPresent(destination, (d, n) -> n <= 1 ? null : n - 1);
    }

    /** Slots of {@code destination} taken now. */
    public int taken(UUID destination) {
        return taken.getOrDefault(destination, 0);
    }
}
