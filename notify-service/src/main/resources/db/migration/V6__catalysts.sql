-- The catalyst calendar: dated milestones ahead (PDUFA dates, advisory committees, expected decisions and
-- readouts) that classified announcements name, one row per (drug, agency, kind) while it is open.
--
-- event_date is the first day of the period the text names and precision how far it reaches (taxonomy.md
-- section 6); period_end is the period's last day, so that "which catalysts touch [from, to]" is a range
-- test. as_of is the publication day of the announcement behind the current date: an older announcement
-- arriving late never moves it back. sequence is the iCalendar SEQUENCE: bumped by every change a calendar
-- shows (a move, an outcome), so subscribed calendars replace the event instead of adding one.
CREATE TABLE catalyst (
    id              UUID         PRIMARY KEY,
    drug_key        VARCHAR(200) NOT NULL,
    drug            VARCHAR(200) NOT NULL,
    agency          VARCHAR(32),
    kind            VARCHAR(32)  NOT NULL,
    event_date      DATE         NOT NULL,
    precision       VARCHAR(16)  NOT NULL,
    period_end      DATE         NOT NULL,
    evidence        TEXT,
    announcement_id VARCHAR(200) NOT NULL,
    as_of           DATE         NOT NULL,
    opened_on       DATE         NOT NULL,
    status          VARCHAR(8)   NOT NULL,
    outcome_announcement_id VARCHAR(200),
    outcome_evidence TEXT,
    outcome_on      DATE,
    sequence        INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
-- At most one open catalyst per key: the insert that takes it wins across instances and redeliveries; a
-- closed one stays as history, and the next announcement of a date for that key opens a new one.
CREATE UNIQUE INDEX catalyst_open ON catalyst (drug_key, kind, (COALESCE(agency, ''))) WHERE status = 'OPEN';
CREATE INDEX catalyst_key ON catalyst (drug_key, kind, (COALESCE(agency, '')));
CREATE INDEX catalyst_period ON catalyst (event_date, period_end);

-- The announcements behind a catalyst, each once: the one that opened it, those that confirmed or moved its
-- date, the outcome. A watchlist is shown a catalyst when one of these matches its filter. The key makes a
-- redelivered announcement a no-op.
CREATE TABLE catalyst_announcement (
    catalyst_id     UUID         NOT NULL REFERENCES catalyst (id),
    announcement_id VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (catalyst_id, announcement_id)
);
CREATE INDEX catalyst_announcement_by_announcement ON catalyst_announcement (announcement_id);

-- Every move of a catalyst's date: from what to what, by which announcement. noticed_at is set once the
-- reminder job has queued the "date changed" notices of the move.
CREATE TABLE catalyst_change (
    catalyst_id     UUID         NOT NULL REFERENCES catalyst (id),
    seq             INTEGER      NOT NULL,
    from_date       DATE         NOT NULL,
    from_precision  VARCHAR(16)  NOT NULL,
    to_date         DATE         NOT NULL,
    to_precision    VARCHAR(16)  NOT NULL,
    announcement_id VARCHAR(200) NOT NULL,
    evidence        TEXT,
    changed_at      TIMESTAMPTZ  NOT NULL,
    noticed_at      TIMESTAMPTZ,
    PRIMARY KEY (catalyst_id, seq)
);
CREATE INDEX catalyst_change_unnoticed ON catalyst_change (changed_at) WHERE noticed_at IS NULL;

-- Days before each matching catalyst that a watchlist is reminded; empty for none.
ALTER TABLE watchlist ADD COLUMN reminder_days INTEGER[] NOT NULL DEFAULT '{7,1}';

-- A delivery that is not an announcement's alert (a reminder, a date change) carries what it says here, as
-- JSON; its announcement_id is then the notice's key ("catalyst:<id>:remind:<date>:<days>"), so that
-- delivery_once sends each notice once per (watchlist, destination) as it does announcements.
ALTER TABLE delivery ADD COLUMN notice TEXT;

-- The secret address of a subscriber's calendar feed: only the token's SHA-256 is kept; a new token
-- replaces the old one.
CREATE TABLE calendar_feed (
    subscriber_id UUID        PRIMARY KEY REFERENCES subscriber (id),
    token_hash    CHAR(64)    NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL
);
