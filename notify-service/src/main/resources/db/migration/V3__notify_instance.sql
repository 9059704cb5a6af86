-- One row per running notify-service instance, its heartbeat refreshed every few seconds. Rate limits
-- are kept in memory by each instance; dividing a destination's rate by the number of live instances
-- keeps all of them together to it without a shared counter on every send.
CREATE TABLE notify_instance (
    id      UUID        PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);
