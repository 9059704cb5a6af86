-- A stored announcement the broker will never take (larger than the producer's max.request.size or the
-- topic's limit, refused as invalid) is marked poisoned with the reason and leaves the outbox, so the sweep
-- stops offering it and the rows behind it are not held back. Operators see these rows through the API.
ALTER TABLE announcement
    ADD COLUMN poisoned_at   TIMESTAMPTZ,
    ADD COLUMN poison_reason TEXT;
DROP INDEX announcement_unpublished;
CREATE INDEX announcement_unpublished ON announcement (ingested_at)
    WHERE published_to_kafka_at IS NULL AND poisoned_at IS NULL;
-- The poisoned listing (newest first) and each source's count and last reason.
CREATE INDEX announcement_poisoned ON announcement (source, poisoned_at DESC) WHERE poisoned_at IS NOT NULL;
