//! The day's pace as the store has it, for a room that is not running the
//! rhythm engine itself (the `watch` daemon is, and records as it goes).

use jiff::{SignedDuration, Timestamp};

use crate::rhythm::{BreakKind, Record, RhythmSettings};

/// Work and breaks so far, as far as the records tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    /// Work recorded today.
    pub worked: SignedDuration,
    /// Work left before the next micro-break, when a session is under way.
    pub next_break: Option<SignedDuration>,
}

/// How recently a session must have been saved to count as still going: the
/// daemon saves its open session now and then, not every second.
const FRESH: SignedDuration = SignedDuration::from_mins(5);

/// The pace at `now` from today's `records`.
///
/// A session saved within the last few minutes is taken to be going on; the
/// next break is then counted from its start or the last break, whichever
/// came later. Without one, there is no next break to show.
pub fn pace_from_records(records: &[Record], settings: &RhythmSettings, now: Timestamp) -> Pace {
    let mut worked = SignedDuration::ZERO;
    let mut open: Option<Timestamp> = None;
    let mut rested: Option<Timestamp> = None;
    for record in records {
        match record {
            Record::Session(s) => {
                worked += s.worked;
                if now.duration_since(s.end) <= FRESH {
                    open = Some(open.map_or(s.start, |o| o.max(s.start)));
                }
            }
            Record::Break(b) if b.length > SignedDuration::ZERO => {
                let end = b.at.checked_add(b.length).unwrap_or(b.at);
                rested = Some(rested.map_or(end, |r| r.max(end)));
            }
            Record::Break(_) | Record::Overtime(_) | Record::Held(_) => {}
        }
    }
    let next_break = open.map(|start| {
        let since = rested.map_or(start, |r| r.max(start));
        (settings.interval_of(BreakKind::Micro) - now.duration_since(since))
            .max(SignedDuration::ZERO)
    });
    Pace { worked, next_break }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhythm::{BreakOutcome, BreakRecord, SessionRecord};
    use jiff::civil::date;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn session(start: &str, end: &str, mins: i64) -> Record {
        Record::Session(SessionRecord {
            day: date(2026, 11, 25),
            start: at(start),
            end: at(end),
            worked: SignedDuration::from_mins(mins),
            manual: false,
        })
    }

    #[test]
    fn work_adds_up_and_a_fresh_session_counts_down_to_its_break() {
        let settings = RhythmSettings::default();
        let every = settings.interval_of(BreakKind::Micro);
        let records = [
            session("2026-11-25T00:00:00Z", "2026-11-25T02:00:00Z", 110),
            session("2026-11-25T03:00:00Z", "2026-11-25T03:08:00Z", 8),
            Record::Break(BreakRecord {
                activity: None,
                day: date(2026, 11, 25),
                kind: BreakKind::Micro,
                outcome: BreakOutcome::Taken,
                at: at("2026-11-25T03:05:00Z"),
                length: SignedDuration::from_secs(20),
                postponed: 0,
                asked: true,
            }),
        ];
        let pace = pace_from_records(&records, &settings, at("2026-11-25T03:10:20Z"));
        assert_eq!(pace.worked, SignedDuration::from_mins(118));
        assert_eq!(pace.next_break, Some(every - SignedDuration::from_mins(5)));
    }

    #[test]
    fn an_old_session_has_no_next_break() {
        let records = [session("2026-11-25T00:00:00Z", "2026-11-25T01:00:00Z", 60)];
        let pace = pace_from_records(
            &records,
            &RhythmSettings::default(),
            at("2026-11-25T05:00:00Z"),
        );
        assert_eq!(pace.next_break, None);
    }
}
