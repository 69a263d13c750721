//! A database made by the previous schema (0001 and 0002, as a service of
//! that version left it, with letters, answers and a thank you in it) is
//! upgraded in place when the service opens it: nothing is lost, and the
//! thanks given before are there for the answers' writers.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use iyashi_letters::store::Store;

const INIT_SQLITE: &str = include_str!("../migrations/sqlite/0001_init.sql");
const INIT_POSTGRES: &str = include_str!("../migrations/postgres/0001_init.sql");
const KEYS_AND_IDEMPOTENCY: &str = include_str!("../migrations/0002_idempotency_and_keys.sql");

/// What a service of the previous version stored: a letter by 1, answered
/// by 2 (thanked) and by 3 (not thanked).
const OLD_ROWS: &str = "
INSERT INTO keys (key_hash, first_seen) VALUES (X_1, 100), (X_2, 100), (X_3, 100);
INSERT INTO letters (id, author_hash, body, created_at, deliveries) VALUES ('l1', X_1, 'tired', 200, 2);
INSERT INTO deliveries (letter_id, reader_hash, delivered_at) VALUES ('l1', X_2, 210), ('l1', X_3, 220);
INSERT INTO replies (id, letter_id, author_hash, body, created_at, thanked)
  VALUES ('r2', 'l1', X_2, 'rest well', 300, 1), ('r3', 'l1', X_3, 'tea helps', 400, 0);
";

fn key(n: u8) -> [u8; 32] {
    [n; 32]
}

/// [`OLD_ROWS`] with each key written as the backend's byte literal.
fn old_rows(literal: impl Fn(u8) -> String) -> String {
    (1..=3).fold(OLD_ROWS.to_string(), |sql, n| {
        sql.replace(&format!("X_{n}"), &literal(n))
    })
}

#[test]
fn a_sqlite_database_of_the_previous_schema_is_upgraded_in_place() {
    let backend = common::sqlite();
    {
        let conn = rusqlite::Connection::open(&backend.url).unwrap();
        conn.execute_batch(INIT_SQLITE).unwrap();
        conn.execute_batch(KEYS_AND_IDEMPOTENCY).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(&old_rows(|n| format!("X'{}'", hex::encode(key(n)))))
            .unwrap();
    }
    upgraded(&backend.url);
}

#[test]
#[ignore = "needs postgres"]
fn a_postgres_database_of_the_previous_schema_is_upgraded_in_place() {
    let backend = common::postgres();
    common::runtime().block_on(async {
        use sqlx::Executor;
        let pool = sqlx::PgPool::connect(&backend.url).await.unwrap();
        let rows = old_rows(|n| format!("'\\x{}'::bytea", hex::encode(key(n))));
        for sql in [
            INIT_POSTGRES,
            KEYS_AND_IDEMPOTENCY,
            "CREATE TABLE schema_version (version BIGINT NOT NULL);
             INSERT INTO schema_version (version) VALUES (1), (2);",
            &rows,
        ] {
            pool.execute(sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string())))
                .await
                .unwrap();
        }
        pool.close().await;
    });
    upgraded(&backend.url);
}

fn upgraded(url: &str) {
    common::runtime().block_on(async {
        let store = Store::open(url).await.unwrap();
        // The old thank you counts from its answer's time.
        let thanks = store.thanks(key(2), 0).await.unwrap();
        assert_eq!(thanks.total, 1);
        assert_eq!(thanks.answers[0].reply_id, "r2");
        assert_eq!(thanks.answers[0].letter_id, "l1");
        assert_eq!(store.thanks(key(2), 300).await.unwrap().total, 1);
        assert_eq!(store.thanks(key(2), 301).await.unwrap().total, 0);
        assert_eq!(store.thanks(key(3), 0).await.unwrap().total, 0);
        // Nothing was lost, and the upgraded database takes new thanks.
        let policy = iyashi_letters::store::Policy {
            hide_after: 3,
            settled_before: 1000,
            first_dibs_before: 1000,
        };
        let inbox = store.inbox(key(1), policy, 1000).await.unwrap();
        assert_eq!(inbox.replies.len(), 2);
        assert!(inbox.replies.iter().any(|r| r.id == "r2" && r.thanked));
        store.thank(key(1), "r3".into(), 1000).await.unwrap();
        assert_eq!(store.thanks(key(3), 1000).await.unwrap().total, 1);
        drop(store);
        // Opening again migrates nothing twice.
        let again = Store::open(url).await.unwrap();
        assert_eq!(again.thanks(key(2), 0).await.unwrap().total, 1);
    });
}
