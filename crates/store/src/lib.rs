//! iyashi's store: one SQLite file that owns every piece of SQL in the program.
//!
//! The rest of iyashi sees typed repositories ([`Store::add_entry`],
//! [`Store::search`], …), never SQL. The file is in WAL mode with
//! `synchronous=FULL`, so an entry is on disk before `iyashi joy` says "kept",
//! and with a busy timeout, so the CLI, the daemon and the web room can write
//! at the same time.

#![warn(missing_docs)]

mod entries;
mod error;
mod import;
mod inspect;
mod migrate;
mod open;
pub mod private;
mod reason;
mod rhythm;

pub use error::StoreError;
pub use import::ImportCount;
pub use inspect::odd_kind;
pub use migrate::SCHEMA_VERSION;
pub use open::Access;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// An open iyashi database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    access: Access,
}

impl Store {
    /// Opens (creating if needed, readable by its owner only) the database
    /// at `path`, refusing anything that is not a file, a file that is not
    /// an iyashi database, or one a newer iyashi wrote, each before SQLite
    /// touches it; then brings an older schema up to date after backing the
    /// file up. When the disk cannot be written (full, or read-only) the
    /// journal opens for reading only: see [`Store::access`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let (conn, access) = open::open(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            access,
        })
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this store may be changed; every change to a read-only one
    /// is refused with [`StoreError::ReadOnly`] and changes nothing.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Runs `work` in one write transaction, taken at once (IMMEDIATE) so a
    /// writer waits its turn at the start rather than failing half-way.
    /// Committed (and, with `synchronous=FULL`, on disk) when this returns.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        if self.access == Access::ReadOnly {
            return Err(StoreError::ReadOnly { path });
        }
        let sqlite = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let done = work(&tx).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        Ok(done)
    }

    /// SQLite's own check of every page; "ok" when all is well.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }
}
