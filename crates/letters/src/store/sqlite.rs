//! The SQLite backend: one file, one connection, for one process. The
//! rules are [`super::rules`]; this file only runs them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};

use super::rules::{self, handout_candidates};
use super::{
    decision_state, kind_name, table_of, Decision, KeyHash, KeyStatus, Pending, Policy, Resting,
    Result, StoreError, NEW_READERS_PER_LETTER, TABLES,
};
use crate::protocol::{
    Inbox, ReceivedLetter, ReceivedReply, ReportKind, ThankedAnswer, Thanks, READERS_PER_LETTER,
    THANKED_LISTED,
};

const MIGRATIONS: [&str; 3] = [
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/0002_idempotency_and_keys.sql"),
    include_str!("../../migrations/0003_thanks_received.sql"),
];

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// One SQLite connection, used from blocking threads. One connection is
/// enough: presence is batched, so writes are few.
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    file: Arc<TheFile>,
}

/// The database file as it was opened. SQLite keeps writing to a file that
/// was deleted (or replaced) under it, and everything written then is gone
/// at the next start; so each operation first checks that the path still
/// names the file it opened, and once it does not, the store refuses all.
struct TheFile {
    path: PathBuf,
    identity: Option<(u64, u64)>,
    lost: AtomicBool,
}

impl TheFile {
    fn check(&self) -> Result<()> {
        let now = file_identity(&self.path);
        if self.lost.load(Ordering::Relaxed) || now != self.identity {
            if !self.lost.swap(true, Ordering::Relaxed) {
                eprintln!(
                    "iyashi-letters: {} was deleted or replaced while the service ran; \
                     nothing more is accepted until it is restarted",
                    self.path.display()
                );
            }
            return Err(StoreError::Backend(format!(
                "{} is no longer the database this service opened",
                self.path.display()
            )));
        }
        Ok(())
    }
}

#[cfg(unix)]
fn file_identity(path: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_identity(path: &std::path::Path) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().map(|m| (m.len().min(1), 0))
}

impl SqliteStore {
    /// Opens or creates the file and brings its schema up to date.
    pub fn open(path: &str) -> Result<SqliteStore> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tx = conn.transaction()?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.commit()?;
        let path = PathBuf::from(path);
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            file: Arc::new(TheFile {
                identity: file_identity(&path),
                path,
                lost: AtomicBool::new(false),
            }),
        })
    }

    /// Runs `f` on the connection off the async threads, if the file is
    /// still the one opened.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = self.conn.clone();
        let file = self.file.clone();
        tokio::task::spawn_blocking(move || {
            file.check()?;
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
    }
}

/// A transaction that takes the write lock at once: a second process on the
/// same file (the moderator's tool, say) then waits its turn under the busy
/// timeout, instead of reading first and failing when it comes to write.
fn writing(c: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
}

/// Binds `values` to `$1`, `$2`… by name (the rules' placeholders) and
/// runs the statement; returns the rows changed.
fn exec(c: &Connection, sql: &str, values: &[&dyn ToSql]) -> Result<usize> {
    let mut stmt = c.prepare_cached(sql)?;
    bind(&mut stmt, values)?;
    Ok(stmt.raw_execute()?)
}

/// The rows of a query, each read by `read`.
fn rows<T>(
    c: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    mut read: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = c.prepare_cached(sql)?;
    bind(&mut stmt, values)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(read(row)?);
    }
    Ok(out)
}

/// The first row of a query, if any.
fn first<T>(
    c: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    read: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    Ok(rows(c, sql, values, read)?.into_iter().next())
}

fn bind(stmt: &mut rusqlite::CachedStatement<'_>, values: &[&dyn ToSql]) -> Result<()> {
    for (i, value) in values.iter().enumerate() {
        if let Some(index) = stmt.parameter_index(&format!("${}", i + 1))? {
            stmt.raw_bind_parameter(index, value)?;
        }
    }
    Ok(())
}

pub fn server_secret(c: &mut Connection, fresh: [u8; 32]) -> Result<[u8; 32]> {
    exec(c, rules::MAKE_SECRET, &[&&fresh[..]])?;
    let secret: Option<Vec<u8>> = first(c, rules::READ_SECRET, &[], |r| r.get(0))?;
    secret
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| StoreError::Backend("the server secret is damaged".into()))
}

pub fn key_status(c: &mut Connection, key: KeyHash) -> Result<KeyStatus> {
    let status = first(c, rules::KEY_STATUS, &[&&key[..]], |r| {
        Ok(KeyStatus {
            first_seen: r.get(0)?,
            blocked: r.get(1)?,
        })
    })?;
    status.ok_or_else(|| StoreError::Backend("no answer about a key".into()))
}

