-- The delivery table is the hot, append-mostly queue: every fan-out inserts a row per destination and
-- updates it once more with the outcome. Its foreign keys cost a lookup and a row lock (FOR KEY SHARE,
-- written to the watchlist, destination and announcement rows) per inserted delivery, about a quarter of
-- the insert, and protect nothing the schema does not already ensure: deliveries are inserted only from
-- a join on their watchlist and destination, after their announcement, and none of those rows is ever
-- deleted (watchlists and destinations are soft-deleted with deleted_at).
ALTER TABLE delivery DROP CONSTRAINT delivery_watchlist_id_fkey;
ALTER TABLE delivery DROP CONSTRAINT delivery_destination_id_fkey;
ALTER TABLE delivery DROP CONSTRAINT delivery_announcement_id_fkey;
