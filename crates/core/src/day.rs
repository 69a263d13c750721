//! Days: which day an instant belongs to, and the spans of days people ask for.
//!
//! A day does not end at midnight. It ends at the *rollover hour* (04:00 by
//! default), because the tea at 01:30 after a long evening belongs to the
//! evening, not to the morning that has not happened yet.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

/// The hour (0–23) at which one day ends and the next begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct RolloverHour(i8);

impl RolloverHour {
    /// 4 in the morning.
    pub const DEFAULT: RolloverHour = RolloverHour(4);

    /// The rollover at `hour`; an error outside 0–23.
    pub fn new(hour: i64) -> Result<RolloverHour, RolloverHourError> {
        match i8::try_from(hour) {
            Ok(h) if (0..=23).contains(&h) => Ok(RolloverHour(h)),
            _ => Err(RolloverHourError(hour)),
        }
    }

    /// The hour, 0–23.
    pub fn hour(self) -> i8 {
        self.0
    }
}

impl Default for RolloverHour {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// An hour outside 0–23.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RolloverHourError(pub i64);

impl fmt::Display for RolloverHourError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not an hour of the day; use 0 to 23", self.0)
    }
}

impl TryFrom<i64> for RolloverHour {
    type Error = RolloverHourError;
    fn try_from(hour: i64) -> Result<Self, Self::Error> {
        RolloverHour::new(hour)
    }
}

impl From<RolloverHour> for i64 {
    fn from(h: RolloverHour) -> i64 {
        h.0.into()
    }
}

/// A day as a person names it on the command line: `today`, `yesterday`
/// (or 今日, 昨日), or a calendar date. Every command that takes a day
/// takes all of these, so a message that offers one is never wrong.
///
/// ```
/// use iyashi_core::day::named_day;
/// use jiff::civil::date;
/// let today = date(2026, 11, 25);
/// assert_eq!(named_day("yesterday", today), Some(date(2026, 11, 24)));
/// assert_eq!(named_day(" 2026-01-02 ", today), Some(date(2026, 1, 2)));
/// assert_eq!(named_day("2026-02-30", today), None);
/// ```
pub fn named_day(given: &str, today: Date) -> Option<Date> {
    match given.trim() {
        "today" | "今日" => Some(today),
        "yesterday" | "昨日" => today.checked_sub(1.day()).ok(),
        other => other.parse().ok(),
    }
}

/// The day `at` belongs to, as seen in `tz`, with days ending at `rollover`.
///
/// # Example: the day rolls over at 04:00, not at midnight
///
/// Someone still up at 01:30 is still in their evening: what they write
/// then belongs to the day before. From 04:00 it is the new day.
///
/// ```
/// use iyashi_core::day::{day_of, RolloverHour};
/// let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
/// // 01:30 on the 26th in Tokyo still belongs to the 25th.
/// let late: jiff::Timestamp = "2026-11-25T16:30:00Z".parse().unwrap();
/// assert_eq!(day_of(late, &tokyo, RolloverHour::DEFAULT).to_string(), "2026-11-25");
/// // 04:00 on the 26th in Tokyo is the 26th.
/// let morning: jiff::Timestamp = "2026-11-25T19:00:00Z".parse().unwrap();
/// assert_eq!(day_of(morning, &tokyo, RolloverHour::DEFAULT).to_string(), "2026-11-26");
/// ```
///
/// # Example: the hour is the person's to choose (`day_starts_at`)
///
/// A night-shift worker who sets the day to begin at 06:00 still has
/// 05:00 in their evening; with 0 the day turns at midnight, as a calendar's.
///
/// ```
/// use iyashi_core::day::{day_of, RolloverHour};
/// let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
/// let five: jiff::Timestamp = "2026-11-25T20:00:00Z".parse().unwrap(); // 05:00 on the 26th
/// let six_am = RolloverHour::new(6).unwrap();
/// assert_eq!(day_of(five, &tokyo, six_am).to_string(), "2026-11-25");
/// assert_eq!(day_of(five, &tokyo, RolloverHour::DEFAULT).to_string(), "2026-11-26");
/// let midnight = RolloverHour::new(0).unwrap();
/// let just_before: jiff::Timestamp = "2026-11-25T14:59:59Z".parse().unwrap(); // 23:59:59
/// assert_eq!(day_of(just_before, &tokyo, midnight).to_string(), "2026-11-25");
/// assert!(RolloverHour::new(24).is_err());
/// ```
pub fn day_of(at: Timestamp, tz: &TimeZone, rollover: RolloverHour) -> Date {
    let local = tz.to_datetime(at);
    // Civil arithmetic, so a daylight-saving jump cannot move the boundary.
    local
        .checked_sub(i64::from(rollover.hour()).hours())
        .unwrap_or(local)
        .date()
}

