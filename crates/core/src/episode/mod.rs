//! Episodes: each month told as one episode of a quiet series.
//!
//! An [`Episode`] is built from a month's entries and rhythm records and the
//! seasons of that month. It is plain data: the CLI prints it
//! ([`Episode::render_text`], [`Episode::render_markdown`], or JSON through
//! serde), the room shows it on its `e` key, and the share card draws it.
//!
//! # How an episode is made
//!
//! | part | rule |
//! |---|---|
//! | number | the month's number in its year: November is episode 11 |
//! | title | the *chūki* (中気) of the month, the solar term that begins in its second half (小雪 in November), and a motif from the joys ([`Title`]) |
//! | joys | [`choose_joys`]: the first joy of each third of the month |
//! | mood | each day's mean mood, the mood most days had, and whether the month grew lighter or heavier |
//! | work and rest | per day as in [`WeekSummary`], summed for the month |
//! | closing | Piyo after a full month (over ten hours past the limits, three late nights, or mostly low moods), Chibi otherwise ([`Closing`]) |
//!
//! Nothing is scored. A hard month is described as a hard month, kindly, and
//! what was not done (skipped breaks) is not counted at all.
//!
//! ```
//! use iyashi_core::episode::{Episode, Month};
//! use iyashi_core::rhythm::RhythmSettings;
//! use iyashi_core::Lang;
//!
//! let month: Month = "2026-11".parse().unwrap();
//! let quiet = Episode::build(month, month.last_day(), &[], &[], &RhythmSettings::default());
//! assert_eq!(quiet.number, 11);
//! assert!(quiet.empty);
//! assert!(quiet.render_text(Lang::En).contains("Quiet months are part of the series too"));
//! ```

mod days;
mod render;
pub mod sample;

pub use days::{day_points, DayPoint};
pub use render::mood_curve;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::SignedDuration;
use serde::Serialize;

use crate::day::DayRange;
use crate::entry::{Entry, EntryKind, Mood};
use crate::rhythm::{BreakOutcome, Held, Record, RhythmSettings, WeekSummary};
use crate::season::{self, SolarTerm};

/// A calendar month, the span of one episode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year, 1900 to 2199 (the years an entry can have).
    pub year: i16,
    /// The month, 1 to 12.
    pub month: i8,
}

/// Text that is not a month in `YYYY-MM` form between 1900-01 and 2199-12.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadMonth(pub String);

impl Month {
    /// The month `day` falls in.
    pub fn of(day: Date) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).expect("a checked month has a first day")
    }

    /// Its last day.
    pub fn last_day(self) -> Date {
        self.first_day().last_of_month()
    }

    /// All its days.
    pub fn days(self) -> DayRange {
        DayRange::month_of(self.first_day())
    }
}

impl FromStr for Month {
    type Err = BadMonth;

    /// Reads `YYYY-MM`, e.g. `2026-11`.
    fn from_str(s: &str) -> Result<Month, BadMonth> {
        let bad = || BadMonth(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) {
            return Err(bad());
        }
        let (year, month): (i16, i8) =
            (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An episode's title: the season at the heart of the month and, when the
/// joys suggest one, a motif.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Title {
    /// The month's *chūki*, the solar term beginning in its second half;
    /// `None` only outside the years seasons are computed for.
    pub season: Option<SolarTerm>,
    /// A joy's own words, when one is short enough ([`MOTIF_CHARS`]): the
    /// shortest joy carrying the tag most joys carried (on at least two; the
    /// earliest on a tie), else the shortest of the chosen joys. Always
    /// words, never a tag: "Light snow, and a walk by the river" reads as a
    /// title, "Light snow, and #walk" as a label.
    pub motif: Option<String>,
}

/// A solar term that begins in the month, with its day in Japan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SeasonMark {
    /// The term.
    pub term: SolarTerm,
    /// The day it begins, as the Japanese almanac prints it.
    pub day: Date,
}

/// Which way the month's mood went, comparing the mean of the first half of
/// the checked-in days with that of the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// The second half was lighter by half a step or more.
    Lighter,
    /// Within half a step.
    Steady,
    /// The second half was heavier by half a step or more.
    Heavier,
}

