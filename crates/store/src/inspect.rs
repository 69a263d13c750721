//! What is at the journal's path, found out before SQLite opens it.
//!
//! SQLite cannot be asked to look without touching: opening a FIFO waits
//! for a writer forever, and the first read of a file with a hot rollback
//! journal beside it rolls that journal back into the file. So the path is
//! judged from its metadata and the 100 bytes of SQLite's header, and a file
//! that is not ours is refused before SQLite ever sees it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use iyashi_core::catalogue::keeping::OddFile;

use crate::migrate::{APPLICATION_ID, SCHEMA_VERSION};
use crate::StoreError;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// What the path holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Nothing,
    /// An empty file, or an SQLite file with nothing in it yet.
    Fresh,
    /// An iyashi journal at a schema this iyashi can read.
    Ours,
    /// The header is not the whole story: a write-ahead log beside the file
    /// may hold newer pages, so SQLite must be asked (read-only) before the
    /// file is opened for writing.
    Unsure,
}

pub(crate) fn inspect(path: &Path) -> Result<Found, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(io(e)),
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: odd_kind(&meta.file_type()),
        });
    }
    // A regular file: opening it cannot block, and reading changes nothing.
    let mut header = Vec::with_capacity(HEADER_LEN);
    fs::File::open(path)
        .and_then(|f| f.take(HEADER_LEN as u64).read_to_end(&mut header))
        .map_err(io)?;
    let foreign = || {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        })
    };
    let rollback_journal = non_empty(&beside(path, "-journal"));
    if header.is_empty() {
        // A journal beside an empty file would be rolled back into it.
        return if rollback_journal {
            foreign()
        } else {
            Ok(Found::Fresh)
        };
    }
    if header.len() < HEADER_LEN || !header.starts_with(SQLITE_HEADER) {
        return foreign();
    }
    let number = |at: usize| {
        i64::from(u32::from_be_bytes([
            header[at],
            header[at + 1],
            header[at + 2],
            header[at + 3],
        ]))
    };
    let (user_version, application_id) = (number(60), number(68));
    let wal = non_empty(&beside(path, "-wal"));
    if application_id == APPLICATION_ID {
        if user_version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: user_version,
                supported: SCHEMA_VERSION,
            });
        }
        return Ok(if wal { Found::Unsure } else { Found::Ours });
    }
    // iyashi never leaves a rollback journal (it writes through a WAL), and
    // marks its file as its own in the same step that first fills it.
    if application_id != 0 || user_version != 0 || rollback_journal {
        return foreign();
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    match (meta.len() > page_size, wal) {
        (_, true) => Ok(Found::Unsure),
        (true, false) => foreign(), // someone's tables, unmarked
        (false, false) => Ok(Found::Fresh),
    }
}

/// `path` with `suffix` added to its file name (`iyashi.db-wal`).
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn non_empty(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

/// What kind of thing other than a regular file `kind` is.
pub fn odd_kind(kind: &fs::FileType) -> OddFile {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        OddFile::Folder
    } else if kind.is_fifo() {
        OddFile::Fifo
    } else if kind.is_socket() {
        OddFile::Socket
    } else if kind.is_block_device() || kind.is_char_device() {
        OddFile::Device
    } else if kind.is_symlink() {
        OddFile::Link
    } else {
        OddFile::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn found(path: &Path) -> Result<Found, String> {
        inspect(path).map_err(|e| e.to_string())
    }

    #[test]
    fn an_empty_sqlite_file_is_fresh_and_one_with_tables_is_someone_elses() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        assert_eq!(found(&path), Ok(Found::Nothing));
        fs::write(&path, "").unwrap();
        assert_eq!(found(&path), Ok(Found::Fresh));
        fs::remove_file(&path).unwrap();
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); DROP TABLE t; VACUUM;")
            .unwrap();
        assert_eq!(found(&path), Ok(Found::Fresh));
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE recipes (name TEXT);")
            .unwrap();
        assert!(found(&path).unwrap_err().contains("not an iyashi database"));
    }

    #[test]
    fn a_marked_file_from_a_newer_iyashi_is_refused_by_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
                SCHEMA_VERSION + 1
            ))
            .unwrap();
        assert!(found(&path).unwrap_err().contains("newer"));
    }
}
