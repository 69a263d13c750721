//! The `[rhythm]` table of config.toml: how often and how long breaks are, and
//! when a day of work has been enough.

use std::fmt;

use jiff::civil::{Time, Weekday};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

use super::quiet::QuietSettings;
use super::schedule::Schedule;

/// Everything the rhythm engine can be told, with gentle defaults.
///
/// Durations are written the way people say them (`"20s"`, `"1h 30m"`), clock
/// times as `"19:00"` and days as `"mon"`..`"sun"`. Every key is optional; an
/// unknown key is an error, so a typo does not silently keep a default.
///
/// ```
/// use iyashi_core::rhythm::RhythmSettings;
/// use jiff::SignedDuration;
///
/// let s = RhythmSettings::default();
/// assert_eq!(s.micro_break_every, SignedDuration::from_mins(20));
/// assert!(s.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RhythmSettings {
    /// Work time between micro-breaks (the 20-20-20 rule for eyes).
    #[serde(serialize_with = "friendly")]
    pub micro_break_every: SignedDuration,
    /// How long a micro-break lasts. Also the shortest pause that counts as
    /// idle rather than work: a pause long enough to rest the eyes is a rest.
    #[serde(serialize_with = "friendly")]
    pub micro_break_length: SignedDuration,
    /// Work time between rest breaks.
    #[serde(serialize_with = "friendly")]
    pub rest_break_every: SignedDuration,
    /// How long a rest break lasts.
    #[serde(serialize_with = "friendly")]
    pub rest_break_length: SignedDuration,
    /// Work in one day after which Piyo says that is enough for today.
    #[serde(serialize_with = "friendly")]
    pub daily_limit: SignedDuration,
    /// Local time on workdays after which Piyo suggests stopping.
    #[serde(with = "clock_time")]
    pub evening_stop: Time,
    /// Local time after which work makes a day count as a late night.
    #[serde(with = "clock_time")]
    pub late_night: Time,
    /// The days the evening stop applies to.
    #[serde(with = "weekdays")]
    pub workdays: Vec<Weekday>,
    /// How long "later" puts a break off.
    #[serde(serialize_with = "friendly")]
    pub postpone: SignedDuration,
    /// How many times one break can be put off before it is let go.
    pub max_postpones: u8,
    /// Opt-in: breaks start when due and cannot be put off, skipped or cut short.
    pub strict: bool,
    /// A pause at least this long ends the session; the next activity starts
    /// a fresh one with fresh break timers.
    #[serde(serialize_with = "friendly")]
    pub long_absence: SignedDuration,
    /// How long Piyo's first, small ask waits for an answer. After that the
    /// break begins at the next natural pause of a few seconds, never in the
    /// middle of a sentence.
    #[serde(serialize_with = "friendly")]
    pub answer_within: SignedDuration,
    /// Working hours, fixed-time breaks and the evening wind-down.
    pub schedule: Schedule,
    /// What may hold a due break back: a film, a call, do-not-disturb.
    pub quiet: QuietSettings,
}

impl Default for RhythmSettings {
    fn default() -> RhythmSettings {
        RhythmSettings {
            micro_break_every: SignedDuration::from_mins(20),
            micro_break_length: SignedDuration::from_secs(20),
            rest_break_every: SignedDuration::from_mins(50),
            rest_break_length: SignedDuration::from_mins(5),
            daily_limit: SignedDuration::from_hours(8),
            evening_stop: Time::constant(19, 0, 0, 0),
            late_night: Time::constant(22, 0, 0, 0),
            workdays: vec![
                Weekday::Monday,
                Weekday::Tuesday,
                Weekday::Wednesday,
                Weekday::Thursday,
                Weekday::Friday,
            ],
            postpone: SignedDuration::from_mins(5),
            max_postpones: 3,
            strict: false,
            long_absence: SignedDuration::from_mins(30),
            answer_within: SignedDuration::from_mins(2),
            schedule: Schedule::default(),
            quiet: QuietSettings::default(),
        }
    }
}

/// The most postpones a config may ask for; more would be nagging, not rhythm.
pub const MAX_POSTPONES_CAP: u8 = 10;

/// The longest daily limit that means anything.
const LONGEST_DAY: SignedDuration = SignedDuration::from_hours(24);