/// The shape of the month's mood, in words rather than a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MoodShape {
    /// Days with at least one mood check-in.
    pub checked_days: u32,
    /// The mood most days had (each day's mean, rounded); on a tie, the one
    /// nearer the middle of the scale.
    pub most_days: Option<Mood>,
    /// Known from four checked-in days on.
    pub trend: Option<Trend>,
}

/// The month's work and rest, in plain figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WorkFigures {
    /// All work in the month.
    pub worked: SignedDuration,
    /// Days with any work.
    pub days_worked: u32,
    /// The daily limit as configured now.
    pub daily_limit: SignedDuration,
    /// Days that went past the limit they had.
    pub days_over_limit: u32,
    /// All the work beyond those limits.
    pub beyond_limit: SignedDuration,
    /// Days with work after the late-night time.
    pub late_nights: u32,
    /// Breaks taken through a prompt or `break now`.
    pub breaks_taken: u32,
    /// Pauses long enough to count as breaks, taken without being asked.
    pub breaks_natural: u32,
    /// The time all those breaks lasted.
    pub rest: SignedDuration,
    /// Breaks that waited for a meeting, a film or quiet, and for what.
    pub held: Held,
    /// Work outside the schedule's working hours.
    pub outside_hours: SignedDuration,
}

impl WorkFigures {
    /// All breaks that were rested, whoever thought of them.
    pub fn breaks(&self) -> u32 {
        self.breaks_taken + self.breaks_natural
    }
}

/// Who closes the episode. Goro is in every episode, and never speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    /// The yellow bird, who looks after rest.
    Piyo,
    /// The small bear, who suggests playful things.
    Chibi,
}

/// The episode's last line, and whose it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "line", rename_all = "snake_case")]
pub enum Closing {
    /// Nothing happened on record: Chibi suggests sitting with Goro.
    Quiet,
    /// A full month ([`FULL_MONTH_BEYOND_LIMIT`] of work past the daily
    /// limits, three late nights, or mostly low moods): Piyo asks for some
    /// room to rest in the next season.
    Full {
        /// The solar term that opens the next month.
        next: Option<SolarTerm>,
    },
    /// Any other month: Chibi looks forward to the next season.
    Onward {
        /// The solar term that opens the next month.
        next: Option<SolarTerm>,
    },
}

impl Closing {
    /// Who says it.
    pub fn speaker(self) -> Speaker {
        match self {
            Closing::Full { .. } => Speaker::Piyo,
            Closing::Quiet | Closing::Onward { .. } => Speaker::Chibi,
        }
    }
}

/// Work past the daily limits, summed over a month, from which the month
/// counts as a full one: more than a working day's worth.
pub const FULL_MONTH_BEYOND_LIMIT: SignedDuration = SignedDuration::from_hours(10);

/// One month as an episode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Episode {
    /// The month told.
    pub month: Month,
    /// Its number in the year (the month's number).
    pub number: u8,
    /// The title.
    pub title: Title,
    /// The last day told: the month's last, or today while it is under way.
    pub through: Date,
    /// Whether the month is still under way.
    pub so_far: bool,
    /// The solar terms that begin in the month.
    pub seasons: Vec<SeasonMark>,
    /// Joys written in the month (up to `through`).
    pub joy_count: usize,
    /// The joys shown ([`choose_joys`]), oldest first.
    pub joys: Vec<Entry>,
    /// Each day up to `through`.
    pub days: Vec<DayPoint>,
    /// The mood in words.
    pub mood: MoodShape,
    /// Work and rest.
    pub work: WorkFigures,
    /// The closing line.
    pub closing: Closing,
    /// Nothing written and no work recorded.
    pub empty: bool,
}

