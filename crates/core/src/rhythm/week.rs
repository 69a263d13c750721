//! A week of records, summed up per day for `iyashi week`.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::record::{BreakOutcome, HoldRecord, OvertimeRecord, Record, SessionRecord};
use super::settings::RhythmSettings;
use super::situation::Reasons;
use crate::catalogue::rhythm::WeekText;
use crate::catalogue::waited::{Over, Waited};
use crate::catalogue::Message;
use crate::day::DayRange;
use crate::Lang;

/// Breaks counted by how they went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BreakCounts {
    /// Taken through the break screen or `iyashi break now`.
    pub taken: u32,
    /// Pauses the person took on their own.
    pub natural: u32,
    /// Let go.
    pub skipped: u32,
    /// Times breaks were put off, over all of them.
    pub postponed: u32,
}

impl BreakCounts {
    /// The times someone rested: breaks taken and pauses that came on their
    /// own. (Skipped and put-off breaks are never shown.)
    pub fn rested(&self) -> u32 {
        self.taken.saturating_add(self.natural)
    }

    fn add(&mut self, other: BreakCounts) {
        self.taken += other.taken;
        self.natural += other.natural;
        self.skipped += other.skipped;
        self.postponed += other.postponed;
    }
}

/// One day of the week, in plain numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DaySummary {
    /// The day.
    pub day: Date,
    /// One of the configured workdays.
    pub workday: bool,
    /// Work counted.
    pub worked: SignedDuration,
    /// Sessions of work.
    pub sessions: u32,
    /// Breaks, by how they went.
    pub breaks: BreakCounts,
    /// The limit the day is measured against (the one in force that day, if
    /// it was recorded).
    pub daily_limit: SignedDuration,
    /// Work past the daily limit.
    pub beyond_limit: SignedDuration,
    /// Work past the evening stop.
    pub after_evening_stop: SignedDuration,
    /// Work outside the schedule's working hours.
    pub outside_hours: SignedDuration,
    /// The largest of the three above: see [`OvertimeRecord::overtime`].
    pub overtime: SignedDuration,
    /// Work after the late-night time.
    pub late_night: bool,
    /// Breaks that waited for the situation to clear, and why.
    pub held: Held,
}

/// Breaks held back: how many times, and for what. A hold is not a break
/// missed; the break came after, or a pause on the way was one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Held {
    /// How many holds.
    pub times: u32,
    /// Everything that held them.
    pub reasons: Reasons,
    /// Holds for a call or a video meeting (the microphone or the camera),
    /// which people count by the meeting rather than by the reason.
    pub meetings: u32,
}

impl Held {
    fn of<'a>(holds: impl Iterator<Item = &'a HoldRecord>) -> Held {
        holds.fold(Held::default(), |held, h| Held {
            times: held.times.saturating_add(1),
            reasons: held.reasons.union(h.reasons),
            meetings: held.meetings + u32::from(h.reasons.is_meeting()),
        })
    }

    fn add(&mut self, other: Held) {
        self.times = self.times.saturating_add(other.times);
        self.reasons = self.reasons.union(other.reasons);
        self.meetings = self.meetings.saturating_add(other.meetings);
    }
}

/// A run of days (usually Monday to Sunday) summed up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekSummary {
    /// The first day.
    pub first: Date,
    /// The last day.
    pub last: Date,
    /// Each day, first to last.
    pub days: Vec<DaySummary>,
    /// All work.
    pub worked: SignedDuration,
    /// Days with any work.
    pub days_worked: u32,
    /// Days past the daily limit.
    pub days_over_limit: u32,
    /// Days with work after the late-night time.
    pub late_nights: u32,
    /// Days off (not workdays) with any work.
    pub days_off_worked: u32,
    /// Breaks over all the days, by how they went.
    pub breaks: BreakCounts,
    /// Breaks that waited, over the whole run of days.
    pub held: Held,
    /// Work outside the schedule's working hours, over the whole run of days.
    pub outside_hours: SignedDuration,
    /// The limit as configured now.
    pub daily_limit: SignedDuration,
}