impl RhythmSettings {
    /// Checks the settings make sense together. The error names the key to fix.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let positive = [
            ("micro_break_every", self.micro_break_every),
            ("micro_break_length", self.micro_break_length),
            ("rest_break_every", self.rest_break_every),
            ("rest_break_length", self.rest_break_length),
            ("daily_limit", self.daily_limit),
            ("postpone", self.postpone),
            ("long_absence", self.long_absence),
            ("answer_within", self.answer_within),
        ];
        for (key, d) in positive {
            if d <= SignedDuration::ZERO {
                return Err(SettingsError::new(key, SettingsProblem::NotPositive(d)));
            }
        }
        let shorter = [
            (
                "micro_break_length",
                self.micro_break_length,
                "micro_break_every",
                self.micro_break_every,
            ),
            (
                "rest_break_length",
                self.rest_break_length,
                "rest_break_every",
                self.rest_break_every,
            ),
            (
                "micro_break_length",
                self.micro_break_length,
                "rest_break_length",
                self.rest_break_length,
            ),
            (
                "rest_break_length",
                self.rest_break_length,
                "long_absence",
                self.long_absence,
            ),
        ];
        for (key, d, other, bound) in shorter {
            if d >= bound {
                return Err(SettingsError::new(
                    key,
                    SettingsProblem::NotShorterThan {
                        value: d,
                        other,
                        bound,
                    },
                ));
            }
        }
        if self.daily_limit > LONGEST_DAY {
            return Err(SettingsError::new(
                "daily_limit",
                SettingsProblem::LongerThan {
                    value: self.daily_limit,
                    max: LONGEST_DAY,
                },
            ));
        }
        if self.max_postpones > MAX_POSTPONES_CAP {
            return Err(SettingsError::new(
                "max_postpones",
                SettingsProblem::MoreThan {
                    value: self.max_postpones,
                    max: MAX_POSTPONES_CAP,
                },
            ));
        }
        for (i, day) in self.workdays.iter().enumerate() {
            if self.workdays[..i].contains(day) {
                return Err(SettingsError::new(
                    "workdays",
                    SettingsProblem::DayTwice(weekday_name(*day)),
                ));
            }
        }
        for check in [self.schedule.validate(), self.quiet.validate()] {
            check.map_err(|(key, problem)| SettingsError::new(key, problem))?;
        }
        Ok(())
    }

    /// The shortest pause in typing at which an unanswered break may begin:
    /// a few seconds, and always well under a micro-break.
    pub fn natural_pause(&self) -> SignedDuration {
        SignedDuration::from_secs(5).min(self.micro_break_length / 2)
    }

    /// When the working day `day` ends: the end of its last working hours, or
    /// without a schedule the evening stop on a workday.
    pub fn day_end(
        &self,
        cal: &super::Calendar,
        day: jiff::civil::Date,
    ) -> Option<jiff::Timestamp> {
        if self.schedule.is_set() {
            return self.schedule.end_of(cal, day);
        }
        self.is_workday(day).then(|| cal.at(day, self.evening_stop))
    }

    /// The length of a break of `kind`.
    pub fn length_of(&self, kind: super::BreakKind) -> SignedDuration {
        match kind {
            super::BreakKind::Micro => self.micro_break_length,
            super::BreakKind::Rest => self.rest_break_length,
        }
    }

    /// The work time between breaks of `kind`.
    pub fn interval_of(&self, kind: super::BreakKind) -> SignedDuration {
        match kind {
            super::BreakKind::Micro => self.micro_break_every,
            super::BreakKind::Rest => self.rest_break_every,
        }
    }

    /// Whether `day` is a workday: one with working hours in the schedule,
    /// or without a schedule one of `workdays`.
    pub fn is_workday(&self, day: jiff::civil::Date) -> bool {
        match self.schedule.hours(day) {
            Some(hours) => !hours.is_empty(),
            None => self.workdays.contains(&day.weekday()),
        }
    }
}

/// A setting that is out of range or contradicts another one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    /// The key in the `[rhythm]` table to fix.
    pub key: &'static str,
    /// What is wrong with it; the catalogue says it in words.
    pub problem: SettingsProblem,
}

/// What can be wrong with a rhythm setting that has the right form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    /// A length of time that is zero or less.
    NotPositive(SignedDuration),
    /// A length that must be shorter than another setting's.
    NotShorterThan {
        /// The length given.
        value: SignedDuration,
        /// The other key, in the same table.
        other: &'static str,
        /// The other setting's length.
        bound: SignedDuration,
    },
    /// A length over its ceiling.
    LongerThan {
        /// The length given.
        value: SignedDuration,
        /// The ceiling.
        max: SignedDuration,
    },
    /// A count over its ceiling.
    MoreThan {
        /// The count given.
        value: u8,
        /// The ceiling.
        max: u8,
    },
    /// A day written twice in `workdays`.
    DayTwice(&'static str),
    /// An empty name in `[rhythm.quiet] programs`.
    EmptyName,
}

impl SettingsError {
    fn new(key: &'static str, problem: SettingsProblem) -> SettingsError {
        SettingsError { key, problem }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::catalogue::Message;
        let said = crate::catalogue::config::ConfigText::Rhythm(self.problem);
        write!(f, "rhythm.{}: {}", self.key, said.render(crate::Lang::En))
    }
}

impl std::error::Error for SettingsError {}

fn friendly<S: serde::Serializer>(d: &SignedDuration, se: S) -> Result<S::Ok, S::Error> {
    jiff::fmt::serde::duration::friendly::compact::required(d, se)
}