/// The joys an episode shows: one from each third of the month (the 1st to
/// the 10th, the 11th to the 20th, the 21st to the end), the first written in
/// it; when a third has none, its place goes to the earliest joy not yet
/// chosen. At most three, oldest first.
///
/// Why this rule: it is explainable in one sentence, it walks through the
/// whole month like an episode does, and it never ranks one joy above
/// another.
pub fn choose_joys(joys: &[&Entry]) -> Vec<Entry> {
    let third = |e: &Entry| match e.day.day() {
        1..=10 => 0,
        11..=20 => 1,
        _ => 2,
    };
    let mut by_time: Vec<&Entry> = joys.to_vec();
    by_time.sort_by_key(|e| e.at);
    let mut chosen: Vec<&Entry> = (0..3)
        .filter_map(|t| by_time.iter().copied().find(|e| third(e) == t))
        .collect();
    for e in &by_time {
        if chosen.len() >= 3 {
            break;
        }
        if !chosen.iter().any(|c| c.id == e.id) {
            chosen.push(e);
        }
    }
    chosen.sort_by_key(|e| e.at);
    chosen.into_iter().cloned().collect()
}

/// The longest motif taken from a joy's own words, in characters: longer
/// than this and a title stops being a title.
pub const MOTIF_CHARS: usize = 24;

fn motif(joys: &[&Entry], chosen: &[Entry]) -> Option<String> {
    // Per tag: on how many joys, and when first used (ties go to the earliest).
    let mut tags: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, joy) in joys.iter().enumerate() {
        for tag in joy.tags() {
            let slot = tags.entry(tag).or_insert((0, i));
            slot.0 += 1;
        }
    }
    let best_tag = tags
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(tag, _)| tag);
    let shortest_words = |of: &mut dyn Iterator<Item = &Entry>| {
        of.map(|j| without_tags(&j.text))
            .filter(|t| !t.is_empty() && !t.contains('\n') && t.chars().count() <= MOTIF_CHARS)
            .min_by_key(|t| t.chars().count())
    };
    best_tag
        .and_then(|tag| {
            shortest_words(&mut joys.iter().copied().filter(|j| j.tags().contains(&tag)))
        })
        .or_else(|| shortest_words(&mut chosen.iter()))
}

