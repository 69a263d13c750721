//! The entries repository: add, list, search, undo, import.

use std::str::FromStr;

use iyashi_core::day::DayRange;
use iyashi_core::entry::{Entry, EntryId, EntryKind, Mood};
use jiff::civil::Date;
use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Row, Transaction};

use crate::{Store, StoreError};

pub(crate) const COLUMNS: &str = "e.id, e.kind, e.at_ns, e.tz, e.day, e.mood, e.text";

/// Entries a person can see: all but those of an import still being
/// written (see `schema/v4.sql`).
pub(crate) const VISIBLE: &str =
    "(e.batch IS NULL OR e.batch NOT IN (SELECT batch FROM pending_imports))";

impl Store {
    /// Keeps one entry. When this returns, the entry is on disk.
    pub fn add_entry(&mut self, entry: &Entry) -> Result<(), StoreError> {
        self.write(|tx| insert(tx, entry, None).map(drop))
    }

    /// Entries whose day falls in `range`, oldest first.
    pub fn entries_in(&self, range: DayRange) -> Result<Vec<Entry>, StoreError> {
        self.select(
            &format!(
                "SELECT {COLUMNS} FROM entries e WHERE e.day BETWEEN ?1 AND ?2 AND {VISIBLE}
                 ORDER BY e.day, e.at_ns, e.seq"
            ),
            vec![
                Value::Text(range.first.to_string()),
                Value::Text(range.last.to_string()),
            ],
        )
    }

    /// Entries carrying `#tag` (given with or without the `#`), oldest first.
    pub fn entries_tagged(&self, tag: &str) -> Result<Vec<Entry>, StoreError> {
        let tag = tag.trim_start_matches(['#', '＃']).to_lowercase();
        self.select(
            &format!(
                "SELECT {COLUMNS} FROM entry_tags t JOIN entries e ON e.seq = t.entry_seq
                 WHERE t.tag = ?1 AND {VISIBLE} ORDER BY e.day, e.at_ns, e.seq"
            ),
            vec![Value::Text(tag)],
        )
    }

    /// Entries containing every one of `words` (case folded), oldest first.
    ///
    /// Words of three or more characters go through the trigram index. Shorter
    /// ones (温泉 is two) cannot, so they filter what the index found, or scan
    /// when every word is short.
    pub fn search(&self, words: &[String]) -> Result<Vec<Entry>, StoreError> {
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let (long, short): (Vec<&str>, Vec<&str>) =
            words.iter().partition(|w| w.chars().count() >= 3);
        let mut conditions = vec![VISIBLE.to_string()];
        let mut values = Vec::new();
        if !long.is_empty() {
            let query = long
                .iter()
                .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" AND ");
            conditions.push(
                "e.seq IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)".to_string(),
            );
            values.push(Value::Text(query));
        }
        for word in short {
            conditions.push("instr(lower(e.text), lower(?)) > 0".to_string());
            values.push(Value::Text(word.to_string()));
        }
        self.select(
            &format!(
                "SELECT {COLUMNS} FROM entries e WHERE {} ORDER BY e.day, e.at_ns, e.seq",
                conditions.join(" AND ")
            ),
            values,
        )
    }

    /// How many entries of `kind` belong to `day`.
    pub fn count_on(&self, day: Date, kind: EntryKind) -> Result<usize, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM entries e WHERE e.day = ?1 AND e.kind = ?2 AND {VISIBLE}"
                ),
                params![day.to_string(), kind.as_str()],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as usize)
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// The entry added last (by the order entries were added, not their instant).
    pub fn last_added(&self) -> Result<Option<Entry>, StoreError> {
        let found = self.select(
            &format!("SELECT {COLUMNS} FROM entries e WHERE {VISIBLE} ORDER BY e.seq DESC LIMIT 1"),
            vec![],
        )?;
        Ok(found.into_iter().next())
    }

    /// Removes one entry; false when there was none with that id.
    pub fn remove(&mut self, id: &EntryId) -> Result<bool, StoreError> {
        self.write(|tx| {
            tx.execute(
                &format!(
                    "DELETE FROM entries WHERE seq IN
                     (SELECT e.seq FROM entries e WHERE e.id = ?1 AND {VISIBLE})"
                ),
                [id.as_str()],
            )
            .map(|n| n > 0)
        })
    }

    /// Calls `each` with every entry, oldest first, without holding them all
    /// in memory: an export of ten years stays small.
    pub fn for_each_entry<E>(
        &self,
        mut each: impl FnMut(Entry) -> Result<(), E>,
    ) -> Result<Result<(), E>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, e);
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM entries e WHERE {VISIBLE} ORDER BY e.day, e.at_ns, e.seq"
            ))
            .map_err(sqlite)?;
        let mut rows = stmt.query([]).map_err(sqlite)?;
        while let Some(row) = rows.next().map_err(sqlite)? {
            let entry = read_row(row).map_err(|e| self.bad_row(e))?;
            if let Err(e) = each(entry) {
                return Ok(Err(e));
            }
        }
        Ok(Ok(()))
    }

    fn select(&self, sql: &str, values: Vec<Value>) -> Result<Vec<Entry>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(sqlite)?;
        let rows = stmt
            .query_map(params_from_iter(values), |row| Ok(read_row(row)))
            .map_err(sqlite)?;
        let mut entries = Vec::new();
        for row in rows {
            entries.push(row.map_err(sqlite)?.map_err(|e| self.bad_row(e))?);
        }
        Ok(entries)
    }

    fn bad_row(&self, detail: String) -> StoreError {
        StoreError::BadRow {
            path: self.path.clone(),
            detail,
        }
    }
}

