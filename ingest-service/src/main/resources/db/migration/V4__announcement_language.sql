-- The language ingest decided from the text ("zh", "en"); null for rows stored before it was decided.
ALTER TABLE announcement ADD COLUMN language VARCHAR(8);
