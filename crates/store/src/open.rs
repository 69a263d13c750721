//! Opening the file: recognise it before touching it, open it for writing
//! when the disk allows, and for reading when it does not.
//!
//! A full disk or a read-only home must not lock a person out of their own
//! journal: when writing is impossible the file is opened read-only (and an
//! older schema is brought up to date in a copy in memory, since the file
//! itself cannot be migrated), so reading and exporting still work.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, MAIN_DB};

use crate::inspect::{beside, inspect, Found};
use crate::migrate::{self, APPLICATION_ID, SCHEMA_VERSION};
use crate::{private, StoreError};

/// Whether this run may change the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The usual case.
    ReadWrite,
    /// The disk is full or read-only; the journal can be read and exported.
    ReadOnly,
}

/// How long a writer waits for another (CLI, daemon, web room) to finish.
/// Generous, because giving up means telling a person their joy was not
/// kept; every writer's transactions are short, so it is rarely spent.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How often a waiting writer tries again. SQLite's own handler backs off
/// to 100 ms between tries, long enough to miss every gap a bulk writer
/// leaves between its short transactions; a short, even pace finds them.
pub(crate) const BUSY_RETRY: Duration = Duration::from_millis(2);

fn wait_for_turn(tries: i32) -> bool {
    let waited = BUSY_RETRY * u32::try_from(tries).unwrap_or(u32::MAX);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(BUSY_RETRY);
    true
}

pub(crate) fn open(path: &Path) -> Result<(Connection, Access), StoreError> {
    let found = inspect(path)?;
    if found == Found::Nothing {
        create(path)?;
    }
    if found == Found::Unsure {
        // Ask read-only first, so a file we refuse is never opened for writing.
        // (When even reading fails here, the steps below say why.)
        if let Ok(conn) = read_only(path, false) {
            check_identity(&conn, path)?;
        }
    }
    match open_for_writing(path) {
        Ok(conn) => Ok((conn, Access::ReadWrite)),
        Err(e) if cannot_write(&e) && found != Found::Nothing => open_for_reading(path)
            .map(|conn| (conn, Access::ReadOnly))
            .map_err(|_| e),
        Err(e) => Err(e),
    }
}

/// A new, empty journal file that only its owner can read, in a folder only
/// its owner can enter when iyashi makes that folder.
fn create(path: &Path) -> Result<(), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            private::create_dir(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
    }
    match private::create_new(path) {
        Ok(_) => Ok(()),
        // Another process made it a moment ago: look again.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => inspect(path).map(drop),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn open_for_writing(path: &Path) -> Result<Connection, StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    // Without CREATE: the file exists by now, and a path that vanished in
    // between should fail rather than be made again by SQLite (0644).
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_handler(Some(wait_for_turn)).map_err(sqlite)?;
    // SQLite quietly opens a file it may not write read-only.
    if conn.is_readonly(MAIN_DB).map_err(sqlite)? {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    check_identity(&conn, path)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sqlite)?;
    // FULL: a commit is on disk, WAL included, before "kept" is printed.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sqlite)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite)?;
    migrate::migrate(&mut conn, Some(path))?;
    Ok(conn)
}

/// The journal read-only, as it is on disk. If its schema is older than this
/// iyashi's, a copy in memory is brought up to date and read instead.
fn open_for_reading(path: &Path) -> Result<Connection, StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let conn = match read_only(path, false) {
        Ok(conn) => conn,
        // Without a WAL to read there is nothing SQLite needs its shared
        // memory file for, and "immutable" reads the file without one (a
        // read-only folder cannot hold a new one; a full disk cannot grow it).
        Err(e) if !beside(path, "-wal").metadata().is_ok_and(|m| m.len() > 0) => {
            read_only(path, true).map_err(|_| e)?
        }
        Err(e) => return Err(e),
    };
    let version = check_identity(&conn, path)?;
    if version == SCHEMA_VERSION {
        return Ok(conn);
    }
    let mut copy = Connection::open_in_memory().map_err(sqlite)?;
    {
        let backup = rusqlite::backup::Backup::new(&conn, &mut copy).map_err(sqlite)?;
        backup
            .run_to_completion(i32::MAX, Duration::ZERO, None)
            .map_err(sqlite)?;
    }
    migrate::migrate(&mut copy, None)?;
    Ok(copy)
}

fn read_only(path: &Path, immutable: bool) -> Result<Connection, StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = if immutable {
        let uri = immutable_uri(path).ok_or_else(|| StoreError::ReadOnly {
            path: path.to_path_buf(),
        })?;
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(path, flags)
    }
    .map_err(sqlite)?;
    conn.busy_handler(Some(wait_for_turn)).map_err(sqlite)?;
    // Opening is lazy; reading the schema shows now whether reading works.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(sqlite)?;
    Ok(conn)
}

/// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
fn immutable_uri(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    let mut uri = String::from("file:");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}

/// Refuses a file that is someone else's or a newer iyashi's; returns its
/// schema version. Reads only.
fn check_identity(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let (version, app_id, tables): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT application_id FROM pragma_application_id),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| StoreError::from_sqlite(path, e))?;
    let someone_elses = (version == 0 && tables > 0) || (version > 0 && app_id != APPLICATION_ID);
    if someone_elses {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

/// Failures that mean "this disk cannot be written now", after which the
/// journal may still be read.
fn cannot_write(e: &StoreError) -> bool {
    match e {
        StoreError::ReadOnly { .. } => true,
        StoreError::Sqlite { source, .. } => matches!(
            source.sqlite_error_code(),
            Some(
                ErrorCode::ReadOnly
                    | ErrorCode::CannotOpen
                    | ErrorCode::DiskFull
                    | ErrorCode::SystemIoFailure
                    | ErrorCode::PermissionDenied
            )
        ),
        StoreError::Io { source, .. } => matches!(
            source.kind(),
            std::io::ErrorKind::ReadOnlyFilesystem
                | std::io::ErrorKind::PermissionDenied
                | std::io::ErrorKind::StorageFull
                | std::io::ErrorKind::QuotaExceeded
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immutable_uris_escape_what_sqlite_would_read_as_syntax() {
        assert_eq!(
            immutable_uri(Path::new("/a b/100%?#.db")).unwrap(),
            "file:/a b/100%25%3f%23.db?immutable=1"
        );
    }
}
