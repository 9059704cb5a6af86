CREATE TABLE announcement (
    id                    VARCHAR(64)  PRIMARY KEY,
    title                 TEXT,
    body                  TEXT         NOT NULL,
    url                   TEXT,
    published_at          DATE,
    source                VARCHAR(200) NOT NULL,
    ingested_at           TIMESTAMPTZ  NOT NULL,
    published_to_kafka_at TIMESTAMPTZ
);

-- The outbox sweep looks only at rows not yet acknowledged by the broker.
CREATE INDEX announcement_unpublished ON announcement (ingested_at) WHERE published_to_kafka_at IS NULL;
