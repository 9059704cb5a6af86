package io.bioalert.ingest.store;

import io.bioalert.model.RawAnnouncement;
import java.time.Instant;
import java.util.List;

/**
 * Takes announcements to Kafka once their rows are committed. The announcement table is the outbox: each
 * new row is stored claimed for this instance ({@code publish_claimed_until}), so no sweep takes it while
 * it is on its way; whatever the relay cannot send before the claim runs out (a crash, a broker outage, a
 * full queue) is left in the table for the sweep. The store only hands over; it never waits for the broker.
 */
public interface OutboxRelay {

    /** Must not block: called by the store's writer right after the commit. */
    void relay(List<RawAnnouncement> committed, Instant claimedUntil);
}
