//! The PostgreSQL backend: shared by any number of service processes, so
//! every rule that matters (one answer per letter, a letter read by at most
//! three strangers, one report per person) is enforced in the database. The
//! rules are [`super::rules`]; this file only runs them.

use sqlx::postgres::{PgPool, PgPoolOptions};
// Table names in formatted SQL come only from `table_of` and `TABLES`,
// never from a request, which is why they are asserted safe.
use sqlx::{AssertSqlSafe, Executor, Row};

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
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/0002_idempotency_and_keys.sql"),
    include_str!("../../migrations/0003_thanks_received.sql"),
];
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
        sqlx::query(rules::MAKE_SECRET)
            .bind(&fresh[..])
            .execute(&self.pool)
            .await?;
        let secret: Vec<u8> = sqlx::query_scalar(rules::READ_SECRET)
            .fetch_one(&self.pool)
            .await?;
        secret
            .try_into()
            .map_err(|_| StoreError::Backend("the server secret is damaged".into()))
    }

    /// A database that was dropped, or a server that went away, fails here.
    pub async fn healthy(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn key_status(&self, key: KeyHash) -> Result<KeyStatus> {
        let row = sqlx::query(rules::KEY_STATUS)
            .bind(&key[..])
            .fetch_one(&self.pool)
            .await?;
        Ok(KeyStatus {
            first_seen: row.get(0),
            blocked: row.get(1),
        })
    }

    pub async fn register_key(&self, key: KeyHash, now: i64) -> Result<()> {
        sqlx::query(rules::REGISTER_KEY)
            .bind(&key[..])
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn remember_nonce(&self, key: KeyHash, nonce: &str, now: i64) -> Result<bool> {
        let added = sqlx::query(rules::REMEMBER_NONCE)
            .bind(&key[..])
            .bind(nonce)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(added.rows_affected() == 1)
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

    pub async fn count_resting(&self, since: i64, settled_before: i64) -> Result<Resting> {
        let row = sqlx::query(rules::COUNT_RESTING)
            .bind(since)
            .bind(settled_before)
            .fetch_one(&self.pool)
            .await?;
        Ok(Resting {
            settled: row.get::<i64, _>(0) as u64,
            new: row.get::<i64, _>(1) as u64,
        })
    }

    pub async fn prune(&self, nonces_before: i64, presence_before: i64) -> Result<()> {
        sqlx::query(rules::PRUNE_NONCES)
            .bind(nonces_before)
            .execute(&self.pool)
            .await?;
        sqlx::query(rules::PRUNE_PRESENCE)
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
        idempotency_key: Option<&str>,
        now: i64,
    ) -> Result<String> {
        let mut tx = self.pool.begin().await?;
        let added = sqlx::query(rules::WRITE_LETTER)
            .bind(id)
            .bind(&author[..])
            .bind(body)
            .bind(now)
            .bind(idempotency_key)
            .execute(&mut *tx)
            .await?;
        let id = Self::stored_id(
            &mut tx,
            added.rows_affected() == 1,
            id,
            rules::LETTER_BY_IDEMPOTENCY_KEY,
            author,
            idempotency_key,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The id a write ends with: the new row's, or (when nothing was added)
    /// the first copy's under the same idempotency key; a conflict if
    /// there is none (one answer per letter).
    async fn stored_id(
        tx: &mut sqlx::PgConnection,
        added: bool,
        id: &str,
        first_copy: &'static str,
        author: KeyHash,
        idempotency_key: Option<&str>,
    ) -> Result<String> {
        if added {
            return Ok(id.to_string());
        }
        sqlx::query_scalar(first_copy)
            .bind(&author[..])
            .bind(idempotency_key)
            .fetch_optional(tx)
            .await?
            .ok_or(StoreError::Conflict)
    }

    async fn is_settled(tx: &mut sqlx::PgConnection, key: KeyHash, policy: Policy) -> Result<bool> {
        Ok(sqlx::query_scalar(rules::IS_SETTLED)
            .bind(&key[..])
            .bind(policy.settled_before)
            .fetch_one(tx)
            .await?)
    }

    pub async fn inbox(&self, reader: KeyHash, policy: Policy, now: i64) -> Result<Inbox> {
        let mut tx = self.pool.begin().await?;
        let unanswered: i64 = sqlx::query_scalar(rules::UNANSWERED)
            .bind(&reader[..])
            .fetch_one(&mut *tx)
            .await?;
        let wanted = (READERS_PER_LETTER - unanswered).max(0);
        if wanted > 0 {
            let new_reader = i64::from(!Self::is_settled(&mut tx, reader, policy).await?);
            // SKIP LOCKED: two processes handing out letters at once each
            // take different ones instead of waiting on each other; the
            // guarded update keeps the counts true either way.
            let waiting: Vec<String> =
                sqlx::query_scalar(concat!(handout_candidates!(), " FOR UPDATE SKIP LOCKED"))
                    .bind(&reader[..])
                    .bind(READERS_PER_LETTER)
                    .bind(wanted)
                    .bind(new_reader)
                    .bind(NEW_READERS_PER_LETTER)
                    .bind(policy.first_dibs_before)
                    .fetch_all(&mut *tx)
                    .await?;
            for id in waiting {
                let taken = sqlx::query(rules::TAKE_DELIVERY)
                    .bind(&id)
                    .bind(READERS_PER_LETTER)
                    .bind(new_reader)
                    .bind(NEW_READERS_PER_LETTER)
                    .execute(&mut *tx)
                    .await?;
                if taken.rows_affected() == 1 {
                    sqlx::query(rules::ADD_DELIVERY)
                        .bind(&id)
                        .bind(&reader[..])
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        let letters = sqlx::query(rules::INBOX_LETTERS)
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
        let replies = sqlx::query(rules::INBOX_REPLIES)
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
        idempotency_key: Option<&str>,
        now: i64,
    ) -> Result<String> {
        let mut tx = self.pool.begin().await?;
        let received = sqlx::query(rules::RECEIVED)
            .bind(letter_id)
            .bind(&author[..])
            .fetch_optional(&mut *tx)
            .await?;
        if received.is_none() {
            return Err(StoreError::NotFound);
        }
        let added = sqlx::query(rules::WRITE_REPLY)
            .bind(id)
            .bind(letter_id)
            .bind(&author[..])
            .bind(body)
            .bind(now)
            .bind(idempotency_key)
            .execute(&mut *tx)
            .await?;
        let id = Self::stored_id(
            &mut tx,
            added.rows_affected() == 1,
            id,
            rules::REPLY_BY_IDEMPOTENCY_KEY,
            author,
            idempotency_key,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn thank(&self, writer: KeyHash, reply_id: &str, now: i64) -> Result<()> {
        let changed = sqlx::query(rules::THANK)
            .bind(reply_id)
            .bind(&writer[..])
            .bind(now)
            .execute(&self.pool)
            .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn thanks(&self, author: KeyHash, since: i64) -> Result<Thanks> {
        // One snapshot, so the total and the list agree.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await?;
        let total: i64 = sqlx::query_scalar(rules::THANKS_TOTAL)
            .bind(&author[..])
            .bind(since)
            .fetch_one(&mut *tx)
            .await?;
        let answers = sqlx::query(rules::THANKED_ANSWERS)
            .bind(&author[..])
            .bind(since)
            .bind(THANKED_LISTED)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|r| ThankedAnswer {
                letter_id: r.get(0),
                reply_id: r.get(1),
            })
            .collect();
        tx.commit().await?;
        Ok(Thanks {
            total: total.max(0) as u64,
            answers,
        })
    }

    pub async fn report(
        &self,
        reporter: KeyHash,
        kind: ReportKind,
        id: &str,
        policy: Policy,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let visible = match kind {
            ReportKind::Letter => rules::RECEIVED,
            ReportKind::Reply => rules::REPLY_VISIBLE_TO,
        };
        if sqlx::query(visible)
            .bind(id)
            .bind(&reporter[..])
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound);
        }
        let counted = i64::from(Self::is_settled(&mut tx, reporter, policy).await?);
        let added = sqlx::query(rules::ADD_REPORT)
            .bind(kind_name(kind))
            .bind(id)
            .bind(&reporter[..])
            .bind(now)
            .bind(counted)
            .execute(&mut *tx)
            .await?;
        if added.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        sqlx::query(AssertSqlSafe(rules::count_report(table_of(kind))))
            .bind(id)
            .bind(policy.hide_after)
            .bind(counted)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn pending(&self) -> Result<Vec<Pending>> {
        let mut out = Vec::new();
        for kind in [ReportKind::Letter, ReportKind::Reply] {
            let rows = sqlx::query(AssertSqlSafe(rules::hidden(table_of(kind))))
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
        let changed = sqlx::query(AssertSqlSafe(rules::decide(table_of(kind))))
            .bind(id)
            .bind(decision_state(decision))
            .execute(&self.pool)
            .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn set_blocked(&self, key: KeyHash, blocked: bool, now: i64) -> Result<()> {
        if blocked {
            sqlx::query(rules::BLOCK)
                .bind(&key[..])
                .bind(now)
                .execute(&self.pool)
                .await?;
        } else {
            sqlx::query(rules::UNBLOCK)
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
