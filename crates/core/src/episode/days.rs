//! Days as points on a chart: the per-day figures shared by an episode's mood
//! curve and by the plots of a week, a month or a year.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::SignedDuration;
use serde::Serialize;

use crate::day::DayRange;
use crate::entry::{Entry, EntryKind};
use crate::rhythm::{BreakCounts, Record, RhythmSettings, WeekSummary};

/// One day in plain figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayPoint {
    /// The day.
    pub day: Date,
    /// Work recorded on it.
    pub worked: SignedDuration,
    /// The daily limit it was measured against (the one in force that day).
    pub daily_limit: SignedDuration,
    /// Whether there was work after the late-night time.
    pub late_night: bool,
    /// Breaks by how they went.
    pub breaks: BreakCounts,
    /// The mean of the day's mood check-ins, from 1.0 to 5.0; `None` on a day
    /// without one.
    pub mood: Option<f32>,
    /// Joys written that day.
    pub joys: u32,
}

/// Every day of `range` as a [`DayPoint`]. Work comes from
/// [`WeekSummary::from_records`], which already takes any run of days, so a
/// month or a year is summed exactly as a week is.
///
/// Entries and records outside `range` are ignored.
pub fn day_points<E: Borrow<Entry>>(
    range: DayRange,
    entries: &[E],
    records: &[Record],
    settings: &RhythmSettings,
) -> Vec<DayPoint> {
    let mut moods: BTreeMap<Date, (u32, u32)> = BTreeMap::new();
    let mut joys: BTreeMap<Date, u32> = BTreeMap::new();
    for entry in entries.iter().map(Borrow::borrow) {
        if !range.contains(entry.day) {
            continue;
        }
        match (entry.kind, entry.mood) {
            (EntryKind::Mood, Some(m)) => {
                let slot = moods.entry(entry.day).or_default();
                slot.0 += u32::from(m.value());
                slot.1 += 1;
            }
            (EntryKind::Joy, _) => *joys.entry(entry.day).or_default() += 1,
            _ => {}
        }
    }
    let summary = WeekSummary::from_records(range, records, settings);
    summary
        .days
        .into_iter()
        .map(|d| DayPoint {
            day: d.day,
            worked: d.worked,
            daily_limit: d.daily_limit,
            late_night: d.late_night,
            breaks: d.breaks,
            mood: moods.get(&d.day).map(|(sum, n)| *sum as f32 / *n as f32),
            joys: joys.get(&d.day).copied().unwrap_or(0),
        })
        .collect()
}