/// A joy's words without its `#tags`, for a title.
fn without_tags(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !w.starts_with('#') && !w.starts_with('＃'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The solar term whose longitude opens `month` (the *setsu*, e.g. 立冬 in
/// November) and the one at its heart (the *chūki*, 小雪): every Gregorian
/// month holds exactly these two beginnings.
fn terms_of(month: Month) -> (SolarTerm, SolarTerm) {
    let setsu = (285 + 30 * (u16::from(month.month.unsigned_abs()) - 1)) % 360;
    let at = |lon: u16| SolarTerm::at_longitude(lon).expect("a multiple of 15 below 360");
    (at(setsu), at((setsu + 15) % 360))
}

fn next_month(month: Month) -> Month {
    Month::of(month.last_day().tomorrow().unwrap_or(month.last_day()))
}

fn mood_shape(days: &[DayPoint]) -> MoodShape {
    let moods: Vec<f32> = days.iter().filter_map(|d| d.mood).collect();
    let mut counts = [0u32; 5];
    for m in &moods {
        let i = (m.round() as usize).clamp(1, 5) - 1;
        counts[i] += 1;
    }
    let most_days = (!moods.is_empty())
        .then(|| {
            (1u8..=5)
                .max_by_key(|v| {
                    (
                        counts[usize::from(*v) - 1],
                        std::cmp::Reverse(v.abs_diff(3)),
                    )
                })
                .and_then(|v| Mood::new(v).ok())
        })
        .flatten();
    let trend = (moods.len() >= 4).then(|| {
        let half = moods.len() / 2;
        let mean = |s: &[f32]| s.iter().sum::<f32>() / s.len() as f32;
        let change = mean(&moods[moods.len() - half..]) - mean(&moods[..half]);
        if change >= 0.5 {
            Trend::Lighter
        } else if change <= -0.5 {
            Trend::Heavier
        } else {
            Trend::Steady
        }
    });
    MoodShape {
        checked_days: u32::try_from(moods.len()).unwrap_or(u32::MAX),
        most_days,
        trend,
    }
}

impl Episode {
    /// The episode of `month` as known on `today`, from the month's entries
    /// and rhythm records (others are ignored, so a caller may pass more).
    ///
    /// Days after `today` are not told: an episode of the month under way
    /// covers it so far, and one of a month still to come is quiet.
    pub fn build(
        month: Month,
        today: Date,
        entries: &[Entry],
        records: &[Record],
        settings: &RhythmSettings,
    ) -> Episode {
        let whole = month.days();
        let so_far = whole.contains(today) && today < whole.last;
        let through = if so_far { today } else { whole.last };
        // A month still to come has nothing to tell; it keeps one day so the
        // figures have a range, and that day holds nothing.
        let future = today < whole.first;
        let range = DayRange {
            first: whole.first,
            last: if future { whole.first } else { through },
        };
        let entries: Vec<&Entry> = if future {
            Vec::new()
        } else {
            entries.iter().filter(|e| range.contains(e.day)).collect()
        };
        let records: &[Record] = if future { &[] } else { records };

        let joys: Vec<&Entry> = entries
            .iter()
            .copied()
            .filter(|e| e.kind == EntryKind::Joy)
            .collect();
        let chosen = choose_joys(&joys);
        let days = if future {
            Vec::new()
        } else {
            day_points(range, &entries, records, settings)
        };
        let summary = WeekSummary::from_records(range, records, settings);
        let rest = records
            .iter()
            .filter_map(|r| match r {
                Record::Break(b) if range.contains(b.day) && b.outcome != BreakOutcome::Skipped => {
                    Some(b.length)
                }
                _ => None,
            })
            .sum();
        let work = WorkFigures {
            worked: summary.worked,
            days_worked: summary.days_worked,
            daily_limit: settings.daily_limit,
            days_over_limit: summary.days_over_limit,
            beyond_limit: summary.days.iter().map(|d| d.beyond_limit).sum(),
            late_nights: summary.late_nights,
            breaks_taken: summary.breaks.taken,
            breaks_natural: summary.breaks.natural,
            rest,
            held: summary.held,
            outside_hours: summary.outside_hours,
        };
        let mood = mood_shape(&days);

        let in_range = season::term_in_year(month.year.into(), SolarTerm::SHUNBUN).is_ok();
        let (setsu, chuuki) = terms_of(month);
        let seasons = if in_range {
            [setsu, chuuki]
                .into_iter()
                .filter_map(|t| season::term_in_year(month.year.into(), t).ok())
                .map(|t| SeasonMark {
                    term: t.season,
                    day: t.day_in_japan(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let next = next_month(month);
        let next_term = season::term_in_year(next.year.into(), terms_of(next).0)
            .ok()
            .map(|t| t.season);

        let empty = entries.is_empty() && work.days_worked == 0 && work.breaks() == 0;
        let full = work.beyond_limit >= FULL_MONTH_BEYOND_LIMIT
            || work.late_nights >= 3
            || mood.most_days.is_some_and(|m| m.value() <= 2);
        let closing = if empty {
            Closing::Quiet
        } else if full {
            Closing::Full { next: next_term }
        } else {
            Closing::Onward { next: next_term }
        };
        Episode {
            month,
            number: month.month.unsigned_abs(),
            title: Title {
                season: in_range.then_some(chuuki),
                motif: motif(&joys, &chosen),
            },
            through,
            so_far,
            seasons,
            joy_count: joys.len(),
            joys: chosen,
            days,
            mood,
            work,
            closing,
            empty,
        }
    }
}

#[cfg(test)]
mod tests;
