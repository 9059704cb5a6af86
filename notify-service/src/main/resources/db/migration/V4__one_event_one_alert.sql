-- One piece of news, one alert. The company's release, its HKEX notice in Chinese and a trade-press story
-- about the same designation are three announcements; each (watchlist, destination) gets one alert for
-- them. An event key is (normalised drug, event type, agency), one per drug and primary event of an
-- announcement. The first announcement to claim a key for a destination gets a delivery; one whose keys
-- are all held by earlier alerts within the window is attached to the newest of them instead of sent.
--
-- The primary key is the claim: the insert that takes it wins across instances and redeliveries, as
-- delivery_once does for announcements. A key older than the window is taken over by the next alert
-- (ON CONFLICT ... DO UPDATE ... WHERE alerted_at is old), so the table keeps one row per key and
-- destination, never a history.
CREATE TABLE event_alert (
    watchlist_id   UUID        NOT NULL,
    destination_id UUID        NOT NULL,
    event_key      TEXT        NOT NULL,
    delivery_id    UUID        NOT NULL,
    alerted_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (watchlist_id, destination_id, event_key)
);

-- A later report of news already alerted: recorded against the alert's delivery, never sent. Its key
-- mirrors delivery_once, so that each (watchlist, destination, announcement) is either a delivery or an
-- attachment, once, however often the record comes. No foreign keys, for the reason V2 gives.
CREATE TABLE attached_report (
    watchlist_id    UUID         NOT NULL,
    destination_id  UUID         NOT NULL,
    announcement_id VARCHAR(200) NOT NULL,
    delivery_id     UUID         NOT NULL,
    attached_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (watchlist_id, destination_id, announcement_id)
);
CREATE INDEX attached_report_delivery ON attached_report (delivery_id);
