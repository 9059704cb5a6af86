-- Subscribers authenticate with an API token; only its SHA-256 is stored.
CREATE TABLE subscriber (
    id          UUID         PRIMARY KEY,
    email       VARCHAR(320) NOT NULL,
    name        VARCHAR(200),
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL
);

-- change_seq is bumped from one sequence on every insert, update and (soft) delete, so that every
-- notify instance can refresh its in-memory match index by reading what changed since it last looked.
CREATE SEQUENCE watchlist_change_seq;

CREATE TABLE watchlist (
    id            UUID         PRIMARY KEY,
    subscriber_id UUID         NOT NULL REFERENCES subscriber (id),
    name          VARCHAR(200) NOT NULL,
    filter_json   TEXT         NOT NULL,
    digest        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    deleted_at    TIMESTAMPTZ,
    change_seq    BIGINT       NOT NULL
);
CREATE INDEX watchlist_subscriber ON watchlist (subscriber_id) WHERE deleted_at IS NULL;
CREATE INDEX watchlist_changes ON watchlist (change_seq);
CREATE INDEX watchlist_updated ON watchlist (updated_at);

-- status: PENDING_CONFIRMATION (email before double opt-in), ACTIVE, DISABLED (permanent error, with
-- the reason), UNSUBSCRIBED (one click from the mail). Only ACTIVE destinations get deliveries.
CREATE TABLE destination (
    id                UUID          PRIMARY KEY,
    watchlist_id      UUID          NOT NULL REFERENCES watchlist (id),
    type              VARCHAR(16)   NOT NULL,
    address           VARCHAR(2048) NOT NULL,
    secret            VARCHAR(200),
    status            VARCHAR(24)   NOT NULL,
    status_reason     TEXT,
    confirm_token     VARCHAR(64)   UNIQUE,
    unsubscribe_token VARCHAR(64)   UNIQUE,
    rate_per_minute   INTEGER,
    created_at        TIMESTAMPTZ   NOT NULL,
    deleted_at        TIMESTAMPTZ
);
CREATE INDEX destination_watchlist ON destination (watchlist_id);

-- An address a subscriber has proved to own; later destinations to it need no new opt-in.
CREATE TABLE confirmed_email (
    subscriber_id UUID         NOT NULL REFERENCES subscriber (id),
    address       VARCHAR(320) NOT NULL,
    confirmed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subscriber_id, address)
);

-- Each classified announcement once, so that a fan-out to thousands of destinations stores it once.
CREATE TABLE announcement (
    id          VARCHAR(200) PRIMARY KEY,
    payload     TEXT         NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

-- The persistent delivery queue. One row per (watchlist, destination, announcement), inserted before any
-- send: the unique key is what makes redeliveries of the same Kafka record harmless.
-- status: PENDING (due at next_attempt_at; "retrying" once attempts > 0), SENDING (leased until
-- next_attempt_at by lease_owner; a crash leaves it to be claimed again after that), SENT, FAILED,
-- DIGEST_PENDING / DIGEST_SENDING (the same for digest watchlists, due at the end of the period).
CREATE TABLE delivery (
    id              UUID         PRIMARY KEY,
    watchlist_id    UUID         NOT NULL REFERENCES watchlist (id),
    destination_id  UUID         NOT NULL REFERENCES destination (id),
    announcement_id VARCHAR(200) NOT NULL REFERENCES announcement (id),
    channel         VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    lease_owner     UUID,
    reasons         TEXT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (watchlist_id, destination_id, announcement_id)
);
-- The dispatcher's claim reads only this small index of work still to do.
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX delivery_digest_due ON delivery (destination_id, next_attempt_at)
    WHERE status IN ('DIGEST_PENDING', 'DIGEST_SENDING');
CREATE INDEX delivery_history ON delivery (watchlist_id, created_at DESC);
