//! The PostgreSQL backend: shared by any number of service processes, so
//! every rule that matters (one answer per letter, a letter read by at most
//! three strangers, one report per person) is enforced in the database.

use sqlx::postgres::{PgPool, PgPoolOptions};
// Table names in formatted SQL come only from `table_of` and `TABLES`,
// never from a request, which is why they are asserted safe.
use sqlx::{AssertSqlSafe, Executor, Row};

use super::{kind_name, table_of, Decision, KeyHash, Pending, Result, StoreError, TABLES};
use crate::protocol::{Inbox, ReceivedLetter, ReceivedReply, ReportKind, READERS_PER_LETTER};

const MIGRATIONS: [&str; 1] = [include_str!("../../migrations/postgres/0001_init.sql")];
/// Serialises migrations when several processes start at once.
const MIGRATION_LOCK: i64 = 0x17a5_4e77;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// A pool of connections to one PostgreSQL database.
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects and brings the schema up to date.
    pub async fn open(url: &str) -> Result<PgStore> {
        let pool = PgPoolOptions::new().max_connections(8).connect(url).await?;
        let mut tx = pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *tx)
            .await?;
        tx.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            .await?;
        let version: i64 =
            sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM schema_version")
                .fetch_one(&mut *tx)
                .await?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            sqlx::raw_sql(AssertSqlSafe(*sql)).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
                .bind(i as i64 + 1)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(PgStore { pool })
    }

    pub async fn server_secret(&self, fresh: [u8; 32]) -> Result<[u8; 32]> {
        sqlx::query(
            "INSERT INTO server_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&fresh[..])
        .execute(&self.pool)
        .await?;
        let secret: Vec<u8> = sqlx::query_scalar("SELECT secret FROM server_secret WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        secret
            .try_into()
            .map_err(|_| StoreError::Backend("the server secret is damaged".into()))
    }

    pub async fn remember_nonce(&self, key: KeyHash, nonce: &str, now: i64) -> Result<bool> {
        let added = sqlx::query("INSERT INTO nonces (key_hash, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(&key[..])
            .bind(nonce)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(added.rows_affected() == 1)
    }

    pub async fn is_blocked(&self, key: KeyHash) -> Result<bool> {
        Ok(
            sqlx::query("SELECT 1 FROM blocked_keys WHERE key_hash = $1")
                .bind(&key[..])
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    /// One statement for the whole batch: the arrays are unnested server
    /// side, so a second of heartbeats from thousands of people is one
    /// round trip.
    pub async fn flush_presence(&self, beats: Vec<(KeyHash, i64)>) -> Result<()> {
        let (keys, times): (Vec<Vec<u8>>, Vec<i64>) =
            beats.into_iter().map(|(k, t)| (k.to_vec(), t)).unzip();
        sqlx::query(
            "INSERT INTO presence (key_hash, last_seen) SELECT * FROM unnest($1::bytea[], $2::bigint[])
             ON CONFLICT (key_hash) DO UPDATE SET last_seen = greatest(presence.last_seen, excluded.last_seen)",
        )
        .bind(keys)
        .bind(times)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn count_resting(&self, since: i64) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM presence WHERE last_seen > $1")
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }

    pub async fn prune(&self, nonces_before: i64, presence_before: i64) -> Result<()> {
        sqlx::query("DELETE FROM nonces WHERE seen_at < $1")
            .bind(nonces_before)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM presence WHERE last_seen < $1")
            .bind(presence_before)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn write_letter(
        &self,
        id: &str,
        author: KeyHash,
        body: &str,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO letters (id, author_hash, body, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(&author[..])
        .bind(body)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn inbox(&self, reader: KeyHash, now: i64) -> Result<Inbox> {
        let mut tx = self.pool.begin().await?;
        let unanswered: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.reader_hash = $1 AND l.state IN ('visible', 'kept')
               AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = d.letter_id AND r.author_hash = $1)",
        )
        .bind(&reader[..])
        .fetch_one(&mut *tx)
        .await?;
        let wanted = (READERS_PER_LETTER - unanswered).max(0);
        if wanted > 0 {
            // SKIP LOCKED: two processes handing out letters at once each
            // take different ones instead of waiting on each other, and the
            // conditional update keeps a letter to at most three readers.
            let waiting: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM letters l
                 WHERE l.state IN ('visible', 'kept') AND l.deliveries < $2 AND l.author_hash != $1
                   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.letter_id = l.id AND d.reader_hash = $1)
                   AND NOT EXISTS (SELECT 1 FROM blocked_keys b WHERE b.key_hash = l.author_hash)
                 ORDER BY l.created_at, l.id LIMIT $3 FOR UPDATE SKIP LOCKED",
            )
            .bind(&reader[..])
            .bind(READERS_PER_LETTER)
            .bind(wanted)
            .fetch_all(&mut *tx)
            .await?;
            for id in waiting {
                let taken = sqlx::query("UPDATE letters SET deliveries = deliveries + 1 WHERE id = $1 AND deliveries < $2")
                    .bind(&id)
                    .bind(READERS_PER_LETTER)
                    .execute(&mut *tx)
                    .await?;
                if taken.rows_affected() == 1 {
                    sqlx::query("INSERT INTO deliveries (letter_id, reader_hash, delivered_at) VALUES ($1, $2, $3)")
                        .bind(&id)
                        .bind(&reader[..])
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        let letters = sqlx::query(
            "SELECT l.id, l.body,
                    EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = l.id AND r.author_hash = $1)
             FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.reader_hash = $1 AND l.state IN ('visible', 'kept')
             ORDER BY d.delivered_at, l.id",
        )
        .bind(&reader[..])
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| ReceivedLetter {
            id: r.get(0),
            body: r.get(1),
            answered: r.get(2),
        })
        .collect();
        let replies = sqlx::query(
            "SELECT r.id, r.letter_id, l.body, r.body, r.thanked
             FROM replies r JOIN letters l ON l.id = r.letter_id
             WHERE l.author_hash = $1 AND r.state IN ('visible', 'kept') AND l.state != 'removed'
             ORDER BY r.created_at, r.id",
        )
        .bind(&reader[..])
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| ReceivedReply {
            id: r.get(0),
            letter_id: r.get(1),
            letter_body: r.get(2),
            body: r.get(3),
            thanked: r.get::<i64, _>(4) != 0,
        })
        .collect();
        tx.commit().await?;
        Ok(Inbox { letters, replies })
    }

    pub async fn reply(
        &self,
        id: &str,
        author: KeyHash,
        letter_id: &str,
        body: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let received = sqlx::query(
            "SELECT 1 FROM deliveries d JOIN letters l ON l.id = d.letter_id
             WHERE d.letter_id = $1 AND d.reader_hash = $2 AND l.state IN ('visible', 'kept')",
        )
        .bind(letter_id)
        .bind(&author[..])
        .fetch_optional(&mut *tx)
        .await?;
        if received.is_none() {
            return Err(StoreError::NotFound);
        }
        let added = sqlx::query(
            "INSERT INTO replies (id, letter_id, author_hash, body, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (letter_id, author_hash) DO NOTHING",
        )
        .bind(id)
        .bind(letter_id)
        .bind(&author[..])
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if added.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn thank(&self, writer: KeyHash, reply_id: &str) -> Result<()> {
        let changed = sqlx::query(
            "UPDATE replies SET thanked = 1 WHERE id = $1 AND state IN ('visible', 'kept')
               AND letter_id IN (SELECT id FROM letters WHERE author_hash = $2)",
        )
        .bind(reply_id)
        .bind(&writer[..])
        .execute(&self.pool)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn report(
        &self,
        reporter: KeyHash,
        kind: ReportKind,
        id: &str,
        hide_after: i64,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let visible_sql = match kind {
            ReportKind::Letter => {
                "SELECT 1 FROM deliveries d JOIN letters l ON l.id = d.letter_id
                 WHERE d.letter_id = $1 AND d.reader_hash = $2 AND l.state IN ('visible', 'kept')"
            }
            ReportKind::Reply => {
                "SELECT 1 FROM replies r JOIN letters l ON l.id = r.letter_id
                 WHERE r.id = $1 AND l.author_hash = $2 AND r.state IN ('visible', 'kept')"
            }
        };
        if sqlx::query(visible_sql)
            .bind(id)
            .bind(&reporter[..])
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound);
        }
        let added = sqlx::query(
            "INSERT INTO reports (kind, target_id, reporter_hash, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(kind_name(kind))
        .bind(id)
        .bind(&reporter[..])
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if added.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        let table = table_of(kind);
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE {table} SET reports = reports + 1,
               state = CASE WHEN state = 'visible' AND reports + 1 >= $2 THEN 'hidden' ELSE state END
             WHERE id = $1"
        )))
        .bind(id)
        .bind(hide_after)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn pending(&self) -> Result<Vec<Pending>> {
        let mut out = Vec::new();
        for kind in [ReportKind::Letter, ReportKind::Reply] {
            let table = table_of(kind);
            let rows = sqlx::query(AssertSqlSafe(format!(
                "SELECT id, body, reports, author_hash FROM {table} WHERE state = 'hidden' ORDER BY created_at, id"
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows.into_iter().map(|r| Pending {
                kind,
                id: r.get(0),
                body: r.get(1),
                reports: r.get(2),
                author: hex::encode(r.get::<Vec<u8>, _>(3)),
            }));
        }
        Ok(out)
    }

    pub async fn decide(&self, kind: ReportKind, id: &str, decision: Decision) -> Result<()> {
        let state = match decision {
            Decision::Keep => "kept",
            Decision::Remove => "removed",
        };
        let changed = sqlx::query(AssertSqlSafe(format!(
            "UPDATE {} SET state = $2 WHERE id = $1",
            table_of(kind)
        )))
        .bind(id)
        .bind(state)
        .execute(&self.pool)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn set_blocked(&self, key: KeyHash, blocked: bool, now: i64) -> Result<()> {
        if blocked {
            sqlx::query("INSERT INTO blocked_keys (key_hash, blocked_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(&key[..])
                .bind(now)
                .execute(&self.pool)
                .await?;
        } else {
            sqlx::query("DELETE FROM blocked_keys WHERE key_hash = $1")
                .bind(&key[..])
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Each row as PostgreSQL's own text form of the row, so nothing in a
    /// column can hide from a test that searches the dump.
    pub async fn dump(&self) -> Result<Vec<String>> {
        let mut lines = Vec::new();
        for table in TABLES {
            let rows: Vec<String> =
                sqlx::query_scalar(AssertSqlSafe(format!("SELECT t::text FROM {table} t")))
                    .fetch_all(&self.pool)
                    .await?;
            lines.extend(rows.into_iter().map(|r| format!("{table}\t{r}")));
        }
        Ok(lines)
    }
}