/// Whether some rollover hour (0–23) puts `at`, seen in `tz`, on `day`: the
/// local date, or the day before while it is not yet 23:00. An entry's day
/// was worked out with the rollover hour of its time, which may since have
/// changed, so this is the most that can be asked of a day read from a file.
///
/// ```
/// use iyashi_core::day::could_belong_to;
/// use jiff::civil::date;
/// let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
/// let late: jiff::Timestamp = "2026-11-25T16:30:00Z".parse().unwrap(); // 01:30 on the 26th
/// assert!(could_belong_to(late, &tokyo, date(2026, 11, 26)));
/// assert!(could_belong_to(late, &tokyo, date(2026, 11, 25)));
/// assert!(!could_belong_to(late, &tokyo, date(2026, 11, 24)));
/// ```
pub fn could_belong_to(at: Timestamp, tz: &TimeZone, day: Date) -> bool {
    // The two ends of the range: every hour between gives one of these days.
    day == day_of(at, tz, RolloverHour(0)) || day == day_of(at, tz, RolloverHour(23))
}

/// A run of whole days, first and last included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DayRange {
    /// The first day.
    pub first: Date,
    /// The last day.
    pub last: Date,
}

impl DayRange {
    /// Just this day.
    pub fn single(day: Date) -> DayRange {
        DayRange {
            first: day,
            last: day,
        }
    }

    /// Monday to Sunday around `day`.
    pub fn week_of(day: Date) -> DayRange {
        let back = i64::from(day.weekday().to_monday_zero_offset());
        let first = day.checked_sub(back.days()).unwrap_or(day);
        let last = first.checked_add(6.days()).unwrap_or(day);
        DayRange { first, last }
    }

    /// The calendar month around `day`.
    pub fn month_of(day: Date) -> DayRange {
        DayRange {
            first: day.first_of_month(),
            last: day.last_of_month(),
        }
    }

    /// Whether `day` is in the range.
    pub fn contains(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }

    /// Every day in the range, in order.
    pub fn days(&self) -> impl Iterator<Item = Date> + '_ {
        self.first
            .series(1.day())
            .take_while(move |d| *d <= self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_late_night_belongs_to_the_day_before() {
        let utc = TimeZone::UTC;
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        let four = RolloverHour::DEFAULT;
        assert_eq!(
            day_of(at("2026-11-26T03:59:59Z"), &utc, four),
            date(2026, 11, 25)
        );
        assert_eq!(
            day_of(at("2026-11-26T04:00:00Z"), &utc, four),
            date(2026, 11, 26)
        );
        let midnight = RolloverHour::new(0).unwrap();
        assert_eq!(
            day_of(at("2026-11-26T00:00:00Z"), &utc, midnight),
            date(2026, 11, 26)
        );
    }

    #[test]
    fn a_day_fits_an_instant_under_some_rollover_hour_or_not_at_all() {
        let utc = TimeZone::UTC;
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        for hour in 0..24 {
            for instant in [
                "2026-11-26T00:30:00Z",
                "2026-11-26T22:59:00Z",
                "2026-11-26T23:30:00Z",
            ] {
                let rollover = RolloverHour::new(hour).unwrap();
                let day = day_of(at(instant), &utc, rollover);
                assert!(
                    could_belong_to(at(instant), &utc, day),
                    "{instant} at {hour}"
                );
            }
        }
        assert!(!could_belong_to(
            at("2026-11-26T23:30:00Z"),
            &utc,
            date(2026, 11, 25)
        ));
        assert!(!could_belong_to(
            at("2026-11-26T12:00:00Z"),
            &utc,
            date(2026, 11, 27)
        ));
        assert!(!could_belong_to(
            at("2026-11-26T12:00:00Z"),
            &utc,
            date(2020, 1, 1)
        ));
    }

    #[test]
    fn rollover_hours_stay_within_a_day() {
        assert!(RolloverHour::new(24).is_err());
        assert!(RolloverHour::new(-1).is_err());
        assert_eq!(RolloverHour::new(23).unwrap().hour(), 23);
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_are_calendar_months() {
        let week = DayRange::week_of(date(2026, 11, 25));
        assert_eq!(
            (week.first, week.last),
            (date(2026, 11, 23), date(2026, 11, 29))
        );
        assert_eq!(week.first.weekday(), jiff::civil::Weekday::Monday);
        assert_eq!(week.days().count(), 7);
        let feb = DayRange::month_of(date(2028, 2, 10));
        assert_eq!((feb.first, feb.last), (date(2028, 2, 1), date(2028, 2, 29)));
    }
}
