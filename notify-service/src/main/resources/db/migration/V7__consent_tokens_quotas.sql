-- Confirm links are kept only as the SHA-256 of their token, and expire. Tokens already sent keep
-- working until then: their hash is what a click is looked up by.
ALTER TABLE destination RENAME COLUMN confirm_token TO confirm_token_hash;
UPDATE destination SET confirm_token_hash = encode(sha256(convert_to(confirm_token_hash, 'UTF8')), 'hex')
 WHERE confirm_token_hash IS NOT NULL;
ALTER TABLE destination ADD COLUMN confirm_expires_at TIMESTAMPTZ;
UPDATE destination SET confirm_expires_at = now() + interval '7 days' WHERE confirm_token_hash IS NOT NULL;

-- Unsubscribe links, by the SHA-256 of their token. A mail must carry the token itself, which a hash
-- cannot give back: each instance mints a token for a destination the first time it mails it, stores its
-- hash here and keeps the token in memory only. A destination may so have several valid links, all of
-- them working for as long as the mails that carry them are read. The tokens of the mails already sent
-- move here hashed.
CREATE TABLE unsubscribe_link (
    token_hash     CHAR(64)    PRIMARY KEY,
    destination_id UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
INSERT INTO unsubscribe_link (token_hash, destination_id, created_at)
SELECT encode(sha256(convert_to(unsubscribe_token, 'UTF8')), 'hex'), id, created_at
  FROM destination WHERE unsubscribe_token IS NOT NULL;
ALTER TABLE destination DROP COLUMN unsubscribe_token;

-- The API's rate quotas, counted in fixed windows: one row per (what is counted, window). The bucket is
-- the SHA-256 of what is counted (a client address, a subscriber, a host, a mail address), so that the
-- table holds no address. Windows more than two days old are deleted.
CREATE TABLE quota_use (
    bucket       CHAR(64)    NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    uses         INTEGER     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
