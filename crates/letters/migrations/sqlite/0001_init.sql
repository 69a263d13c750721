-- Nothing here can name a person: keys are hashes of public keys, and no
-- column holds an address, a name or a device.
CREATE TABLE server_secret (id INTEGER PRIMARY KEY, secret BLOB NOT NULL);
CREATE TABLE blocked_keys (key_hash BLOB PRIMARY KEY, blocked_at INTEGER NOT NULL);
CREATE TABLE nonces (
  key_hash BLOB NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL,
  PRIMARY KEY (key_hash, nonce));
CREATE INDEX nonces_seen_at ON nonces (seen_at);
CREATE TABLE presence (key_hash BLOB PRIMARY KEY, last_seen INTEGER NOT NULL);
CREATE INDEX presence_last_seen ON presence (last_seen);
CREATE TABLE letters (
  id TEXT PRIMARY KEY, author_hash BLOB NOT NULL, body TEXT NOT NULL,
  created_at INTEGER NOT NULL, deliveries INTEGER NOT NULL DEFAULT 0,
  reports INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'visible');
CREATE INDEX letters_waiting ON letters (state, deliveries, created_at);
CREATE INDEX letters_author ON letters (author_hash);
CREATE TABLE deliveries (
  letter_id TEXT NOT NULL REFERENCES letters (id), reader_hash BLOB NOT NULL,
  delivered_at INTEGER NOT NULL, PRIMARY KEY (letter_id, reader_hash));
CREATE INDEX deliveries_reader ON deliveries (reader_hash);
CREATE TABLE replies (
  id TEXT PRIMARY KEY, letter_id TEXT NOT NULL REFERENCES letters (id),
  author_hash BLOB NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
  thanked INTEGER NOT NULL DEFAULT 0, reports INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'visible', UNIQUE (letter_id, author_hash));
CREATE TABLE reports (
  kind TEXT NOT NULL, target_id TEXT NOT NULL, reporter_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY (kind, target_id, reporter_hash));
