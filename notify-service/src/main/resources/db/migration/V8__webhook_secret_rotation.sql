-- A webhook's signing secrets: after a rotation the column holds three lines, the new secret, the one it
-- replaced and the unix second until which that one still signs (WebhookSecrets reads and writes them).
-- The claim of a delivery already reads this column, so a send learns both secrets without another query.
-- Two secrets of up to 200 characters no longer fit the old width.
ALTER TABLE destination ALTER COLUMN secret TYPE TEXT;
COMMENT ON COLUMN destination.secret IS
    'webhook signing secret; after a rotation: new secret, newline, replaced secret, newline, unix seconds until which the replaced one still signs';
-- Secrets stored before are kept as they are: receivers hold them. A whsec_ secret whose rest is standard
-- base64 keys the Standard Webhooks signature with the decoded bytes, any other with its UTF-8 bytes.