/// Inserts one entry and its tags, in `batch` if an import's; false when
/// its id was already there.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    entry: &Entry,
    batch: Option<i64>,
) -> rusqlite::Result<bool> {
    let at_ns = i64::try_from(entry.at.as_nanosecond())
        .expect("Entry::checked keeps instants within 64-bit nanoseconds");
    let added = tx
        .prepare_cached(
            "INSERT INTO entries (id, kind, at_ns, tz, day, mood, text, batch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            entry.id.as_str(),
            entry.kind.as_str(),
            at_ns,
            entry.tz,
            entry.day.to_string(),
            entry.mood.map(Mood::value),
            entry.text,
            batch,
        ])?;
    if added == 0 {
        return Ok(false);
    }
    let seq = tx.last_insert_rowid();
    let mut tag_stmt =
        tx.prepare_cached("INSERT INTO entry_tags (tag, entry_seq) VALUES (?1, ?2)")?;
    for tag in entry.tags() {
        tag_stmt.execute(params![tag, seq])?;
    }
    Ok(true)
}

/// Reads one row. Errors are strings because a bad row is a bug to report,
/// not something a person can fix with different input.
pub(crate) fn read_row(row: &Row<'_>) -> Result<Entry, String> {
    let get =
        |i: usize| -> Result<Value, String> { row.get::<_, Value>(i).map_err(|e| e.to_string()) };
    let text = |v: Value| match v {
        Value::Text(s) => Ok(s),
        other => Err(format!("expected text, found {other:?}")),
    };
    let id = EntryId::parse(&text(get(0)?)?).map_err(|e| e.to_string())?;
    let kind = EntryKind::from_str(&text(get(1)?)?).map_err(|e| e.to_string())?;
    let at = match get(2)? {
        Value::Integer(ns) => {
            Timestamp::from_nanosecond(i128::from(ns)).map_err(|e| e.to_string())?
        }
        other => return Err(format!("expected an instant, found {other:?}")),
    };
    let tz = text(get(3)?)?;
    let day = Date::from_str(&text(get(4)?)?).map_err(|e| e.to_string())?;
    let mood = match get(5)? {
        Value::Null => None,
        Value::Integer(m) => Some(
            u8::try_from(m)
                .ok()
                .and_then(|m| Mood::new(m).ok())
                .ok_or_else(|| format!("mood {m} out of range"))?,
        ),
        other => return Err(format!("expected a mood, found {other:?}")),
    };
    let text = text(get(6)?)?;
    Ok(Entry {
        id,
        kind,
        at,
        tz,
        day,
        mood,
        text,
    })
}
