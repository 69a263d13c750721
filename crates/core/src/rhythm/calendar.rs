//! Which day an instant belongs to, and where a local clock time falls on a day.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::day::{day_of, RolloverHour};

/// The user's days: their time zone and the hour at which one day rolls over
/// into the next.
///
/// A day does not end at midnight here: work at 01:30 belongs to the day before,
/// because a late night is part of the evening that caused it, not the start of
/// a fresh morning.
///
/// ```
/// use iyashi_core::day::RolloverHour;
/// use iyashi_core::rhythm::Calendar;
/// use jiff::{civil::date, tz::TimeZone, Timestamp};
///
/// let cal = Calendar::new(TimeZone::UTC, RolloverHour::DEFAULT);
/// let late: Timestamp = "2025-03-04T01:30:00Z".parse().unwrap();
/// assert_eq!(cal.day_of(late), date(2025, 3, 3));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    tz: TimeZone,
    rollover: RolloverHour,
}

impl Calendar {
    /// A calendar in `tz` whose days start at the hour `rollover` (04:00 is
    /// iyashi's default).
    pub fn new(tz: TimeZone, rollover: RolloverHour) -> Calendar {
        Calendar { tz, rollover }
    }

    /// The time zone local times are read in.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The hour at which one day becomes the next.
    pub fn rollover(&self) -> RolloverHour {
        self.rollover
    }

    /// The day `at` belongs to.
    pub fn day_of(&self, at: Timestamp) -> Date {
        day_of(at, &self.tz, self.rollover)
    }

    fn rollover_time(&self) -> Time {
        Time::constant(self.rollover.hour(), 0, 0, 0)
    }

    /// The instant the local clock shows `time` during `day`.
    ///
    /// Clock times before the rollover hour fall on the next calendar date,
    /// since that is still part of `day`. In a daylight-saving gap or fold the
    /// earlier reading wins, as a person's "19:00" would.
    pub fn at(&self, day: Date, time: Time) -> Timestamp {
        let date = if time < self.rollover_time() {
            day.tomorrow().unwrap_or(day)
        } else {
            day
        };
        self.local(DateTime::from_parts(date, time))
    }

    /// The instant `day` begins.
    pub fn start_of(&self, day: Date) -> Timestamp {
        self.at(day, self.rollover_time())
    }

    /// The instant `day` ends, which is when the next one begins.
    pub fn end_of(&self, day: Date) -> Timestamp {
        self.start_of(day.tomorrow().unwrap_or(day))
    }

    fn local(&self, dt: DateTime) -> Timestamp {
        self.tz
            .to_ambiguous_timestamp(dt)
            .compatible()
            // Only out-of-range years fail; saturating there is harmless.
            .unwrap_or(Timestamp::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn tokyo() -> Calendar {
        Calendar::new(TimeZone::get("Asia/Tokyo").unwrap(), RolloverHour::DEFAULT)
    }

    #[test]
    fn a_late_night_belongs_to_the_day_before() {
        let cal = tokyo();
        let ts: Timestamp = "2025-03-04T03:59:59+09:00".parse().unwrap();
        assert_eq!(cal.day_of(ts), date(2025, 3, 3));
        let ts: Timestamp = "2025-03-04T04:00:00+09:00".parse().unwrap();
        assert_eq!(cal.day_of(ts), date(2025, 3, 4));
    }

    #[test]
    fn clock_times_before_rollover_fall_on_the_next_date() {
        let cal = tokyo();
        let day = date(2025, 3, 3);
        let at_one = cal.at(day, time(1, 0, 0, 0));
        assert_eq!(at_one, "2025-03-04T01:00:00+09:00".parse().unwrap());
        assert_eq!(cal.day_of(at_one), day);
        assert_eq!(cal.end_of(day), cal.start_of(date(2025, 3, 4)));
    }

    #[test]
    fn a_daylight_saving_gap_still_gives_an_instant() {
        let cal = Calendar::new(
            TimeZone::get("America/New_York").unwrap(),
            RolloverHour::new(2).unwrap(),
        );
        // 02:00 does not exist on 2025-03-09 in New York.
        let start = cal.start_of(date(2025, 3, 9));
        assert_eq!(cal.day_of(start), date(2025, 3, 9));
    }
}
