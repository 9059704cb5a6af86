-- Every URL a story was seen at. The URL is the key: a URL belongs to exactly one announcement, so a
-- re-fetched item is recognised before it is cleaned again.
CREATE TABLE announcement_url (
    url             TEXT         PRIMARY KEY,
    announcement_id VARCHAR(64)  NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
    source          VARCHAR(200) NOT NULL,
    seen_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX announcement_url_announcement ON announcement_url (announcement_id);
INSERT INTO announcement_url (url, announcement_id, source, seen_at)
    SELECT url, id, source, ingested_at FROM announcement WHERE url IS NOT NULL ON CONFLICT DO NOTHING;

-- Content fingerprints for one-story-one-announcement across instances: an exact hash of the normalised
-- body, and a MinHash signature (64 x 32 bit) of the lead's word 3-shingles. LSH: the signature is cut into
-- 16 bands of 4 rows; stories whose shingle sets are ~50% similar or more share a band with high
-- probability, so an indexed lookup of the 16 band hashes finds the candidates, and the signatures decide.
ALTER TABLE announcement
    ADD COLUMN content_hash VARCHAR(64),
    ADD COLUMN minhash      BYTEA,
    ADD COLUMN token_count  INTEGER;
CREATE INDEX announcement_content_hash ON announcement (content_hash);
CREATE TABLE announcement_band (
    band            SMALLINT    NOT NULL,
    hash            INTEGER     NOT NULL,
    announcement_id VARCHAR(64) NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, announcement_id)
);
CREATE INDEX announcement_band_announcement ON announcement_band (announcement_id);
-- The list API filters by source and pages by ingestion time.
CREATE INDEX announcement_source_ingested ON announcement (source, ingested_at DESC);
CREATE INDEX announcement_ingested ON announcement (ingested_at DESC);

CREATE TABLE source (
    id                   BIGSERIAL    PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL UNIQUE,
    kind                 VARCHAR(20)  NOT NULL,
    url                  TEXT         NOT NULL,
    link_pattern         TEXT,
    poll_interval_s      INTEGER      NOT NULL,
    paused               BOOLEAN      NOT NULL DEFAULT FALSE,
    status               VARCHAR(20)  NOT NULL,
    etag                 TEXT,
    last_modified        TEXT,
    consecutive_failures INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    next_poll_at         TIMESTAMPTZ  NOT NULL,
    stories_new          BIGINT       NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL
);
-- The scheduler claims due sources with SKIP LOCKED, so several instances never poll one source twice.
CREATE INDEX source_due ON source (next_poll_at) WHERE paused = FALSE;
