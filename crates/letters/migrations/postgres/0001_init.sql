-- Nothing here can name a person: keys are hashes of public keys, and no
-- column holds an address, a name or a device.
CREATE TABLE server_secret (id BIGINT PRIMARY KEY, secret BYTEA NOT NULL);
CREATE TABLE blocked_keys (key_hash BYTEA PRIMARY KEY, blocked_at BIGINT NOT NULL);
CREATE TABLE nonces (
  key_hash BYTEA NOT NULL, nonce TEXT NOT NULL, seen_at BIGINT NOT NULL,
  PRIMARY KEY (key_hash, nonce));
CREATE INDEX nonces_seen_at ON nonces (seen_at);
CREATE TABLE presence (key_hash BYTEA PRIMARY KEY, last_seen BIGINT NOT NULL);
CREATE INDEX presence_last_seen ON presence (last_seen);
CREATE TABLE letters (
  id TEXT PRIMARY KEY, author_hash BYTEA NOT NULL, body TEXT NOT NULL,
  created_at BIGINT NOT NULL, deliveries BIGINT NOT NULL DEFAULT 0,
  reports BIGINT NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'visible');
CREATE INDEX letters_waiting ON letters (state, deliveries, created_at);
CREATE INDEX letters_author ON letters (author_hash);
CREATE TABLE deliveries (
  letter_id TEXT NOT NULL REFERENCES letters (id), reader_hash BYTEA NOT NULL,
  delivered_at BIGINT NOT NULL, PRIMARY KEY (letter_id, reader_hash));
CREATE INDEX deliveries_reader ON deliveries (reader_hash);
CREATE TABLE replies (
  id TEXT PRIMARY KEY, letter_id TEXT NOT NULL REFERENCES letters (id),
  author_hash BYTEA NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL,
  thanked BIGINT NOT NULL DEFAULT 0, reports BIGINT NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'visible', UNIQUE (letter_id, author_hash));
CREATE TABLE reports (
  kind TEXT NOT NULL, target_id TEXT NOT NULL, reporter_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL, PRIMARY KEY (kind, target_id, reporter_hash));
