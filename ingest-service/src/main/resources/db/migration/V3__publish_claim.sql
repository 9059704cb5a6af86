-- The publish sweep claims the unpublished rows it takes until publish_claimed_until, so that the sweeps of
-- several ingest instances take different rows instead of publishing the same ones twice. A sweep that dies
-- mid-way leaves its rows to be claimed again when the claim runs out.
ALTER TABLE announcement ADD COLUMN publish_claimed_until TIMESTAMPTZ;
