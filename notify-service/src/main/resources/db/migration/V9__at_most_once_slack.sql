-- A Slack destination may choose at-most-once sending: a send whose answer was lost (the request went
-- out, no answer came back, or the instance sending it died) is marked UNKNOWN and never sent again.
-- Slack's incoming webhooks cannot drop a repeat, so some channels prefer a possibly missing alert to a
-- doubled one. The default stays at-least-once.
ALTER TABLE destination ADD COLUMN at_most_once BOOLEAN NOT NULL DEFAULT false;
