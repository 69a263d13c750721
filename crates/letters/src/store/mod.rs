//! Storage: the only place that knows SQL. The service sees typed
//! operations. Each rule is SQL written once ([`rules`]) and run by both
//! backends: SQLite (the embedded default, one process) and PostgreSQL (any
//! number of processes).
//!
//! SQLite goes through rusqlite rather than sqlx: the workspace already
//! links SQLite through rusqlite, and only one crate may link the native
//! library in one build.

mod postgres;
mod rules;
mod sqlite;

use crate::protocol::{Inbox, ReportKind, Thanks};

/// The hash of a public key.
pub type KeyHash = [u8; 32];

/// Why a store operation did not happen.
#[derive(Debug)]
pub enum StoreError {
    /// The letter or reply does not exist for this person.
    NotFound,
    /// Already done (one answer per letter, one report per person).
    Conflict,
    /// The database failed.
    Backend(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NotFound => write!(f, "not found"),
            StoreError::Conflict => write!(f, "already done"),
            StoreError::Backend(e) => write!(f, "database: {e}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A shorthand for store results.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A reported letter or reply waiting for a moderator.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pending {
    /// Letter or reply.
    pub kind: ReportKind,
    /// Its id.
    pub id: String,
    /// Its text.
    pub body: String,
    /// How many people reported it.
    pub reports: i64,
    /// Its author's key hash, hex, so a moderator can block the key.
    pub author: String,
}

/// What the service knows of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyStatus {
    /// When its first request was accepted; `None` for a key never seen.
    pub first_seen: Option<i64>,
    /// Whether a moderator blocked it.
    pub blocked: bool,
}

/// How many keys are resting, by whether they are settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resting {
    /// Keys older than the settling time.
    pub settled: u64,
    /// Keys younger than that.
    pub new: u64,
}

/// The weights of age and history: what a key younger than `settled_before`
/// (or with removed writing) may not do alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Counted reports after which an item is hidden for a moderator.
    pub hide_after: i64,
    /// A key first seen after this is new: its reports do not count, and
    /// it is at most one of a letter's readers.
    pub settled_before: i64,
    /// A new reader only gets letters written at or before this, so settled
    /// readers have them first.
    pub first_dibs_before: i64,
}

/// How many of a letter's readers may be new keys.
pub const NEW_READERS_PER_LETTER: i64 = 1;

/// A moderator's decision on a hidden item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Show it again, and never hide it automatically again.
    Keep,
    /// Hide it for good.
    Remove,
}

/// The service's database.
pub enum Store {
    /// An embedded SQLite file.
    Sqlite(sqlite::SqliteStore),
    /// A PostgreSQL server, shared by any number of processes.
    Postgres(postgres::PgStore),
}

/// Runs the same operation on whichever backend the store has.
macro_rules! both {
    ($self:ident, $s:ident => $sqlite:expr, $p:ident => $pg:expr) => {
        match $self {
            Store::Sqlite($s) => $sqlite,
            Store::Postgres($p) => $pg,
        }
    };
}

