//! Every rule of the service, as SQL written once and run by both
//! backends: `$1`, `$2`… are PostgreSQL's parameters, and SQLite reads them
//! as named parameters that the SQLite backend binds by those names. The
//! backends differ only in how they run a statement (rusqlite on a blocking
//! thread, sqlx on the async one), so a rule cannot be kept by one backend
//! and forgotten by the other; `tests/store_story.rs` runs one story on both.

/// `(first_seen or NULL, blocked)` of a key.
pub const KEY_STATUS: &str = "SELECT (SELECT first_seen FROM keys WHERE key_hash = $1),
        EXISTS (SELECT 1 FROM blocked_keys WHERE key_hash = $1)";

/// Notes a key's first accepted request.
pub const REGISTER_KEY: &str =
    "INSERT INTO keys (key_hash, first_seen) VALUES ($1, $2) ON CONFLICT DO NOTHING";

/// Whether a key has earned weight: old enough (`first_seen <= $2`) and
/// nothing it wrote was removed by a moderator.
pub const IS_SETTLED: &str =
    "SELECT EXISTS (SELECT 1 FROM keys WHERE key_hash = $1 AND first_seen <= $2)
        AND NOT EXISTS (SELECT 1 FROM letters WHERE author_hash = $1 AND state = 'removed')
        AND NOT EXISTS (SELECT 1 FROM replies WHERE author_hash = $1 AND state = 'removed')";

/// Records a nonce; no row changed means a replay.
pub const REMEMBER_NONCE: &str =
    "INSERT INTO nonces (key_hash, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

/// `(settled, new)` keys with a heartbeat after `$1`; settled means first
/// seen at or before `$2`.
pub const COUNT_RESTING: &str = "SELECT
        count(*) FILTER (WHERE k.first_seen <= $2),
        count(*) FILTER (WHERE k.first_seen IS NULL OR k.first_seen > $2)
     FROM presence p LEFT JOIN keys k ON k.key_hash = p.key_hash
     WHERE p.last_seen > $1";

pub const PRUNE_NONCES: &str = "DELETE FROM nonces WHERE seen_at < $1";
pub const PRUNE_PRESENCE: &str = "DELETE FROM presence WHERE last_seen < $1";

pub const MAKE_SECRET: &str =
    "INSERT INTO server_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING";
pub const READ_SECRET: &str = "SELECT secret FROM server_secret WHERE id = 1";

/// A new letter; a second one with the same author and idempotency key
/// changes nothing (then [`LETTER_BY_IDEMPOTENCY_KEY`] finds the first).
pub const WRITE_LETTER: &str =
    "INSERT INTO letters (id, author_hash, body, created_at, idempotency_key)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
pub const LETTER_BY_IDEMPOTENCY_KEY: &str =
    "SELECT id FROM letters WHERE author_hash = $1 AND idempotency_key = $2";

/// The reader's delivered letters that are still showing and unanswered.
pub const UNANSWERED: &str = "SELECT count(*) FROM deliveries d JOIN letters l ON l.id = d.letter_id
     WHERE d.reader_hash = $1 AND l.state IN ('visible', 'kept')
       AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = d.letter_id AND r.author_hash = $1)";

/// Letters waiting for reader `$1`: showing, under `$2` deliveries, not
/// their own, not already theirs, not from a blocked key, oldest first, at
/// most `$3`. A new reader (`$4` = 1) only gets a letter that no other new
/// reader has (`new_readers < $5`) and that settled readers have had first
/// (written at or before `$6`).
macro_rules! handout_candidates {
    () => {
        "SELECT id FROM letters l
         WHERE l.state IN ('visible', 'kept') AND l.deliveries < $2 AND l.author_hash != $1
           AND ($4 = 0 OR (l.new_readers < $5 AND l.created_at <= $6))
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.letter_id = l.id AND d.reader_hash = $1)
           AND NOT EXISTS (SELECT 1 FROM blocked_keys b WHERE b.key_hash = l.author_hash)
         ORDER BY l.created_at, l.id LIMIT $3"
    };
}
pub(super) use handout_candidates;

/// Takes one delivery of letter `$1`, only while it has fewer than `$2`
/// and, for a new reader (`$3` = 1), fewer than `$4` new readers: the
/// guard that keeps the counts true when two hand-outs race.
pub const TAKE_DELIVERY: &str =
    "UPDATE letters SET deliveries = deliveries + 1, new_readers = new_readers + $3
     WHERE id = $1 AND deliveries < $2 AND new_readers + $3 <= $4";
