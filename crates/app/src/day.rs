//! A day of the journal as every face tells it: its entries, its counts,
//! its mood, and the times its entries were written.

use iyashi_core::catalogue::{Message, Say};
use std::collections::HashMap;
use std::ffi::OsStr;

use iyashi_core::catalogue::Problem;
use iyashi_core::day::{named_day, DayRange};
use iyashi_core::entry::{Entry, EntryKind, Mood};
use iyashi_core::Lang;
use iyashi_store::Store;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::context::Context;
use crate::failure::Failure;

/// `today`, `yesterday` or a calendar date, after the rollover hour.
pub fn day_named(ctx: &Context, given: &OsStr) -> Result<Date, Failure> {
    let bad = || Failure::bad_input(Problem::BadDay(given.to_string_lossy().into_owned()));
    given
        .to_str()
        .and_then(|text| named_day(text, ctx.today()))
        .ok_or_else(bad)
}

/// One day's entries, in the order they were written.
#[derive(Clone, Debug)]
pub struct DaySummary {
    /// The day, after the rollover hour.
    pub day: Date,
    /// Its entries, oldest first.
    pub entries: Vec<Entry>,
}

impl DaySummary {
    /// The day's entries from the journal.
    pub fn read(store: &Store, day: Date) -> Result<DaySummary, Failure> {
        Ok(DaySummary {
            day,
            entries: store.entries_in(DayRange::single(day))?,
        })
    }

    /// How many entries of `kind` the day has.
    pub fn count(&self, kind: EntryKind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }

    /// The day's joys, oldest first.
    pub fn joys(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.kind == EntryKind::Joy)
    }

    /// The mood the day has now: the latest one written. An early low
    /// mood that a later one answered is not the day's mood any more.
    pub fn mood(&self) -> Option<Mood> {
        self.entries.iter().rev().find_map(|e| e.mood)
    }

    /// Whether the day's mood (the latest) is low, so the companions stay
    /// closer: the one rule for the room and the web page.
    pub fn low_mood(&self) -> bool {
        self.mood().is_some_and(|m| m.value() <= 2)
    }

    /// "2 joys · mood 4 · 1 note", or `None` for a day with nothing yet
    /// (each face says that in its own words).
    pub fn line(&self, lang: Lang) -> Option<String> {
        if self.entries.is_empty() {
            return None;
        }
        let mut parts = vec![Say::TodayJoys(self.count(EntryKind::Joy)).render(lang)];
        parts.extend(self.mood().map(|m| Say::TodayMood(m).render(lang)));
        let notes = self.count(EntryKind::Note);
        if notes > 0 {
            parts.push(Say::TodayNotes(notes).render(lang));
        }
        Some(parts.join(lang.pick(" · ", "・")))
    }
}

/// `hh:mm` of `at` on the clock in `tz`: the one way iyashi writes a time
/// of day.
pub fn hh_mm(at: Timestamp, tz: &TimeZone) -> String {
    let t = tz.to_datetime(at);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The time of day an entry was written, on the clock where it was written
/// (its own zone, as core's `Entry` keeps it): 21:30 in Tokyo stays 21:30
/// when read in London, in every face.
pub fn entry_time(entry: &Entry) -> String {
    hh_mm(entry.at, &entry_zone(entry))
}

/// The times of day of many entries (an export, a week's log), each zone
/// read once: a journal is written in a handful of zones.
#[derive(Clone, Debug, Default)]
pub struct EntryTimes {
    zones: HashMap<String, TimeZone>,
}

impl EntryTimes {
    /// [`entry_time`] of `entry`.
    pub fn of(&mut self, entry: &Entry) -> String {
        let tz = self
            .zones
            .entry(entry.tz.clone())
            .or_insert_with(|| entry_zone(entry));
        hh_mm(entry.at, tz)
    }
}

/// The zone an entry was written in (UTC for a name no longer known).
pub fn entry_zone(entry: &Entry) -> TimeZone {
    crate::zone::named(&entry.tz).unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::entry::EntryId;

    fn entry(kind: EntryKind, mood: Option<u8>, at: &str, tz: &str) -> Entry {
        let at: Timestamp = at.parse().unwrap();
        Entry::new(
            EntryId::parse(&format!("0190f5a4-7c4b-7000-8000-{:012}", at.as_second())).unwrap(),
            kind,
            mood.map(|m| Mood::new(m).unwrap()),
            "tea",
            at,
            tz.to_string(),
            "2026-11-25".parse().unwrap(),
        )
        .unwrap()
    }

    fn day(entries: Vec<Entry>) -> DaySummary {
        DaySummary {
            day: "2026-11-25".parse().unwrap(),
            entries,
        }
    }

    #[test]
    fn the_days_mood_is_the_latest_and_only_that_one_decides_low() {
        let low_then_fine = day(vec![
            entry(EntryKind::Mood, Some(1), "2026-11-25T01:00:00Z", "UTC"),
            entry(EntryKind::Mood, Some(4), "2026-11-25T02:00:00Z", "UTC"),
        ]);
        assert_eq!(low_then_fine.mood().map(Mood::value), Some(4));
        assert!(!low_then_fine.low_mood());
        let fine_then_low = day(vec![
            entry(EntryKind::Mood, Some(4), "2026-11-25T01:00:00Z", "UTC"),
            entry(EntryKind::Mood, Some(2), "2026-11-25T02:00:00Z", "UTC"),
        ]);
        assert!(fine_then_low.low_mood());
    }

    #[test]
    fn an_entry_keeps_the_time_of_its_own_zone() {
        let tokyo = entry(EntryKind::Joy, None, "2026-11-25T12:30:00Z", "Asia/Tokyo");
        assert_eq!(entry_time(&tokyo), "21:30");
        let lost = entry(EntryKind::Joy, None, "2026-11-25T12:30:00Z", "Not/A_Zone");
        assert_eq!(entry_time(&lost), "12:30");
    }
}