impl Store {
    /// Opens (and creates or migrates) the database at `url`:
    /// `postgres://...` for PostgreSQL, anything else a SQLite file path
    /// (an optional `sqlite://` prefix is allowed).
    pub async fn open(url: &str) -> Result<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Store::Postgres(postgres::PgStore::open(url).await?))
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url).to_string();
            Ok(Store::Sqlite(sqlite::SqliteStore::open(&path)?))
        }
    }

    /// Whether several processes may share this store.
    pub fn is_shared(&self) -> bool {
        matches!(self, Store::Postgres(_))
    }

    /// The secret that signs presence tokens, made once and shared by every
    /// process on this database, so a token from one works on all.
    pub async fn server_secret(&self) -> Result<[u8; 32]> {
        let mut fresh = [0u8; 32];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut fresh);
        both!(self, s => s.run(move |c| sqlite::server_secret(c, fresh)).await, p => p.server_secret(fresh).await)
    }

    /// Whether the database is still there to be written: a SQLite file
    /// deleted or replaced under a running service is noticed here (and by
    /// every operation), so writes stop instead of vanishing.
    pub async fn healthy(&self) -> Result<()> {
        both!(self, s => s.run(|_| Ok(())).await, p => p.healthy().await)
    }

    /// What the service knows of a key.
    pub async fn key_status(&self, key: KeyHash) -> Result<KeyStatus> {
        both!(self, s => s.run(move |c| sqlite::key_status(c, key)).await, p => p.key_status(key).await)
    }

    /// Notes a key's first accepted request (nothing if it is known).
    pub async fn register_key(&self, key: KeyHash, now: i64) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::register_key(c, key, now)).await, p => p.register_key(key, now).await)
    }

    /// Records a nonce; `false` if this key used it before (a replay).
    pub async fn remember_nonce(&self, key: KeyHash, nonce: String, now: i64) -> Result<bool> {
        both!(self, s => s.run(move |c| sqlite::remember_nonce(c, key, &nonce, now)).await,
              p => p.remember_nonce(key, &nonce, now).await)
    }

    /// Writes a batch of heartbeats, `(key, time)`, in one statement.
    pub async fn flush_presence(&self, beats: Vec<(KeyHash, i64)>) -> Result<()> {
        if beats.is_empty() {
            return Ok(());
        }
        both!(self, s => s.run(move |c| sqlite::flush_presence(c, &beats)).await, p => p.flush_presence(beats).await)
    }

    /// How many keys have a heartbeat after `since`, by whether they were
    /// first seen by `settled_before`.
    pub async fn count_resting(&self, since: i64, settled_before: i64) -> Result<Resting> {
        both!(self, s => s.run(move |c| sqlite::count_resting(c, since, settled_before)).await,
              p => p.count_resting(since, settled_before).await)
    }

    /// Forgets nonces and heartbeats too old to matter.
    pub async fn prune(&self, nonces_before: i64, presence_before: i64) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::prune(c, nonces_before, presence_before)).await,
              p => p.prune(nonces_before, presence_before).await)
    }

    /// Stores a new letter and returns its id; with an idempotency key this
    /// author used before, stores nothing and returns the first letter's id.
    pub async fn write_letter(
        &self,
        author: KeyHash,
        body: String,
        idempotency_key: Option<String>,
        now: i64,
    ) -> Result<String> {
        let id = new_id();
        both!(self, s => s.run(move |c| sqlite::write_letter(c, &id, author, &body, idempotency_key.as_deref(), now)).await,
              p => p.write_letter(&id, author, &body, idempotency_key.as_deref(), now).await)
    }

    /// The person's inbox, after handing them new strangers' letters if
    /// they have fewer than [`READERS_PER_LETTER`](crate::protocol::READERS_PER_LETTER)
    /// unanswered ones. A letter goes to at most that many readers, at most
    /// [`NEW_READERS_PER_LETTER`] of them new keys.
    pub async fn inbox(&self, reader: KeyHash, policy: Policy, now: i64) -> Result<Inbox> {
        both!(self, s => s.run(move |c| sqlite::inbox(c, reader, policy, now)).await, p => p.inbox(reader, policy, now).await)
    }

    /// Answers a letter this person received; returns the reply's id (the
    /// first reply's, for an idempotency key sent before).
    pub async fn reply(
        &self,
        author: KeyHash,
        letter_id: String,
        body: String,
        idempotency_key: Option<String>,
        now: i64,
    ) -> Result<String> {
        let id = new_id();
        both!(self, s => s.run(move |c| sqlite::reply(c, &id, author, &letter_id, &body, idempotency_key.as_deref(), now)).await,
              p => p.reply(&id, author, &letter_id, &body, idempotency_key.as_deref(), now).await)
    }

    /// Thanks an answer to one of this person's letters.
    pub async fn thank(&self, writer: KeyHash, reply_id: String, now: i64) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::thank(c, writer, &reply_id, now)).await,
              p => p.thank(writer, &reply_id, now).await)
    }

    /// How this person's answers were thanked at or after `since`: only
    /// their own, and never by whom.
    pub async fn thanks(&self, author: KeyHash, since: i64) -> Result<Thanks> {
        both!(self, s => s.run(move |c| sqlite::thanks(c, author, since)).await, p => p.thanks(author, since).await)
    }

    /// Reports something this person can see. A settled reporter's report
    /// counts, and the item is hidden once `policy.hide_after` counted
    /// reports are in; a new key's report is kept for the moderator only.
    pub async fn report(
        &self,
        reporter: KeyHash,
        kind: ReportKind,
        id: String,
        policy: Policy,
        now: i64,
    ) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::report(c, reporter, kind, &id, policy, now)).await,
              p => p.report(reporter, kind, &id, policy, now).await)
    }

    /// Hidden items waiting for a moderator.
    pub async fn pending(&self) -> Result<Vec<Pending>> {
        both!(self, s => s.run(sqlite::pending).await, p => p.pending().await)
    }

    /// A moderator's decision on a hidden item.
    pub async fn decide(&self, kind: ReportKind, id: String, decision: Decision) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::decide(c, kind, &id, decision)).await, p => p.decide(kind, &id, decision).await)
    }

    /// Blocks (or unblocks) a key by its hash.
    pub async fn set_blocked(&self, key: KeyHash, blocked: bool, now: i64) -> Result<()> {
        both!(self, s => s.run(move |c| sqlite::set_blocked(c, key, blocked, now)).await, p => p.set_blocked(key, blocked, now).await)
    }

    /// Every row of every table as text, one line each: for a moderator's
    /// backup, and for tests that check what is (not) stored.
    pub async fn dump(&self) -> Result<Vec<String>> {
        both!(self, s => s.run(sqlite::dump).await, p => p.dump().await)
    }
}

/// A random id: 16 bytes, hex. Random rather than sequential, so an id says
/// nothing about its author or about the letters around it.
fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    hex::encode(bytes)
}

fn kind_name(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Letter => "letter",
        ReportKind::Reply => "reply",
    }
}

fn table_of(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Letter => "letters",
        ReportKind::Reply => "replies",
    }
}

fn decision_state(decision: Decision) -> &'static str {
    match decision {
        Decision::Keep => "kept",
        Decision::Remove => "removed",
    }
}

/// Tables in dump order.
const TABLES: [&str; 9] = [
    "server_secret",
    "keys",
    "blocked_keys",
    "nonces",
    "presence",
    "letters",
    "deliveries",
    "replies",
    "reports",
];
