//! Opening the file: recognise it before touching it, then set it up.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::migrate::{APPLICATION_ID, SCHEMA_VERSION};
use crate::StoreError;

/// How long a writer waits for another (CLI, daemon, web room) to finish.
/// Generous, because giving up means telling a person their joy was not kept.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub(crate) fn open(path: &Path) -> Result<Connection, StoreError> {
    refuse_foreign_file(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;

    // Read-only checks first: a file we refuse must be left byte for byte as it was.
    let (version, app_id, tables): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT application_id FROM pragma_application_id),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(sqlite)?;
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

    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sqlite)?;
    // FULL: a commit is on disk, WAL included, before "kept" is printed.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sqlite)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite)?;
    Ok(conn)
}

/// A file that does not begin with SQLite's header is refused before SQLite
/// sees it, so nothing (not even a journal file) is written beside it.
fn refuse_foreign_file(path: &Path) -> Result<(), StoreError> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    file.by_ref()
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut header)
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}
