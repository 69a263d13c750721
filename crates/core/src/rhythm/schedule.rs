//! `[rhythm.schedule]`: the person's real week. Working hours per weekday,
//! breaks at fixed times (lunch, tea), and the evening wind-down.
//!
//! Without any day set, there is no schedule: reminders come whenever the
//! person works, as before. With one, reminders come only within working
//! hours, and work outside them is counted as overtime.

use std::fmt;

use jiff::civil::{Date, Time, Weekday};
use jiff::{SignedDuration, Timestamp};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::calendar::Calendar;
use super::settings::SettingsProblem;

/// A stretch of a day from `start` to `end` (local clock times).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where it begins.
    pub start: Time,
    /// Where it ends.
    pub end: Time,
}

impl Span {
    /// Its length on the clock.
    pub fn length(self) -> SignedDuration {
        self.start.duration_until(self.end)
    }

    /// The instants it covers on `day`.
    pub fn on(self, cal: &Calendar, day: Date) -> (Timestamp, Timestamp) {
        (cal.at(day, self.start), cal.at(day, self.end))
    }

    fn parse(text: &str) -> Result<Span, String> {
        let (a, b) = text
            .split_once('-')
            .ok_or_else(|| format!("expected a span like \"09:00-12:00\", got {text:?}"))?;
        let time = |t: &str| {
            t.trim()
                .parse::<Time>()
                .map_err(|_| format!("expected a clock time like \"09:00\", got {:?}", t.trim()))
        };
        let span = Span {
            start: time(a)?,
            end: time(b)?,
        };
        if span.end <= span.start {
            return Err(format!(
                "{text:?} ends before it starts; a span must end later the same day"
            ));
        }
        Ok(span)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.strftime("%H:%M"),
            self.end.strftime("%H:%M")
        )
    }
}

/// One weekday's working hours: spans in order that do not overlap, or none
/// at all for a day off (`"off"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hours(pub Vec<Span>);

impl Hours {
    fn parse(text: &str) -> Result<Hours, String> {
        if text.trim().eq_ignore_ascii_case("off") {
            return Ok(Hours(Vec::new()));
        }
        let spans = text
            .split(',')
            .map(Span::parse)
            .collect::<Result<Vec<_>, _>>()?;
        for pair in spans.windows(2) {
            if pair[1].start < pair[0].end {
                return Err(format!(
                    "{} and {} overlap or are out of order; list spans from morning to evening",
                    pair[0], pair[1]
                ));
            }
        }
        Ok(Hours(spans))
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("off");
        }
        let spans: Vec<String> = self.0.iter().map(Span::to_string).collect();
        f.write_str(&spans.join(", "))
    }
}

/// A break at a fixed time of day, such as lunch at 12:00.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedBreak {
    /// When it is.
    pub span: Span,
    /// What the person calls it: "lunch" and "tea" are said in the person's
    /// language; other words are shown as written.
    pub label: String,
}

impl FixedBreak {
    fn parse(text: &str) -> Result<FixedBreak, String> {
        let text = text.trim();
        let (span, label) = text.split_once(' ').unwrap_or((text, ""));
        Ok(FixedBreak {
            span: Span::parse(span)?,
            label: label.trim().to_string(),
        })
    }
}

impl fmt::Display for FixedBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label.as_str() {
            "" => write!(f, "{}", self.span),
            label => write!(f, "{} {label}", self.span),
        }
    }
}

/// The schedule as written in config.toml.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Schedule {
    /// Monday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub mon: Option<Hours>,
    /// Tuesday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub tue: Option<Hours>,
    /// Wednesday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub wed: Option<Hours>,
    /// Thursday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub thu: Option<Hours>,
    /// Friday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub fri: Option<Hours>,
    /// Saturday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub sat: Option<Hours>,
    /// Sunday's working hours; none: not a workday.
    #[serde(with = "opt_hours", skip_serializing_if = "Option::is_none")]
    pub sun: Option<Hours>,
    /// Breaks at fixed times on working days, as `"12:00-13:00 lunch"`.
    #[serde(with = "fixed_breaks")]
    pub breaks: Vec<FixedBreak>,
    /// How long before the end of the working day Piyo gives a gentle last notice.
    #[serde(with = "friendly")]
    pub wind_down: SignedDuration,
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule {
            mon: None,
            tue: None,
            wed: None,
            thu: None,
            fri: None,
            sat: None,
            sun: None,
            breaks: Vec::new(),
            wind_down: SignedDuration::from_mins(30),
        }
    }
}

