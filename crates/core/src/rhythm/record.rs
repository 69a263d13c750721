//! What the engine asks the store to keep: work sessions, breaks and overtime.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::event::BreakKind;
use super::situation::Reasons;

/// One thing worth keeping, as emitted by [`Action::Record`](super::Action::Record).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum Record {
    /// A stretch of work.
    Session(SessionRecord),
    /// A break.
    Break(BreakRecord),
    /// A day past its limit, its evening stop or into the night.
    Overtime(OvertimeRecord),
    /// A due break that waited.
    Held(HoldRecord),
}

impl Record {
    /// The day the record belongs to.
    pub fn day(&self) -> Date {
        match self {
            Record::Session(s) => s.day,
            Record::Break(b) => b.day,
            Record::Overtime(o) => o.day,
            Record::Held(h) => h.day,
        }
    }
}

/// A stretch of work without a long absence in it. It never crosses the day's
/// rollover: a session running past it is cut there and a new one begins, so
/// each day's work is the sum of its sessions.
///
/// Identified by `start`: the engine may send the same session again, longer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// The day it belongs to.
    pub day: Date,
    /// The first moment of work.
    pub start: Timestamp,
    /// The last moment of work (before the absence, the stop or the rollover).
    pub end: Timestamp,
    /// Time actually worked: `end - start` minus pauses and breaks.
    pub worked: SignedDuration,
    /// Started with `iyashi work start` rather than by activity.
    pub manual: bool,
}

/// How a break went. None of these is a failure; they are what happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakOutcome {
    /// Taken through the break screen or `iyashi break now`.
    Taken,
    /// The person paused on their own for at least the break's length.
    Natural,
    /// Let go: skipped, or still unanswered after the last postpone.
    Skipped,
}

/// One break, however it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakRecord {
    /// The day it belongs to.
    pub day: Date,
    /// Micro or rest.
    pub kind: BreakKind,
    /// How it went.
    pub outcome: BreakOutcome,
    /// When the break began (for a skip: when it was let go).
    pub at: Timestamp,
    /// How long the rest lasted (zero for a skip). A natural break's length is
    /// the pause as long as it was known when it came to count.
    pub length: SignedDuration,
    /// How many times it was put off first, asked for or implied by silence.
    pub postponed: u8,
    /// Whether Piyo asked for it; `false` for a break taken early or a pause
    /// that came before any reminder.
    pub asked: bool,
    /// The guided activity offered with it, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
}

/// A due break that waited: for a call, a film, do-not-disturb, or the
/// person's own quiet. It is never a break lost: when the situation clears,
/// the break comes once (or a pause on the way already was one).
///
/// Identified by `at`: sent again when a reason joins or the hold ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldRecord {
    /// The day it belongs to.
    pub day: Date,
    /// The break that was due (a rest break that came due meanwhile takes a
    /// micro-break's place).
    pub kind: BreakKind,
    /// When it was first held back.
    pub at: Timestamp,
    /// Everything that held it, over the whole wait.
    pub reasons: Reasons,
    /// When the wait ended; `None` while it goes on.
    pub until: Option<Timestamp>,
}

/// A day that went past its limit, past the evening stop, or into the night.
///
/// Identified by `day`: sent again as the day goes on, each copy replacing the
/// last. The limit in force is kept so a later change of config does not
/// rewrite history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OvertimeRecord {
    /// The day it belongs to.
    pub day: Date,
    /// All work of the day so far.
    pub worked: SignedDuration,
    /// The daily limit when this was recorded.
    pub daily_limit: SignedDuration,
    /// Work beyond the daily limit.
    pub beyond_limit: SignedDuration,
    /// Work after the evening stop (workdays only).
    pub after_evening_stop: SignedDuration,
    /// Whether the day had work after the late-night time.
    pub late_night: bool,
    /// Whether the day is one of the configured workdays.
    pub workday: bool,
    /// Work outside the schedule's working hours (zero without a schedule).
    #[serde(default)]
    pub outside_hours: SignedDuration,
}

impl OvertimeRecord {
    /// Overtime for the day. Work past the limit, after the evening stop
    /// and outside working hours overlap (the day's last minutes are all
    /// three), so the largest is the overtime.
    pub fn overtime(&self) -> SignedDuration {
        self.beyond_limit
            .max(self.after_evening_stop)
            .max(self.outside_hours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn records_have_a_plain_json_shape_for_export_and_the_store() {
        let record = Record::Break(BreakRecord {
            day: date(2025, 3, 3),
            kind: BreakKind::Rest,
            outcome: BreakOutcome::Natural,
            at: "2025-03-03T01:10:00Z".parse().unwrap(),
            length: SignedDuration::from_secs(365),
            postponed: 2,
            asked: true,
            activity: None,
        });
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"record":"break","day":"2025-03-03","kind":"rest","outcome":"natural","at":"2025-03-03T01:10:00Z","length":"PT6M5S","postponed":2,"asked":true}"#
        );
        assert_eq!(serde_json::from_str::<Record>(&json).unwrap(), record);
    }

    #[test]
    fn overtime_is_the_larger_of_its_two_measures() {
        let o = OvertimeRecord {
            day: date(2025, 3, 3),
            worked: SignedDuration::from_hours(9),
            daily_limit: SignedDuration::from_hours(8),
            beyond_limit: SignedDuration::from_hours(1),
            after_evening_stop: SignedDuration::from_mins(90),
            late_night: false,
            workday: true,
            outside_hours: SignedDuration::ZERO,
        };
        assert_eq!(o.overtime(), SignedDuration::from_mins(90));
    }
}
