//! The rhythm repository: work sessions, breaks and overtime, as the engine
//! records them, and the open manual session of `iyashi work start`.

use std::str::FromStr;

use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{
    Activity, BreakKind, BreakOutcome, BreakRecord, HoldRecord, OvertimeRecord, Reasons, Record,
    SessionRecord,
};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use rusqlite::{params, Row, Transaction};

use crate::{Store, StoreError};

/// Reads one row of a rhythm table into its record.
type ReadRecord = fn(&Row<'_>) -> Result<Record, String>;

impl Store {
    /// Keeps records from the engine, all or none. A session or an overtime
    /// record sent again replaces its earlier copy.
    pub fn record(&mut self, records: &[Record]) -> Result<(), StoreError> {
        self.write(|tx| write_records(tx, records))
    }

    /// Every record of the days in `range`: sessions, then breaks, then
    /// overtime, then held breaks, each in time order.
    pub fn records_in(&self, range: DayRange) -> Result<Vec<Record>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, e);
        let (first, last) = (range.first.to_string(), range.last.to_string());
        let mut records = Vec::new();
        let queries: [(&str, ReadRecord); 4] = [
            (
                "SELECT day, start_ns, end_ns, worked_ms, manual FROM work_sessions
                 WHERE day BETWEEN ?1 AND ?2 ORDER BY start_ns",
                session_row,
            ),
            (
                "SELECT day, kind, outcome, at_ns, length_ms, postponed, asked, activity
                 FROM breaks WHERE day BETWEEN ?1 AND ?2 ORDER BY at_ns, seq",
                break_row,
            ),
            (
                "SELECT day, worked_ms, daily_limit_ms, beyond_limit_ms, after_evening_stop_ms,
                   late_night, workday, outside_hours_ms
                 FROM overtime WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
                overtime_row,
            ),
            (
                "SELECT day, kind, at_ns, reasons, until_ns FROM held_breaks
                 WHERE day BETWEEN ?1 AND ?2 ORDER BY at_ns",
                held_row,
            ),
        ];
        for (sql, read) in queries {
            let mut stmt = self.conn.prepare_cached(sql).map_err(sqlite)?;
            let rows = stmt
                .query_map(params![first, last], |row| Ok(read(row)))
                .map_err(sqlite)?;
            for row in rows {
                records.push(row.map_err(sqlite)?.map_err(|detail| StoreError::BadRow {
                    path: self.path.clone(),
                    detail,
                })?);
            }
        }
        Ok(records)
    }

    /// Until when `iyashi quiet` holds reminders back, if it was said; an
    /// instant already past means quiet has ended by itself.
    pub fn quiet_until(&self) -> Result<Option<Timestamp>, StoreError> {
        self.single_instant("SELECT until_ns FROM quiet")
    }

    /// Sets quiet until `until`, or turns it off with `None`.
    pub fn set_quiet_until(&mut self, until: Option<Timestamp>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM quiet", [])?;
            if let Some(until) = until {
                tx.execute(
                    "INSERT INTO quiet (only, until_ns) VALUES (1, ?1)",
                    [nanos(until)],
                )?;
            }
            Ok(())
        })
    }

    /// When the open `iyashi work start` began, if one is open.
    pub fn manual_work(&self) -> Result<Option<Timestamp>, StoreError> {
        self.single_instant("SELECT started_ns FROM manual_work")
    }

    /// The instant in the one-row table that `sql` reads, if it has a row.
    fn single_instant(&self, sql: &str) -> Result<Option<Timestamp>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(sqlite)?;
        let mut rows = stmt.query([]).map_err(sqlite)?;
        let Some(row) = rows.next().map_err(sqlite)? else {
            return Ok(None);
        };
        instant(row.get(0).map_err(sqlite)?)
            .map(Some)
            .map_err(|detail| StoreError::BadRow {
                path: self.path.clone(),
                detail,
            })
    }

    /// Opens a manual session at `at`; an already open one keeps its start.
    pub fn start_manual_work(&mut self, at: Timestamp) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO manual_work (only, started_ns) VALUES (1, ?1) ON CONFLICT DO NOTHING",
                [nanos(at)],
            )
            .map(drop)
        })
    }

    /// Closes the open manual session, keeping `records` (its session) in the
    /// same transaction so it is never both open and recorded.
    pub fn finish_manual_work(&mut self, records: &[Record]) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM manual_work", [])?;
            write_records(tx, records)
        })
    }
}

