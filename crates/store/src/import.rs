//! Importing many entries without shutting anyone else out.
//!
//! One transaction for a million lines would hold the write lock for a
//! minute or more, and `iyashi joy` would give up waiting. So an import
//! writes in short transactions (at most [`SHORT`] of work each, then a
//! pause in which a waiting writer gets its turn), and marks every entry it
//! writes with its batch. The entries of a batch listed in `pending_imports`
//! are invisible to every reader; the last step deletes that one row, and
//! all of them appear at once. A person sees the whole import or none of it,
//! even if the import is killed half-way: its batch stays pending, unseen,
//! until the next import clears it.

use std::fs::File;
use std::time::{Duration, Instant};

use iyashi_core::entry::Entry;
use rusqlite::{params, Transaction};

use crate::entries::{insert, read_row, COLUMNS};
use crate::inspect::beside;
use crate::open::{Access, BUSY_RETRY};
use crate::{private, Store, StoreError};

/// The most work one transaction of an import does before it commits, so
/// another writer waits about this long (plus one commit) at worst.
const SHORT: Duration = Duration::from_millis(50);

/// The pause after each commit. A waiting writer tries again every
/// [`BUSY_RETRY`]; a few of those fit in here.
const GAP: Duration = Duration::from_millis(6);

/// Rows cleared per transaction when a batch is taken away.
const CLEAR_ROWS: i64 = 500;

/// How an import went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCount {
    /// Entries new to the journal, now kept.
    pub added: usize,
    /// Entries whose id was already in the journal, holding the same entry;
    /// they are left as they are.
    pub already: usize,
}

/// What one short transaction of an import got to.
enum Step {
    /// Entries before this index are written.
    Upto(usize),
    /// The entry at this index has the id of a different entry already kept.
    Conflict(usize),
}

impl Store {
    /// Adds every entry whose id is new, all or nothing as anyone else sees
    /// it, in short transactions that let other writers in (see the module
    /// documentation). An entry whose id is already kept is skipped if it is
    /// the same entry and refused with [`StoreError::Conflict`] if it is not;
    /// then nothing is imported.
    pub fn import(&mut self, entries: &[Entry]) -> Result<ImportCount, StoreError> {
        if self.access == Access::ReadOnly {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let _turn = self.import_turn()?;
        self.clear_unfinished()?;
        let started = jiff::Timestamp::now().as_nanosecond() as i64;
        let batch = self.write(|tx| {
            tx.execute(
                "INSERT INTO pending_imports (started_ns) VALUES (?1)",
                [started],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        // The batches need not reach the disk one by one: they are unseen
        // until published, and the publishing commit (synchronous=FULL
        // again) syncs the log with everything before it.
        let filled = self
            .set_synchronous("NORMAL")
            .and_then(|()| self.fill(batch, entries));
        let filled = self.set_synchronous("FULL").and(filled);
        let published = filled.and_then(|count| {
            let shown = self
                .write(|tx| tx.execute("DELETE FROM pending_imports WHERE batch = ?1", [batch]))?;
            match shown {
                1 => Ok(count),
                _ => Err(StoreError::BadRow {
                    path: self.path.clone(),
                    detail: format!("import batch {batch} vanished before it was shown"),
                }),
            }
        });
        if published.is_err() {
            // Best effort: what is left is invisible, and the next import
            // clears it.
            let _ = self.clear(batch);
        }
        published
    }

    fn set_synchronous(&self, how: &str) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "synchronous", how)
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// One import at a time, so a batch found pending by the one holding
    /// this lock can only be left over from an import that was killed.
    fn import_turn(&self) -> Result<File, StoreError> {
        let path = beside(&self.path, ".import-lock");
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        let file = private::open_or_create(&path).map_err(io)?;
        file.lock().map_err(io)?;
        Ok(file)
    }

    fn fill(&mut self, batch: i64, entries: &[Entry]) -> Result<ImportCount, StoreError> {
        let mut count = ImportCount::default();
        let mut next = 0;
        while next < entries.len() {
            let started = Instant::now();
            let step = self.write(|tx| {
                let mut i = next;
                while i < entries.len() && (i == next || started.elapsed() < SHORT) {
                    if insert(tx, &entries[i], Some(batch))? {
                        count.added += 1;
                    } else if same_as_kept(tx, &entries[i])? {
                        count.already += 1;
                    } else {
                        return Ok(Step::Conflict(i));
                    }
                    i += 1;
                }
                Ok(Step::Upto(i))
            })?;
            match step {
                Step::Upto(i) => next = i,
                Step::Conflict(index) => {
                    return Err(StoreError::Conflict {
                        path: self.path.clone(),
                        index,
                    })
                }
            }
            std::thread::sleep(GAP);
        }
        Ok(count)
    }

    /// Clears batches that imports killed part-way left pending.
    fn clear_unfinished(&mut self) -> Result<(), StoreError> {
        let batches: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT batch FROM pending_imports")
                .map_err(|e| StoreError::from_sqlite(&self.path, e))?;
            let rows = stmt
                .query_map([], |r| r.get(0))
                .map_err(|e| StoreError::from_sqlite(&self.path, e))?;
            rows.collect::<Result<_, _>>()
                .map_err(|e| StoreError::from_sqlite(&self.path, e))?
        };
        for batch in batches {
            self.clear(batch)?;
        }
        Ok(())
    }

    /// Takes a pending batch's entries away, a few hundred per transaction,
    /// then the batch itself.
    fn clear(&mut self, batch: i64) -> Result<(), StoreError> {
        loop {
            let cleared = self.write(|tx| {
                tx.execute(
                    "DELETE FROM entries WHERE seq IN
                     (SELECT seq FROM entries WHERE batch = ?1 LIMIT ?2)",
                    params![batch, CLEAR_ROWS],
                )
            })?;
            if cleared == 0 {
                break;
            }
            std::thread::sleep(GAP);
        }
        self.write(|tx| tx.execute("DELETE FROM pending_imports WHERE batch = ?1", [batch]))
            .map(drop)
    }
}

/// Whether the entry kept under `entry`'s id is `entry` itself.
fn same_as_kept(tx: &Transaction<'_>, entry: &Entry) -> rusqlite::Result<bool> {
    let kept = tx
        .prepare_cached(&format!("SELECT {COLUMNS} FROM entries e WHERE e.id = ?1"))?
        .query_row([entry.id.as_str()], |row| Ok(read_row(row)))?;
    Ok(kept.as_ref() == Ok(entry))
}

/// Keeps [`BUSY_RETRY`] in view: the gap must hold a few retries.
const _: () = assert!(GAP.as_millis() >= 2 * BUSY_RETRY.as_millis());
