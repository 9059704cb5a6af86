-- A preview reads the stored announcements of the last 90 days and then only those received since its last
-- read; both are ranges of received_at.
CREATE INDEX announcement_received_at ON announcement (received_at);