impl Schedule {
    /// Whether any day has hours: without them there is no schedule.
    pub fn is_set(&self) -> bool {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ]
        .iter()
        .any(|d| d.is_some())
    }

    /// The hours of `day`'s weekday; a day not written down is a day off.
    /// `None` when there is no schedule at all.
    pub fn hours(&self, day: Date) -> Option<&[Span]> {
        if !self.is_set() {
            return None;
        }
        let hours = match day.weekday() {
            Weekday::Monday => &self.mon,
            Weekday::Tuesday => &self.tue,
            Weekday::Wednesday => &self.wed,
            Weekday::Thursday => &self.thu,
            Weekday::Friday => &self.fri,
            Weekday::Saturday => &self.sat,
            Weekday::Sunday => &self.sun,
        };
        Some(hours.as_ref().map_or(&[], |h| h.0.as_slice()))
    }

    /// Whether reminders may come at `now`: always without a schedule,
    /// otherwise only inside the day's hours.
    pub fn is_working(&self, cal: &Calendar, now: Timestamp) -> bool {
        let day = cal.day_of(now);
        match self.hours(day) {
            None => true,
            Some(spans) => spans.iter().any(|s| {
                let (a, b) = s.on(cal, day);
                a <= now && now < b
            }),
        }
    }

    /// Work in `[from, to)` (within one day) that falls outside working hours.
    pub fn outside(
        &self,
        cal: &Calendar,
        day: Date,
        from: Timestamp,
        to: Timestamp,
    ) -> SignedDuration {
        let Some(spans) = self.hours(day) else {
            return SignedDuration::ZERO;
        };
        let inside: SignedDuration = spans
            .iter()
            .map(|s| {
                let (a, b) = s.on(cal, day);
                let (a, b) = (a.max(from), b.min(to));
                if a < b {
                    a.duration_until(b)
                } else {
                    SignedDuration::ZERO
                }
            })
            .sum();
        from.duration_until(to) - inside
    }

    /// The end of the working day `day`, if it is one.
    pub fn end_of(&self, cal: &Calendar, day: Date) -> Option<Timestamp> {
        self.hours(day)?.last().map(|s| cal.at(day, s.end))
    }

    /// The next start of working hours after `now`, within a week.
    pub fn next_start(&self, cal: &Calendar, now: Timestamp) -> Option<Timestamp> {
        let mut day = cal.day_of(now);
        for _ in 0..8 {
            let start = self
                .hours(day)?
                .iter()
                .map(|s| cal.at(day, s.start))
                .find(|t| *t > now);
            if start.is_some() {
                return start;
            }
            day = day.tomorrow().ok()?;
        }
        None
    }

    /// Every instant of `day` at which something changes (a span starts or
    /// ends, the wind-down, a fixed break), so a caller can be woken then.
    pub fn moments(&self, cal: &Calendar, day: Date) -> Vec<Timestamp> {
        let Some(spans) = self.hours(day) else {
            return Vec::new();
        };
        let mut at: Vec<Timestamp> = spans
            .iter()
            .flat_map(|s| [cal.at(day, s.start), cal.at(day, s.end)])
            .collect();
        if let Some(end) = self.end_of(cal, day) {
            at.push(end - self.wind_down);
            at.extend(self.breaks.iter().map(|b| cal.at(day, b.span.start)));
        }
        at
    }

    pub(super) fn validate(&self) -> Result<(), (&'static str, SettingsProblem)> {
        let max = SignedDuration::from_hours(4);
        if self.wind_down < SignedDuration::ZERO {
            return Err((
                "schedule.wind_down",
                SettingsProblem::NotPositive(self.wind_down),
            ));
        }
        if self.wind_down > max {
            let value = self.wind_down;
            return Err((
                "schedule.wind_down",
                SettingsProblem::LongerThan { value, max },
            ));
        }
        Ok(())
    }
}

mod friendly {
    use jiff::SignedDuration;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &SignedDuration, se: S) -> Result<S::Ok, S::Error> {
        jiff::fmt::serde::duration::friendly::compact::required(d, se)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<SignedDuration, D::Error> {
        serde::Deserialize::deserialize(de)
    }
}

mod opt_hours {
    use super::*;

