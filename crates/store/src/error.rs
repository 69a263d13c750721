//! What can go wrong with the database, kept apart from how it is said.

use std::path::{Path, PathBuf};

use iyashi_core::catalogue::keeping::OddFile;
use rusqlite::ErrorCode;

/// A store failure. The binary turns each into a catalogue message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Something other than a regular file is at the path (a folder, a FIFO,
    /// a device): refused before SQLite opens it.
    #[error("{path} is not a regular file ({kind:?})")]
    NotAFile {
        /// The path asked for.
        path: PathBuf,
        /// What is there instead.
        kind: OddFile,
    },
    /// The import's entry at `index` has the id of a different entry that
    /// is already kept; nothing was imported.
    #[error("{path}: entry {index} of the import has the id of a different entry")]
    Conflict {
        /// The journal.
        path: PathBuf,
        /// The import's entry, counted from 0.
        index: usize,
    },
    /// A change asked of a journal that can only be read now.
    #[error("{path} cannot be written to now")]
    ReadOnly {
        /// The journal.
        path: PathBuf,
    },
    /// The file exists but is not an iyashi database, or is damaged.
    #[error("{path} is not an iyashi database")]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// A newer iyashi wrote this file; reading it could lose what it knows.
    #[error("{path} has schema version {found}, newer than {supported}")]
    Newer {
        /// The journal.
        path: PathBuf,
        /// The schema version the file has.
        found: i64,
        /// The newest this iyashi knows.
        supported: i64,
    },
    /// SQLite refused (busy past the wait, full, damaged...): its reason is
    /// told by [`StoreError::reason`] in the person's words.
    #[error("{path}: {source}")]
    Sqlite {
        /// The journal.
        path: PathBuf,
        /// SQLite's own error.
        source: rusqlite::Error,
    },
    /// The file system refused, before SQLite was asked.
    #[error("{path}: {source}")]
    Io {
        /// The path it refused.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A row that breaks the rules the schema promises (only a bug or a hand
    /// edit can cause it).
    #[error("{path}: a stored entry is unreadable: {detail}")]
    BadRow {
        /// The journal.
        path: PathBuf,
        /// What was wrong with the row, for whoever debugs it.
        detail: String,
    },
}

impl StoreError {
    /// Sorts SQLite's errors: a damaged or foreign file is a
    /// [`StoreError::NotADatabase`], the rest stay as they are.
    pub(crate) fn from_sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StoreError::NotADatabase { path }
            }
            _ => StoreError::Sqlite { path, source: e },
        }
    }
}