pub fn register_key(c: &mut Connection, key: KeyHash, now: i64) -> Result<()> {
    exec(c, rules::REGISTER_KEY, &[&&key[..], &now])?;
    Ok(())
}

pub fn remember_nonce(c: &mut Connection, key: KeyHash, nonce: &str, now: i64) -> Result<bool> {
    Ok(exec(c, rules::REMEMBER_NONCE, &[&&key[..], &nonce, &now])? == 1)
}

pub fn flush_presence(c: &mut Connection, beats: &[(KeyHash, i64)]) -> Result<()> {
    let tx = writing(c)?;
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO presence (key_hash, last_seen) VALUES (?1, ?2)
             ON CONFLICT (key_hash) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)",
        )?;
        for (key, at) in beats {
            stmt.execute(rusqlite::params![&key[..], at])?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub fn count_resting(c: &mut Connection, since: i64, settled_before: i64) -> Result<Resting> {
    let counts = first(c, rules::COUNT_RESTING, &[&since, &settled_before], |r| {
        Ok(Resting {
            settled: r.get::<_, i64>(0)? as u64,
            new: r.get::<_, i64>(1)? as u64,
        })
    })?;
    Ok(counts.unwrap_or_default())
}

pub fn prune(c: &mut Connection, nonces_before: i64, presence_before: i64) -> Result<()> {
    exec(c, rules::PRUNE_NONCES, &[&nonces_before])?;
    exec(c, rules::PRUNE_PRESENCE, &[&presence_before])?;
    Ok(())
}

pub fn write_letter(
    c: &mut Connection,
    id: &str,
    author: KeyHash,
    body: &str,
    idempotency_key: Option<&str>,
    now: i64,
) -> Result<String> {
    let tx = writing(c)?;
    let values: [&dyn ToSql; 5] = [&id, &&author[..], &body, &now, &idempotency_key];
    let added = exec(&tx, rules::WRITE_LETTER, &values)? == 1;
    let id = stored_id(
        &tx,
        added,
        id,
        rules::LETTER_BY_IDEMPOTENCY_KEY,
        author,
        idempotency_key,
    )?;
    tx.commit()?;
    Ok(id)
}

/// The id a write ends with: the new row's, or (when nothing was added) the
/// first copy's under the same idempotency key; a conflict if there is none
/// (one answer per letter).
fn stored_id(
    c: &Connection,
    added: bool,
    id: &str,
    first_copy: &str,
    author: KeyHash,
    idempotency_key: Option<&str>,
) -> Result<String> {
    if added {
        return Ok(id.to_string());
    }
    first(c, first_copy, &[&&author[..], &idempotency_key], |r| {
        r.get(0)
    })?
    .ok_or(StoreError::Conflict)
}

fn is_settled(c: &Connection, key: KeyHash, policy: Policy) -> Result<bool> {
    Ok(first(
        c,
        rules::IS_SETTLED,
        &[&&key[..], &policy.settled_before],
        |r| r.get(0),
    )?
    .unwrap_or(false))
}

pub fn inbox(c: &mut Connection, reader: KeyHash, policy: Policy, now: i64) -> Result<Inbox> {
    let tx = writing(c)?;
    let unanswered: i64 =
        first(&tx, rules::UNANSWERED, &[&&reader[..]], |r| r.get(0))?.unwrap_or(0);
    let wanted = (READERS_PER_LETTER - unanswered).max(0);
    if wanted > 0 {
        let new_reader = i64::from(!is_settled(&tx, reader, policy)?);
        let waiting: Vec<String> = rows(
            &tx,
            handout_candidates!(),
            &[
                &&reader[..],
                &READERS_PER_LETTER,
                &wanted,
                &new_reader,
                &NEW_READERS_PER_LETTER,
                &policy.first_dibs_before,
            ],
            |r| r.get(0),
        )?;
        for id in waiting {
            let taken = exec(
                &tx,
                rules::TAKE_DELIVERY,
                &[
                    &id,
                    &READERS_PER_LETTER,
                    &new_reader,
                    &NEW_READERS_PER_LETTER,
                ],
            )?;
            if taken == 1 {
                exec(&tx, rules::ADD_DELIVERY, &[&id, &&reader[..], &now])?;
            }
        }
    }
    let letters = rows(&tx, rules::INBOX_LETTERS, &[&&reader[..]], |r| {
        Ok(ReceivedLetter {
            id: r.get(0)?,
            body: r.get(1)?,
            answered: r.get(2)?,
        })
    })?;
    let replies = rows(&tx, rules::INBOX_REPLIES, &[&&reader[..]], |r| {
        Ok(ReceivedReply {
            id: r.get(0)?,
            letter_id: r.get(1)?,
            letter_body: r.get(2)?,
            body: r.get(3)?,
            thanked: r.get(4)?,
        })
    })?;
    tx.commit()?;
    Ok(Inbox { letters, replies })
}

pub fn reply(
    c: &mut Connection,
    id: &str,
    author: KeyHash,
    letter_id: &str,
    body: &str,
    idempotency_key: Option<&str>,
    now: i64,
) -> Result<String> {
    let tx = writing(c)?;
    if first(
        &tx,
        rules::RECEIVED,
        &[&letter_id, &&author[..]],
        |_| Ok(()),
    )?
    .is_none()
    {
        return Err(StoreError::NotFound);
    }
    let values: [&dyn ToSql; 6] = [&id, &letter_id, &&author[..], &body, &now, &idempotency_key];
    let added = exec(&tx, rules::WRITE_REPLY, &values)? == 1;
    let id = stored_id(
        &tx,
        added,
        id,
        rules::REPLY_BY_IDEMPOTENCY_KEY,
        author,
        idempotency_key,
    )?;
    tx.commit()?;
    Ok(id)
}

pub fn thank(c: &mut Connection, writer: KeyHash, reply_id: &str, now: i64) -> Result<()> {
    if exec(c, rules::THANK, &[&reply_id, &&writer[..], &now])? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn thanks(c: &mut Connection, author: KeyHash, since: i64) -> Result<Thanks> {
    let tx = c.transaction()?;
    let total: Option<i64> = first(&tx, rules::THANKS_TOTAL, &[&&author[..], &since], |r| {
        r.get(0)
    })?;
    let answers = rows(
        &tx,
        rules::THANKED_ANSWERS,
        &[&&author[..], &since, &THANKED_LISTED],
        |r| {
            Ok(ThankedAnswer {
                letter_id: r.get(0)?,
                reply_id: r.get(1)?,
            })
        },
    )?;
    tx.commit()?;
    Ok(Thanks {
        total: total.unwrap_or(0).max(0) as u64,
        answers,
    })
}

pub fn report(
    c: &mut Connection,
    reporter: KeyHash,
    kind: ReportKind,
    id: &str,
    policy: Policy,
    now: i64,
) -> Result<()> {
    let tx = writing(c)?;
    let visible = match kind {
        ReportKind::Letter => rules::RECEIVED,
        ReportKind::Reply => rules::REPLY_VISIBLE_TO,
    };
    if first(&tx, visible, &[&id, &&reporter[..]], |_| Ok(()))?.is_none() {
        return Err(StoreError::NotFound);
    }
    let counted = i64::from(is_settled(&tx, reporter, policy)?);
    let values: [&dyn ToSql; 5] = [&kind_name(kind), &id, &&reporter[..], &now, &counted];
    if exec(&tx, rules::ADD_REPORT, &values)? == 0 {
        return Err(StoreError::Conflict);
    }
    exec(
        &tx,
        &rules::count_report(table_of(kind)),
        &[&id, &policy.hide_after, &counted],
    )?;
    tx.commit()?;
    Ok(())
}

pub fn pending(c: &mut Connection) -> Result<Vec<Pending>> {
    let mut out = Vec::new();
    for kind in [ReportKind::Letter, ReportKind::Reply] {
        out.extend(rows(c, &rules::hidden(table_of(kind)), &[], |r| {
            Ok(Pending {
                kind,
                id: r.get(0)?,
                body: r.get(1)?,
                reports: r.get(2)?,
                author: hex::encode(r.get::<_, Vec<u8>>(3)?),
            })
        })?);
    }
    Ok(out)
}

pub fn decide(c: &mut Connection, kind: ReportKind, id: &str, decision: Decision) -> Result<()> {
    let state = decision_state(decision);
    if exec(c, &rules::decide(table_of(kind)), &[&id, &state])? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn set_blocked(c: &mut Connection, key: KeyHash, blocked: bool, now: i64) -> Result<()> {
    if blocked {
        exec(c, rules::BLOCK, &[&&key[..], &now])?;
    } else {
        exec(c, rules::UNBLOCK, &[&&key[..]])?;
    }
    Ok(())
}

pub fn dump(c: &mut Connection) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for table in TABLES {
        let mut stmt = c.prepare(&format!("SELECT * FROM {table}"))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                cells.push(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(b) => hex::encode(b),
                });
            }
            lines.push(format!("{table}\t{}", cells.join("\t")));
        }
    }
    Ok(lines)
}