impl WeekSummary {
    /// Sums up `records` over `days`; records of other days are ignored.
    ///
    /// Records may come straight from the store, repeats included: sessions
    /// are counted once per start (the longest copy wins) and each day's last
    /// overtime record is used.
    pub fn from_records(
        days: DayRange,
        records: &[Record],
        settings: &RhythmSettings,
    ) -> WeekSummary {
        let mut sessions: BTreeMap<Timestamp, &SessionRecord> = BTreeMap::new();
        let mut overtime: BTreeMap<Date, &OvertimeRecord> = BTreeMap::new();
        let mut breaks: BTreeMap<Date, BreakCounts> = BTreeMap::new();
        // A hold is sent again as it changes: the last copy of each counts.
        let mut held: BTreeMap<Timestamp, &HoldRecord> = BTreeMap::new();
        for record in records.iter().filter(|r| days.contains(r.day())) {
            match record {
                Record::Session(s) => {
                    let slot = sessions.entry(s.start).or_insert(s);
                    if s.worked > slot.worked {
                        *slot = s;
                    }
                }
                Record::Overtime(o) => {
                    overtime.insert(o.day, o);
                }
                Record::Break(b) => {
                    let counts = breaks.entry(b.day).or_default();
                    match b.outcome {
                        BreakOutcome::Taken => counts.taken += 1,
                        BreakOutcome::Natural => counts.natural += 1,
                        BreakOutcome::Skipped => counts.skipped += 1,
                    }
                    counts.postponed += u32::from(b.postponed);
                }
                Record::Held(h) => {
                    held.insert(h.at, h);
                }
            }
        }
        let day_summaries: Vec<DaySummary> = days
            .days()
            .map(|day| {
                let of_day = sessions.values().filter(|s| s.day == day);
                let worked = of_day.clone().map(|s| s.worked).sum::<SignedDuration>();
                let record = overtime.get(&day);
                let limit = record.map_or(settings.daily_limit, |o| o.daily_limit);
                let beyond_limit = (worked - limit).max(SignedDuration::ZERO);
                let after_evening_stop =
                    record.map_or(SignedDuration::ZERO, |o| o.after_evening_stop);
                let outside_hours = record.map_or(SignedDuration::ZERO, |o| o.outside_hours);
                let holds = held.values().filter(|h| h.day == day);
                DaySummary {
                    day,
                    workday: record.map_or(settings.is_workday(day), |o| o.workday),
                    worked,
                    sessions: u32::try_from(of_day.count()).unwrap_or(u32::MAX),
                    breaks: breaks.get(&day).copied().unwrap_or_default(),
                    daily_limit: limit,
                    beyond_limit,
                    after_evening_stop,
                    outside_hours,
                    overtime: beyond_limit.max(after_evening_stop).max(outside_hours),
                    late_night: record.is_some_and(|o| o.late_night),
                    held: Held::of(holds.copied()),
                }
            })
            .collect();
        let count = |f: &dyn Fn(&DaySummary) -> bool| {
            u32::try_from(day_summaries.iter().filter(|d| f(d)).count()).unwrap_or(u32::MAX)
        };
        let mut all_breaks = BreakCounts::default();
        let mut all_held = Held::default();
        for d in &day_summaries {
            all_breaks.add(d.breaks);
            all_held.add(d.held);
        }
        WeekSummary {
            first: days.first,
            last: days.last,
            worked: day_summaries.iter().map(|d| d.worked).sum(),
            days_worked: count(&|d| !d.worked.is_zero()),
            days_over_limit: count(&|d| d.beyond_limit > SignedDuration::ZERO),
            late_nights: count(&|d| d.late_night),
            days_off_worked: count(&|d| !d.workday && !d.worked.is_zero()),
            breaks: all_breaks,
            held: all_held,
            outside_hours: day_summaries.iter().map(|d| d.outside_hours).sum(),
            daily_limit: settings.daily_limit,
            days: day_summaries,
        }
    }

    /// The summary as plain text, one line a day and a few kind words after.
    pub fn render(&self, lang: Lang) -> String {
        self.render_until(lang, self.last)
    }