fn write_records(tx: &Transaction<'_>, records: &[Record]) -> rusqlite::Result<()> {
    for record in records {
        match record {
            Record::Session(s) => tx
                .prepare_cached(
                    "INSERT INTO work_sessions (start_ns, day, end_ns, worked_ms, manual)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (start_ns) DO UPDATE SET
                       day = excluded.day, end_ns = excluded.end_ns,
                       worked_ms = excluded.worked_ms, manual = excluded.manual",
                )?
                .execute(params![
                    nanos(s.start),
                    s.day.to_string(),
                    nanos(s.end),
                    millis(s.worked),
                    s.manual
                ])?,
            Record::Break(b) => tx
                .prepare_cached(
                    "INSERT INTO breaks (day, kind, outcome, at_ns, length_ms, postponed, asked,
                       activity)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    b.day.to_string(),
                    kind_name(b.kind),
                    outcome_name(b.outcome),
                    nanos(b.at),
                    millis(b.length),
                    b.postponed,
                    b.asked,
                    b.activity.map(Activity::id)
                ])?,
            Record::Overtime(o) => tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO overtime (day, worked_ms, daily_limit_ms,
                       beyond_limit_ms, after_evening_stop_ms, late_night, workday,
                       outside_hours_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    o.day.to_string(),
                    millis(o.worked),
                    millis(o.daily_limit),
                    millis(o.beyond_limit),
                    millis(o.after_evening_stop),
                    o.late_night,
                    o.workday,
                    millis(o.outside_hours)
                ])?,
            Record::Held(h) => tx
                .prepare_cached(
                    "INSERT INTO held_breaks (at_ns, day, kind, reasons, until_ns)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (at_ns) DO UPDATE SET
                       day = excluded.day, kind = excluded.kind,
                       reasons = excluded.reasons, until_ns = excluded.until_ns",
                )?
                .execute(params![
                    nanos(h.at),
                    h.day.to_string(),
                    kind_name(h.kind),
                    h.reasons.words(),
                    h.until.map(nanos)
                ])?,
        };
    }
    Ok(())
}

fn nanos(at: Timestamp) -> i64 {
    i64::try_from(at.as_nanosecond()).unwrap_or(i64::MAX)
}

fn millis(d: SignedDuration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn kind_name(kind: BreakKind) -> &'static str {
    match kind {
        BreakKind::Micro => "micro",
        BreakKind::Rest => "rest",
    }
}

fn outcome_name(outcome: BreakOutcome) -> &'static str {
    match outcome {
        BreakOutcome::Taken => "taken",
        BreakOutcome::Natural => "natural",
        BreakOutcome::Skipped => "skipped",
    }
}

fn instant(ns: i64) -> Result<Timestamp, String> {
    Timestamp::from_nanosecond(i128::from(ns)).map_err(|e| e.to_string())
}

fn day(row: &Row<'_>, i: usize) -> Result<Date, String> {
    let text: String = row.get(i).map_err(|e| e.to_string())?;
    Date::from_str(&text).map_err(|e| e.to_string())
}

fn int(row: &Row<'_>, i: usize) -> Result<i64, String> {
    row.get(i).map_err(|e| e.to_string())
}

fn duration(row: &Row<'_>, i: usize) -> Result<SignedDuration, String> {
    int(row, i).map(SignedDuration::from_millis)
}

fn session_row(row: &Row<'_>) -> Result<Record, String> {
    Ok(Record::Session(SessionRecord {
        day: day(row, 0)?,
        start: instant(int(row, 1)?)?,
        end: instant(int(row, 2)?)?,
        worked: duration(row, 3)?,
        manual: int(row, 4)? != 0,
    }))
}

fn kind(row: &Row<'_>, i: usize) -> Result<BreakKind, String> {
    match row.get::<_, String>(i).map_err(|e| e.to_string())?.as_str() {
        "micro" => Ok(BreakKind::Micro),
        "rest" => Ok(BreakKind::Rest),
        other => Err(format!("unknown break kind {other}")),
    }
}

fn break_row(row: &Row<'_>) -> Result<Record, String> {
    let text = |i| row.get::<_, String>(i).map_err(|e| e.to_string());
    let kind = kind(row, 1)?;
    let outcome = match text(2)?.as_str() {
        "taken" => BreakOutcome::Taken,
        "natural" => BreakOutcome::Natural,
        "skipped" => BreakOutcome::Skipped,
        other => return Err(format!("unknown break outcome {other}")),
    };
    Ok(Record::Break(BreakRecord {
        day: day(row, 0)?,
        kind,
        outcome,
        at: instant(int(row, 3)?)?,
        length: duration(row, 4)?,
        postponed: u8::try_from(int(row, 5)?).map_err(|e| e.to_string())?,
        asked: int(row, 6)? != 0,
        // An activity this iyashi no longer knows is simply not shown.
        activity: row
            .get::<_, Option<String>>(7)
            .map_err(|e| e.to_string())?
            .and_then(|id| Activity::by_id(&id)),
    }))
}

fn held_row(row: &Row<'_>) -> Result<Record, String> {
    let reasons: String = row.get(3).map_err(|e| e.to_string())?;
    let until: Option<i64> = row.get(4).map_err(|e| e.to_string())?;
    Ok(Record::Held(HoldRecord {
        day: day(row, 0)?,
        kind: kind(row, 1)?,
        at: instant(int(row, 2)?)?,
        reasons: Reasons::from_words(&reasons)?,
        until: until.map(instant).transpose()?,
    }))
}

fn overtime_row(row: &Row<'_>) -> Result<Record, String> {
    Ok(Record::Overtime(OvertimeRecord {
        day: day(row, 0)?,
        worked: duration(row, 1)?,
        daily_limit: duration(row, 2)?,
        beyond_limit: duration(row, 3)?,
        after_evening_stop: duration(row, 4)?,
        late_night: int(row, 5)? != 0,
        workday: int(row, 6)? != 0,
        outside_hours: duration(row, 7)?,
    }))
}