    pub fn serialize<S: Serializer>(h: &Option<Hours>, se: S) -> Result<S::Ok, S::Error> {
        match h {
            Some(h) => se.collect_str(h),
            None => se.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Hours>, D::Error> {
        let text = String::deserialize(de)?;
        Hours::parse(&text).map(Some).map_err(de::Error::custom)
    }
}

mod fixed_breaks {
    use super::*;

    pub fn serialize<S: Serializer>(b: &[FixedBreak], se: S) -> Result<S::Ok, S::Error> {
        se.collect_seq(b.iter().map(FixedBreak::to_string))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<FixedBreak>, D::Error> {
        let texts = Vec::<String>::deserialize(de)?;
        let mut breaks = texts
            .iter()
            .map(|t| FixedBreak::parse(t))
            .collect::<Result<Vec<_>, _>>()
            .map_err(de::Error::custom)?;
        breaks.sort_by_key(|b| b.span.start);
        Ok(breaks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::RolloverHour;
    use jiff::civil::{date, time};
    use jiff::tz::TimeZone;

    #[derive(Debug, Deserialize, Serialize)]
    struct File {
        schedule: Schedule,
    }

    fn parse(text: &str) -> Result<Schedule, String> {
        toml::from_str::<File>(text)
            .map(|f| f.schedule)
            .map_err(|e| e.to_string())
    }

    fn cal() -> Calendar {
        Calendar::new(TimeZone::get("Asia/Tokyo").unwrap(), RolloverHour::DEFAULT)
    }

    fn at(s: &str) -> Timestamp {
        let local: jiff::civil::DateTime = s.parse().unwrap();
        TimeZone::get("Asia/Tokyo")
            .unwrap()
            .to_ambiguous_timestamp(local)
            .compatible()
            .unwrap()
    }

    #[test]
    fn hours_days_off_and_fixed_breaks_are_read_and_written_back() {
        let s = parse(
            "[schedule]\nmon = \"09:00-12:00, 13:00-18:00\"\nsat = \"off\"\n\
             breaks = [\"15:00-15:15 tea\", \"12:00-12:45 lunch\"]\nwind_down = \"20m\"\n",
        )
        .unwrap();
        assert!(s.is_set());
        let mon = date(2025, 3, 3);
        assert_eq!(s.hours(mon).unwrap().len(), 2);
        assert_eq!(s.hours(date(2025, 3, 8)), Some(&[][..]));
        // Not written down: a day off too.
        assert_eq!(s.hours(date(2025, 3, 4)), Some(&[][..]));
        assert_eq!(s.breaks[0].label, "lunch");
        assert_eq!(s.breaks[0].span.length(), SignedDuration::from_mins(45));
        let text = toml::to_string(&File {
            schedule: s.clone(),
        })
        .unwrap();
        assert!(
            text.contains("mon = \"09:00-12:00, 13:00-18:00\""),
            "{text}"
        );
        assert!(text.contains("sat = \"off\""), "{text}");
        assert_eq!(parse(&text).unwrap(), s);
        assert!(!Schedule::default().is_set());
        assert_eq!(Schedule::default().hours(mon), None);
    }

    #[test]
    fn mistakes_say_what_to_write() {
        let err = parse("[schedule]\nmon = \"9-5\"\n").unwrap_err();
        assert!(err.contains("09:00") && err.contains("mon"), "{err}");
        let err = parse("[schedule]\ntue = \"18:00-09:00\"\n").unwrap_err();
        assert!(err.contains("ends before it starts"), "{err}");
        let err = parse("[schedule]\nwed = \"09:00-13:00, 12:00-18:00\"\n").unwrap_err();
        assert!(err.contains("overlap"), "{err}");
        let err = parse("[schedule]\nbreaks = [\"noon lunch\"]\n").unwrap_err();
        assert!(err.contains("span"), "{err}");
        let err = parse("[schedule]\nfunday = \"off\"\n").unwrap_err();
        assert!(err.contains("funday"), "{err}");
    }

    #[test]
    fn working_hours_and_what_falls_outside_them() {
        let s = parse("[schedule]\nmon = \"09:00-12:00, 13:00-18:00\"\n").unwrap();
        let cal = cal();
        let mon = date(2025, 3, 3);
        assert!(!s.is_working(&cal, at("2025-03-03T08:59")));
        assert!(s.is_working(&cal, at("2025-03-03T09:00")));
        assert!(!s.is_working(&cal, at("2025-03-03T12:30")));
        assert!(!s.is_working(&cal, at("2025-03-03T18:00")));
        assert!(!s.is_working(&cal, at("2025-03-04T10:00")));
        let outside = s.outside(&cal, mon, at("2025-03-03T08:00"), at("2025-03-03T19:00"));
        assert_eq!(outside, SignedDuration::from_hours(3));
        assert_eq!(s.end_of(&cal, mon), Some(at("2025-03-03T18:00")));
        assert_eq!(
            s.next_start(&cal, at("2025-03-03T12:10")),
            Some(at("2025-03-03T13:00"))
        );
        // Monday evening: the next start is a week later.
        assert_eq!(
            s.next_start(&cal, at("2025-03-03T18:10")),
            Some(at("2025-03-10T09:00"))
        );
        assert_eq!(
            Span::parse("09:00-09:30").unwrap().on(&cal, mon).0,
            cal.at(mon, time(9, 0, 0, 0))
        );
    }
}