    /// The summary as of `today`: days still to come are not told, so none
    /// reads "no work recorded" before it has happened.
    pub fn render_until(&self, lang: Lang, today: Date) -> String {
        let mut lines = vec![
            WeekText::Heading {
                first: self.first,
                last: self.last,
            }
            .render(lang),
            String::new(),
        ];
        for d in self.days.iter().filter(|d| d.day <= today) {
            lines.push(WeekText::Day(d.clone()).render(lang));
            let notes: Vec<String> = [
                Waited::outside_hours(d.outside_hours, Over::Day),
                Waited::through(d.held, Over::Day),
            ]
            .into_iter()
            .flatten()
            .map(|w| w.render(lang))
            .collect();
            if !notes.is_empty() {
                // Under its day, set in so the days still read down the left.
                lines.push(format!("    {}", notes.join(lang.pick(" ", ""))));
            }
        }
        lines.push(String::new());
        if self.days_worked == 0 {
            lines.push(WeekText::Quiet.render(lang));
            return lines.join("\n") + "\n";
        }
        let mut said = vec![WeekText::Total {
            worked: self.worked,
            days: self.days_worked,
        }];
        if self.breaks.rested() > 0 {
            said.push(WeekText::Breaks(self.breaks));
        }
        let waited = [
            Waited::through(self.held, Over::Week),
            Waited::outside_hours(self.outside_hours, Over::Week),
        ];
        said.push(if self.days_over_limit == 0 {
            WeekText::WithinLimit {
                limit: self.daily_limit,
            }
        } else {
            WeekText::OverLimit {
                days: self.days_over_limit,
                limit: self.daily_limit,
            }
        });
        if self.late_nights > 0 {
            said.push(WeekText::LateNights {
                days: self.late_nights,
            });
        }
        if self.days_off_worked > 0 {
            said.push(WeekText::DaysOffWorked {
                days: self.days_off_worked,
            });
        }
        let mut said: Vec<String> = said.iter().map(|t| t.render(lang)).collect();
        // Beside the breaks, before the words about limits.
        said.splice(2..2, waited.iter().flatten().map(|w| w.render(lang)));
        lines.extend(said);
        lines.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rhythm::{BreakKind, BreakRecord};
    use jiff::civil::date;

    fn session(day: Date, start: &str, mins: i64) -> Record {
        let start: Timestamp = start.parse().unwrap();
        Record::Session(SessionRecord {
            day,
            start,
            end: start + SignedDuration::from_mins(mins),
            worked: SignedDuration::from_mins(mins),
            manual: false,
        })
    }

    #[test]
    fn repeated_checkpoints_of_a_session_count_once() {
        let mon = date(2025, 3, 3);
        let records = [
            session(mon, "2025-03-03T00:00:00Z", 30),
            session(mon, "2025-03-03T00:00:00Z", 90),
            session(mon, "2025-03-03T03:00:00Z", 60),
            // Another week: ignored.
            session(date(2025, 3, 10), "2025-03-10T00:00:00Z", 60),
        ];
        let week =
            WeekSummary::from_records(DayRange::week_of(mon), &records, &RhythmSettings::default());
        assert_eq!(week.days[0].worked, SignedDuration::from_mins(150));
        assert_eq!(week.days[0].sessions, 2);
        assert_eq!(week.worked, SignedDuration::from_mins(150));
        assert_eq!(week.days_worked, 1);
    }

    #[test]
    fn a_day_is_measured_against_the_limit_it_had() {
        let tue = date(2025, 3, 4);
        let records = [
            session(tue, "2025-03-04T00:00:00Z", 7 * 60),
            Record::Overtime(OvertimeRecord {
                day: tue,
                worked: SignedDuration::from_hours(7),
                daily_limit: SignedDuration::from_hours(6),
                beyond_limit: SignedDuration::from_hours(1),
                after_evening_stop: SignedDuration::ZERO,
                late_night: true,
                workday: true,
                outside_hours: SignedDuration::ZERO,
            }),
            Record::Break(BreakRecord {
                day: tue,
                kind: BreakKind::Micro,
                outcome: BreakOutcome::Skipped,
                at: "2025-03-04T01:00:00Z".parse().unwrap(),
                length: SignedDuration::ZERO,
                postponed: 3,
                asked: true,
                activity: None,
            }),
        ];
        let week =
            WeekSummary::from_records(DayRange::week_of(tue), &records, &RhythmSettings::default());
        let day = &week.days[1];
        assert_eq!(day.beyond_limit, SignedDuration::from_hours(1));
        assert_eq!((day.breaks.skipped, day.breaks.postponed), (1, 3));
        assert!(day.late_night);
        assert_eq!((week.days_over_limit, week.late_nights), (1, 1));
    }
}
