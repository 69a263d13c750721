-- Idempotency keys (a letter or reply sent twice is stored once), the age
-- of each key (new keys weigh less), and whether a report counted.
-- One file for both backends: SQLite takes PostgreSQL's type names (BIGINT
-- has integer affinity; a BYTEA column keeps the blobs bound to it as blobs).
ALTER TABLE letters ADD COLUMN idempotency_key TEXT;
ALTER TABLE letters ADD COLUMN new_readers BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX letters_idempotency ON letters (author_hash, idempotency_key);
ALTER TABLE replies ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX replies_idempotency ON replies (author_hash, idempotency_key);
ALTER TABLE reports ADD COLUMN counted BIGINT NOT NULL DEFAULT 1;
CREATE TABLE keys (key_hash BYTEA PRIMARY KEY, first_seen BIGINT NOT NULL);
-- A key that wrote or read before keys were kept is as old as its first trace.
INSERT INTO keys (key_hash, first_seen)
SELECT key_hash, min(at) FROM (
  SELECT author_hash AS key_hash, created_at AS at FROM letters
  UNION ALL SELECT author_hash, created_at FROM replies
  UNION ALL SELECT reader_hash, delivered_at FROM deliveries) AS seen
GROUP BY key_hash;