pub const ADD_DELIVERY: &str =
    "INSERT INTO deliveries (letter_id, reader_hash, delivered_at) VALUES ($1, $2, $3)";

/// `(id, body, answered)` of the letters delivered to `$1`.
pub const INBOX_LETTERS: &str = "SELECT l.id, l.body,
            EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = l.id AND r.author_hash = $1)
     FROM deliveries d JOIN letters l ON l.id = d.letter_id
     WHERE d.reader_hash = $1 AND l.state IN ('visible', 'kept')
     ORDER BY d.delivered_at, l.id";

/// `(id, letter_id, letter body, body, thanked)` of answers to `$1`'s letters.
pub const INBOX_REPLIES: &str = "SELECT r.id, r.letter_id, l.body, r.body, r.thanked
     FROM replies r JOIN letters l ON l.id = r.letter_id
     WHERE l.author_hash = $1 AND r.state IN ('visible', 'kept') AND l.state != 'removed'
     ORDER BY r.created_at, r.id";

/// Whether letter `$1` was delivered to `$2` and still shows.
pub const RECEIVED: &str = "SELECT 1 FROM deliveries d JOIN letters l ON l.id = d.letter_id
     WHERE d.letter_id = $1 AND d.reader_hash = $2 AND l.state IN ('visible', 'kept')";

/// A new reply; nothing changes if this reader already answered the letter
/// or already sent this idempotency key.
pub const WRITE_REPLY: &str =
    "INSERT INTO replies (id, letter_id, author_hash, body, created_at, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";
pub const REPLY_BY_IDEMPOTENCY_KEY: &str =
    "SELECT id FROM replies WHERE author_hash = $1 AND idempotency_key = $2";

/// Thanks reply `$1` at `$3` if it answers one of `$2`'s letters; thanking
/// again keeps the first time.
pub const THANK: &str = "UPDATE replies SET thanked = 1, thanked_at = coalesce(thanked_at, $3)
     WHERE id = $1 AND state IN ('visible', 'kept')
       AND letter_id IN (SELECT id FROM letters WHERE author_hash = $2)";

/// How many of `$1`'s showing answers were thanked at or after `$2`
/// (the `replies_thanked` index answers it).
pub const THANKS_TOTAL: &str = "SELECT count(*) FROM replies
     WHERE author_hash = $1 AND thanked_at >= $2 AND state IN ('visible', 'kept')";

/// `(letter_id, id)` of those answers, latest thanks first, at most `$3`.
pub const THANKED_ANSWERS: &str = "SELECT letter_id, id FROM replies
     WHERE author_hash = $1 AND thanked_at >= $2 AND state IN ('visible', 'kept')
     ORDER BY thanked_at DESC, id LIMIT $3";

/// Whether reply `$1` answers one of `$2`'s letters and still shows.
pub const REPLY_VISIBLE_TO: &str = "SELECT 1 FROM replies r JOIN letters l ON l.id = r.letter_id
     WHERE r.id = $1 AND l.author_hash = $2 AND r.state IN ('visible', 'kept')";

/// One report per person and item; `counted` says whether it weighs.
pub const ADD_REPORT: &str =
    "INSERT INTO reports (kind, target_id, reporter_hash, created_at, counted)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";

/// Adds a report's weight (`$3`, 0 or 1) to a letter or reply, hiding it
/// once the counted reports reach `$2`. `{table}` is `letters` or `replies`.
pub fn count_report(table: &str) -> String {
    format!(
        "UPDATE {table} SET reports = reports + $3,
           state = CASE WHEN state = 'visible' AND reports + $3 >= $2 THEN 'hidden' ELSE state END
         WHERE id = $1"
    )
}

/// `(id, body, counted reports, author)` of hidden items in `{table}`.
pub fn hidden(table: &str) -> String {
    format!("SELECT id, body, reports, author_hash FROM {table} WHERE state = 'hidden' ORDER BY created_at, id")
}

/// A moderator's decision (`$2`, `kept` or `removed`) on item `$1`.
pub fn decide(table: &str) -> String {
    format!("UPDATE {table} SET state = $2 WHERE id = $1")
}

pub const BLOCK: &str =
    "INSERT INTO blocked_keys (key_hash, blocked_at) VALUES ($1, $2) ON CONFLICT DO NOTHING";
pub const UNBLOCK: &str = "DELETE FROM blocked_keys WHERE key_hash = $1";
