//! Schema migrations: numbered, each run once, all in one transaction after a
//! backup of the file as it was.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// "iyas" in ASCII, so `file` and SQLite tools can tell whose database this is.
pub(crate) const APPLICATION_ID: i64 = 0x6979_6173;

/// Each migration takes the schema from its index to its index + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("schema/v1.sql"),
    include_str!("schema/v2.sql"),
    include_str!("schema/v3.sql"),
    include_str!("schema/v4.sql"),
];

/// The schema version this iyashi writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date. `file` is where the database lives, for
/// the backup made first; `None` for a copy in memory, which needs none.
pub(crate) fn migrate(conn: &mut Connection, file: Option<&Path>) -> Result<(), StoreError> {
    run(conn, file, MIGRATIONS)
}

fn run(conn: &mut Connection, file: Option<&Path>, migrations: &[&str]) -> Result<(), StoreError> {
    let path = file.unwrap_or(Path::new(":memory:"));
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let target = migrations.len() as i64;
    let version = user_version(conn).map_err(sqlite)?;
    if version >= target {
        return Ok(());
    }
    if let Some(file) = file.filter(|_| version > 0) {
        backup(conn, file, version)?;
    }
    // IMMEDIATE takes the write lock now, so two processes opening an old file
    // at once cannot both migrate it: the second sees the new version below.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    let version = user_version(&tx).map_err(sqlite)?;
    for (from, sql) in migrations.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql).map_err(sqlite)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)
            .map_err(sqlite)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sqlite)?;
    tx.commit().map_err(sqlite)
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Where the copy made before migrating from `version` goes.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".before-v{}.bak", version + 1));
    path.with_file_name(name)
}

/// A consistent copy (WAL included) taken with `VACUUM INTO`, into a file
/// made first so that only its owner can read it (`VACUUM INTO` fills an
/// empty file as it would a new one).
fn backup(conn: &Connection, path: &Path, version: i64) -> Result<(), StoreError> {
    let to = backup_path(path, version);
    let io = |source| StoreError::Io {
        path: to.clone(),
        source,
    };
    if to.exists() {
        std::fs::remove_file(&to).map_err(io)?;
    }
    crate::private::create_new(&to).map_err(io)?;
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])
        .map_err(|e| StoreError::from_sqlite(&to, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATER: &str = "CREATE TABLE later_things (id INTEGER PRIMARY KEY);";

    /// A journal at schema version 1 holding one joy, "tea".
    fn first_version_journal() -> (tempfile::TempDir, PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iyashi.db");
        let mut conn = Connection::open(&path).unwrap();
        run(&mut conn, Some(&path), &MIGRATIONS[..1]).unwrap();
        conn.execute_batch(
            "INSERT INTO entries (id, kind, at_ns, tz, day, text) VALUES \
             ('0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60', 'joy', 0, 'UTC', '1970-01-01', 'tea')",
        )
        .unwrap();
        (dir, path, conn)
    }

    #[test]
    fn an_older_file_is_backed_up_then_migrated_in_one_step() {
        let (_dir, path, mut conn) = first_version_journal();

        run(&mut conn, Some(&path), &[MIGRATIONS[0], LATER]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);

        let backup = Connection::open(backup_path(&path, 1)).unwrap();
        assert_eq!(user_version(&backup).unwrap(), 1);
        let kept: String = backup
            .query_row("SELECT text FROM entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "tea");
    }

    #[test]
    fn a_journal_from_the_first_version_gains_the_rhythm_tables() {
        let (_dir, path, conn) = first_version_journal();
        drop(conn);
        let store = crate::Store::open(&path).unwrap();
        assert_eq!(user_version(&store.conn).unwrap(), SCHEMA_VERSION);
        assert!(backup_path(&path, 1).exists());
        assert!(store
            .records_in(iyashi_core::day::DayRange::single(jiff::civil::date(
                1970, 1, 1
            )))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_journal_with_rhythm_records_keeps_them_through_the_third_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iyashi.db");
        let mut conn = Connection::open(&path).unwrap();
        run(&mut conn, Some(&path), &MIGRATIONS[..2]).unwrap();
        conn.execute_batch(
            "INSERT INTO breaks (day, kind, outcome, at_ns, length_ms, postponed, asked) \
             VALUES ('1970-01-01', 'rest', 'taken', 0, 300000, 0, 1); \
             INSERT INTO overtime VALUES ('1970-01-01', 36000000, 28800000, 7200000, 0, 0, 1);",
        )
        .unwrap();
        drop(conn);
        let store = crate::Store::open(&path).unwrap();
        assert!(backup_path(&path, 2).exists());
        let records = store
            .records_in(iyashi_core::day::DayRange::single(jiff::civil::date(
                1970, 1, 1,
            )))
            .unwrap();
        assert_eq!(records.len(), 2, "{records:?}");
        assert!(records.iter().any(|r| matches!(r,
            iyashi_core::rhythm::Record::Break(b) if b.activity.is_none())));
        assert!(records.iter().any(|r| matches!(r,
            iyashi_core::rhythm::Record::Overtime(o) if o.outside_hours.is_zero())));
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iyashi.db");
        let mut conn = Connection::open(&path).unwrap();
        run(&mut conn, Some(&path), &MIGRATIONS[..1]).unwrap();
        let broken = "CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;";
        assert!(run(&mut conn, Some(&path), &[MIGRATIONS[0], broken]).is_err());
        assert_eq!(user_version(&conn).unwrap(), 1);
        let half: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0);
    }
}