/// Clock times as `"19:00"`, the way they are written on a wall clock.
mod clock_time {
    use jiff::civil::Time;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Time, se: S) -> Result<S::Ok, S::Error> {
        se.collect_str(&t.strftime("%H:%M"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Time, D::Error> {
        let s = String::deserialize(de)?;
        s.trim().parse::<Time>().map_err(|_| {
            de::Error::custom(format!("expected a clock time like \"19:00\", got {s:?}"))
        })
    }
}

/// Days of the week as `"mon"` or `"monday"`, in any case.
mod weekdays {
    use jiff::civil::Weekday;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(days: &[Weekday], se: S) -> Result<S::Ok, S::Error> {
        se.collect_seq(days.iter().map(|d| super::weekday_name(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Weekday>, D::Error> {
        let names = Vec::<String>::deserialize(de)?;
        names
            .iter()
            .map(|name| {
                super::parse_weekday(name).ok_or_else(|| {
                    de::Error::custom(format!(
                        "unknown day {name:?}; use mon, tue, wed, thu, fri, sat or sun"
                    ))
                })
            })
            .collect()
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "mon",
        Weekday::Tuesday => "tue",
        Weekday::Wednesday => "wed",
        Weekday::Thursday => "thu",
        Weekday::Friday => "fri",
        Weekday::Saturday => "sat",
        Weekday::Sunday => "sun",
    }
}

fn parse_weekday(name: &str) -> Option<Weekday> {
    let lower = name.trim().to_ascii_lowercase();
    let all = [
        (Weekday::Monday, "monday"),
        (Weekday::Tuesday, "tuesday"),
        (Weekday::Wednesday, "wednesday"),
        (Weekday::Thursday, "thursday"),
        (Weekday::Friday, "friday"),
        (Weekday::Saturday, "saturday"),
        (Weekday::Sunday, "sunday"),
    ];
    all.into_iter()
        .find(|(day, full)| lower == *full || lower == weekday_name(*day))
        .map(|(day, _)| day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct File {
        rhythm: RhythmSettings,
    }

    fn parse(text: &str) -> Result<RhythmSettings, String> {
        toml::from_str::<File>(text)
            .map(|f| f.rhythm)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn friendly_durations_times_and_days_are_read() {
        let s = parse(
            r#"
            [rhythm]
            micro_break_every = "25m"
            micro_break_length = "30 seconds"
            rest_break_length = "7m"
            daily_limit = "7h 30m"
            evening_stop = "18:30"
            workdays = ["Mon", "tuesday", "wed"]
            strict = true
            "#,
        )
        .unwrap();
        assert_eq!(s.micro_break_every, SignedDuration::from_mins(25));
        assert_eq!(s.micro_break_length, SignedDuration::from_secs(30));
        assert_eq!(s.daily_limit, SignedDuration::from_mins(450));
        assert_eq!(s.evening_stop, Time::constant(18, 30, 0, 0));
        assert_eq!(
            s.workdays,
            [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday]
        );
        assert!(s.strict);
        // Untouched keys keep their defaults.
        assert_eq!(s.rest_break_every, SignedDuration::from_mins(50));
        assert!(s.validate().is_ok());
    }

    #[test]
    fn the_effective_settings_print_as_they_would_be_written() {
        #[derive(Serialize)]
        struct File<'a> {
            rhythm: &'a RhythmSettings,
        }
        let text = toml::to_string(&File {
            rhythm: &RhythmSettings::default(),
        })
        .unwrap();
        assert!(text.contains("micro_break_every = \"20m\""), "{text}");
        assert!(text.contains("micro_break_length = \"20s\""), "{text}");
        assert!(text.contains("evening_stop = \"19:00\""), "{text}");
        assert!(
            text.contains("workdays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"),
            "{text}"
        );
        assert_eq!(parse(&text).unwrap(), RhythmSettings::default());
    }

    #[test]
    fn mistakes_name_the_key() {
        let err = parse("[rhythm]\nmicro_break_evry = \"20m\"\n").unwrap_err();
        assert!(err.contains("micro_break_evry"), "{err}");
        let err = parse("[rhythm]\nworkdays = [\"mon\", \"funday\"]\n").unwrap_err();
        assert!(err.contains("funday") && err.contains("workdays"), "{err}");
        let err = parse("[rhythm]\nevening_stop = \"7pm\"\n").unwrap_err();
        assert!(
            err.contains("evening_stop") && err.contains("19:00"),
            "{err}"
        );
        let err = parse("[rhythm]\npostpone = \"soon\"\n").unwrap_err();
        assert!(err.contains("postpone"), "{err}");
    }

    #[test]
    fn settings_that_contradict_each_other_are_refused() {
        let bad = RhythmSettings {
            micro_break_length: SignedDuration::from_mins(30),
            ..RhythmSettings::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().problem,
            SettingsProblem::NotShorterThan {
                value: SignedDuration::from_mins(30),
                other: "micro_break_every",
                bound: SignedDuration::from_mins(20),
            }
        );
        let bad = RhythmSettings {
            daily_limit: SignedDuration::ZERO,
            ..RhythmSettings::default()
        };
        assert_eq!(bad.validate().unwrap_err().key, "daily_limit");
        let bad = RhythmSettings {
            workdays: vec![Weekday::Monday, Weekday::Monday],
            ..RhythmSettings::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().problem,
            SettingsProblem::DayTwice("mon")
        );
        let bad = RhythmSettings {
            max_postpones: 50,
            ..RhythmSettings::default()
        };
        assert_eq!(bad.validate().unwrap_err().key, "max_postpones");
    }
}
