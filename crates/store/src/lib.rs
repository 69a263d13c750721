//! iyashi's store: one SQLite file that owns every piece of SQL in the program.
//!
//! The rest of iyashi sees typed repositories ([`Store::add_entry`],
//! [`Store::search`], …), never SQL. The file is in WAL mode with
//! `synchronous=FULL`, so an entry is on disk before `iyashi joy` says "kept",
//! and with a busy timeout, so the CLI, the daemon and the web room can write
//! at the same time.

mod entries;
mod error;
mod migrate;
mod open;
mod rhythm;

pub use entries::ImportCount;
pub use error::StoreError;
pub use migrate::SCHEMA_VERSION;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// An open iyashi database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refusing a file that
    /// is not an iyashi database or that a newer iyashi wrote, and bringing an
    /// older schema up to date after backing the file up.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = open::open(path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrate::migrate(&mut store.conn, path)?;
        Ok(store)
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one write transaction, taken at once (IMMEDIATE) so a
    /// writer waits its turn at the start rather than failing half-way.
    /// Committed (and, with `synchronous=FULL`, on disk) when this returns.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
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
