//! The SQLite backend: one file, one connection, for one process.

use std::sync::{Arc, Mutex};

use rusqlite::{params, Connection, OptionalExtension};

use super::{kind_name, table_of, Decision, KeyHash, Pending, Result, StoreError, TABLES};
use crate::protocol::{Inbox, ReceivedLetter, ReceivedReply, ReportKind, READERS_PER_LETTER};

const MIGRATIONS: [&str; 1] = [include_str!("../../migrations/sqlite/0001_init.sql")];

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// One SQLite connection, used from blocking threads. One connection is
/// enough: presence is batched, so writes are few.
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
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
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the connection off the async threads.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
    }
}

pub fn server_secret(c: &mut Connection, fresh: [u8; 32]) -> Result<[u8; 32]> {
    c.execute(
        "INSERT INTO server_secret (id, secret) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING",
        params![&fresh[..]],
    )?;
    let secret: Vec<u8> =
        c.query_row("SELECT secret FROM server_secret WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    secret
        .try_into()
        .map_err(|_| StoreError::Backend("the server secret is damaged".into()))
}

pub fn remember_nonce(c: &mut Connection, key: KeyHash, nonce: &str, now: i64) -> Result<bool> {
    let added = c.execute(
        "INSERT INTO nonces (key_hash, nonce, seen_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![&key[..], nonce, now],
    )?;
    Ok(added == 1)
}

pub fn is_blocked(c: &mut Connection, key: KeyHash) -> Result<bool> {
    Ok(c.query_row(
        "SELECT 1 FROM blocked_keys WHERE key_hash = ?1",
        params![&key[..]],
        |_| Ok(()),
    )
    .optional()?
    .is_some())
}

pub fn flush_presence(c: &mut Connection, beats: &[(KeyHash, i64)]) -> Result<()> {
    let tx = c.transaction()?;
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO presence (key_hash, last_seen) VALUES (?1, ?2)
             ON CONFLICT (key_hash) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)",
        )?;
        for (key, at) in beats {
            stmt.execute(params![&key[..], at])?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub fn count_resting(c: &mut Connection, since: i64) -> Result<u64> {
    let n: i64 = c.query_row(
        "SELECT count(*) FROM presence WHERE last_seen > ?1",
        [since],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

pub fn prune(c: &mut Connection, nonces_before: i64, presence_before: i64) -> Result<()> {
    c.execute("DELETE FROM nonces WHERE seen_at < ?1", [nonces_before])?;
    c.execute(
        "DELETE FROM presence WHERE last_seen < ?1",
        [presence_before],
    )?;
    Ok(())
}

pub fn write_letter(
    c: &mut Connection,
    id: &str,
    author: KeyHash,
    body: &str,
    now: i64,
) -> Result<()> {
    c.execute(
        "INSERT INTO letters (id, author_hash, body, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, &author[..], body, now],
    )?;
    Ok(())
}

pub fn inbox(c: &mut Connection, reader: KeyHash, now: i64) -> Result<Inbox> {
    let tx = c.transaction()?;
    let unanswered: i64 = tx.query_row(
        "SELECT count(*) FROM deliveries d JOIN letters l ON l.id = d.letter_id
         WHERE d.reader_hash = ?1 AND l.state IN ('visible', 'kept')
           AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = d.letter_id AND r.author_hash = ?1)",
        params![&reader[..]],
        |r| r.get(0),
    )?;
    let wanted = (READERS_PER_LETTER - unanswered).max(0);
    if wanted > 0 {
        let waiting: Vec<String> = tx
            .prepare(
                "SELECT id FROM letters l
                 WHERE l.state IN ('visible', 'kept') AND l.deliveries < ?2 AND l.author_hash != ?1
                   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.letter_id = l.id AND d.reader_hash = ?1)
                   AND NOT EXISTS (SELECT 1 FROM blocked_keys b WHERE b.key_hash = l.author_hash)
                 ORDER BY l.created_at, l.id LIMIT ?3",
            )?
            .query_map(params![&reader[..], READERS_PER_LETTER, wanted], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for id in waiting {
            tx.execute(
                "UPDATE letters SET deliveries = deliveries + 1 WHERE id = ?1",
                [&id],
            )?;
            tx.execute(
                "INSERT INTO deliveries (letter_id, reader_hash, delivered_at) VALUES (?1, ?2, ?3)",
                params![id, &reader[..], now],
            )?;
        }
    }
    let letters = tx
        .prepare(
            "SELECT l.id, l.body,
                    EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = l.id AND r.author_hash = ?1)
             FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.reader_hash = ?1 AND l.state IN ('visible', 'kept')
             ORDER BY d.delivered_at, l.id",
        )?
        .query_map(params![&reader[..]], |r| {
            Ok(ReceivedLetter {
                id: r.get(0)?,
                body: r.get(1)?,
                answered: r.get(2)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    let replies = tx
        .prepare(
            "SELECT r.id, r.letter_id, l.body, r.body, r.thanked
             FROM replies r JOIN letters l ON l.id = r.letter_id
             WHERE l.author_hash = ?1 AND r.state IN ('visible', 'kept') AND l.state != 'removed'
             ORDER BY r.created_at, r.id",
        )?
        .query_map(params![&reader[..]], |r| {
            Ok(ReceivedReply {
                id: r.get(0)?,
                letter_id: r.get(1)?,
                letter_body: r.get(2)?,
                body: r.get(3)?,
                thanked: r.get(4)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    tx.commit()?;
    Ok(Inbox { letters, replies })
}

pub fn reply(
    c: &mut Connection,
    id: &str,
    author: KeyHash,
    letter_id: &str,
    body: &str,
    now: i64,
) -> Result<()> {
    let tx = c.transaction()?;
    let received = tx
        .query_row(
            "SELECT 1 FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.letter_id = ?1 AND d.reader_hash = ?2 AND l.state IN ('visible', 'kept')",
            params![letter_id, &author[..]],
            |_| Ok(()),
        )
        .optional()?;
    if received.is_none() {
        return Err(StoreError::NotFound);
    }
    let added = tx.execute(
        "INSERT INTO replies (id, letter_id, author_hash, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (letter_id, author_hash) DO NOTHING",
        params![id, letter_id, &author[..], body, now],
    )?;
    if added == 0 {
        return Err(StoreError::Conflict);
    }
    tx.commit()?;
    Ok(())
}

pub fn thank(c: &mut Connection, writer: KeyHash, reply_id: &str) -> Result<()> {
    let changed = c.execute(
        "UPDATE replies SET thanked = 1 WHERE id = ?1 AND state IN ('visible', 'kept')
           AND letter_id IN (SELECT id FROM letters WHERE author_hash = ?2)",
        params![reply_id, &writer[..]],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn report(
    c: &mut Connection,
    reporter: KeyHash,
    kind: ReportKind,
    id: &str,
    hide_after: i64,
    now: i64,
) -> Result<()> {
    let tx = c.transaction()?;
    let visible_sql = match kind {
        ReportKind::Letter => {
            "SELECT 1 FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.letter_id = ?1 AND d.reader_hash = ?2 AND l.state IN ('visible', 'kept')"
        }
        ReportKind::Reply => {
            "SELECT 1 FROM replies r JOIN letters l ON l.id = r.letter_id
             WHERE r.id = ?1 AND l.author_hash = ?2 AND r.state IN ('visible', 'kept')"
        }
    };
    if tx
        .query_row(visible_sql, params![id, &reporter[..]], |_| Ok(()))
        .optional()?
        .is_none()
    {
        return Err(StoreError::NotFound);
    }
    let added = tx.execute(
        "INSERT INTO reports (kind, target_id, reporter_hash, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
        params![kind_name(kind), id, &reporter[..], now],
    )?;
    if added == 0 {
        return Err(StoreError::Conflict);
    }
    let table = table_of(kind);
    tx.execute(
        &format!(
            "UPDATE {table} SET reports = reports + 1,
               state = CASE WHEN state = 'visible' AND reports + 1 >= ?2 THEN 'hidden' ELSE state END
             WHERE id = ?1"
        ),
        params![id, hide_after],
    )?;
    tx.commit()?;
    Ok(())
}

pub fn pending(c: &mut Connection) -> Result<Vec<Pending>> {
    let mut out = Vec::new();
    for kind in [ReportKind::Letter, ReportKind::Reply] {
        let table = table_of(kind);
        let mut stmt = c.prepare(&format!(
            "SELECT id, body, reports, author_hash FROM {table} WHERE state = 'hidden' ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(Pending {
                kind,
                id: r.get(0)?,
                body: r.get(1)?,
                reports: r.get(2)?,
                author: hex::encode(r.get::<_, Vec<u8>>(3)?),
            })
        })?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

pub fn decide(c: &mut Connection, kind: ReportKind, id: &str, decision: Decision) -> Result<()> {
    let state = match decision {
        Decision::Keep => "kept",
        Decision::Remove => "removed",
    };
    let changed = c.execute(
        &format!("UPDATE {} SET state = ?2 WHERE id = ?1", table_of(kind)),
        params![id, state],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn set_blocked(c: &mut Connection, key: KeyHash, blocked: bool, now: i64) -> Result<()> {
    if blocked {
        c.execute(
            "INSERT INTO blocked_keys (key_hash, blocked_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![&key[..], now],
        )?;
    } else {
        c.execute(
            "DELETE FROM blocked_keys WHERE key_hash = ?1",
            params![&key[..]],
        )?;
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
