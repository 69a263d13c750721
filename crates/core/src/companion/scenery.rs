//! What the window shows: the weather of the season and the light of the hour.

use jiff::civil::Time;

use crate::day::RolloverHour;
use crate::season::SolarTerm;

/// The season outside the window, as a room dresses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scenery {
    /// Early spring to the end of April: blossom petals drifting.
    Petals,
    /// May: fresh green leaves in a breeze.
    Green,
    /// June: the long rains (梅雨).
    Rain,
    /// July and August: heat shimmer, cicadas, a wind chime.
    Summer,
    /// September: pampas grass under a big moon.
    Moon,
    /// October and November: red leaves falling.
    Leaves,
    /// Late November to February: snow.
    Snow,
}

impl Scenery {
    /// Every scenery, for a room checking it has drawings of each.
    pub const ALL: [Scenery; 7] = [
        Scenery::Petals,
        Scenery::Green,
        Scenery::Rain,
        Scenery::Summer,
        Scenery::Moon,
        Scenery::Leaves,
        Scenery::Snow,
    ];

    /// The scenery during a solar term, by the weather Japan usually has then.
    ///
    /// ```
    /// use iyashi_core::companion::Scenery;
    /// use iyashi_core::season::SolarTerm;
    /// let geshi = SolarTerm::at_longitude(90).unwrap(); // 夏至, in the rainy season
    /// assert_eq!(Scenery::of_term(geshi), Scenery::Rain);
    /// ```
    pub fn of_term(term: SolarTerm) -> Scenery {
        match term.longitude() {
            345 | 0..=30 => Scenery::Petals,
            45..=60 => Scenery::Green,
            75..=90 => Scenery::Rain,
            105..=150 => Scenery::Summer,
            165..=180 => Scenery::Moon,
            195..=225 => Scenery::Leaves,
            _ => Scenery::Snow,
        }
    }

    /// The scenery at an instant: its solar term's, or snow outside the
    /// years the seasons are computed for; the one choice every room makes.
    ///
    /// ```
    /// use iyashi_core::companion::Scenery;
    /// let winter = "2026-12-25T03:00:00Z".parse().unwrap();
    /// assert_eq!(Scenery::at(winter), Scenery::Snow);
    /// let autumn = "2026-11-10T03:00:00Z".parse().unwrap();
    /// assert_eq!(Scenery::at(autumn), Scenery::Leaves);
    /// let beyond_the_tables = "2400-06-01T00:00:00Z".parse().unwrap();
    /// assert_eq!(Scenery::at(beyond_the_tables), Scenery::Snow);
    /// ```
    pub fn at(now: jiff::Timestamp) -> Scenery {
        crate::season::season_at(now).map_or(Scenery::Snow, |s| Scenery::of_term(s.term.season))
    }

    /// The name a room's drawings use for it, e.g. `window.snow`.
    pub fn name(self) -> &'static str {
        match self {
            Scenery::Petals => "window.petals",
            Scenery::Green => "window.green",
            Scenery::Rain => "window.rain",
            Scenery::Summer => "window.summer",
            Scenery::Moon => "window.moon",
            Scenery::Leaves => "window.leaves",
            Scenery::Snow => "window.snow",
        }
    }

    /// Ticks each drawing of the weather is held: rain falls fast, snow and
    /// petals drift, summer air barely moves.
    pub fn hold(self) -> u8 {
        match self {
            Scenery::Rain => 4,
            Scenery::Petals | Scenery::Leaves | Scenery::Snow => 9,
            Scenery::Green => 12,
            Scenery::Summer | Scenery::Moon => 16,
        }
    }
}

/// The light outside, by the local hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Light {
    /// Daylight.
    Day,
    /// Dusk and dawn.
    Dusk,
    /// Night.
    Night,
}

impl Light {
    /// Day from 06:00, dusk from 17:00, night from 19:00.
    pub fn at(time: Time) -> Light {
        match time.hour() {
            6..=16 => Light::Day,
            17..=18 => Light::Dusk,
            _ => Light::Night,
        }
    }
}

/// Whether `time` is late: after the late-night time and before the day
/// rolls over (a rollover at 04:00 makes 01:30 late, 05:00 not).
///
/// ```
/// use iyashi_core::companion::is_late;
/// use iyashi_core::day::RolloverHour;
/// use jiff::civil::time;
/// let late = time(22, 0, 0, 0);
/// assert!(is_late(time(23, 30, 0, 0), late, RolloverHour::DEFAULT));
/// assert!(is_late(time(1, 30, 0, 0), late, RolloverHour::DEFAULT));
/// assert!(!is_late(time(9, 0, 0, 0), late, RolloverHour::DEFAULT));
/// ```
pub fn is_late(time: Time, late_night: Time, rollover: RolloverHour) -> bool {
    let before_rollover = time.hour() < rollover.hour();
    let evening = late_night.hour() >= rollover.hour();
    if evening {
        time >= late_night || before_rollover
    } else {
        // A late-night time after midnight: late from then until the rollover.
        time >= late_night && before_rollover
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_solar_term_has_its_scenery_and_the_year_turns_in_order() {
        let order: Vec<Scenery> = SolarTerm::in_year_order().map(Scenery::of_term).collect();
        let mut seen = order.clone();
        seen.dedup();
        // The year begins in winter (小寒) and comes back to snow by its end.
        assert_eq!(
            seen,
            [
                Scenery::Snow,
                Scenery::Petals,
                Scenery::Green,
                Scenery::Rain,
                Scenery::Summer,
                Scenery::Moon,
                Scenery::Leaves,
                Scenery::Snow
            ]
        );
    }

    #[test]
    fn the_light_follows_the_clock() {
        use jiff::civil::time;
        assert_eq!(Light::at(time(12, 0, 0, 0)), Light::Day);
        assert_eq!(Light::at(time(17, 30, 0, 0)), Light::Dusk);
        assert_eq!(Light::at(time(2, 0, 0, 0)), Light::Night);
    }

    #[test]
    fn a_late_night_time_after_midnight_is_late_only_until_the_rollover() {
        use jiff::civil::time;
        let one = time(1, 0, 0, 0);
        assert!(!is_late(time(23, 0, 0, 0), one, RolloverHour::DEFAULT));
        assert!(is_late(time(2, 0, 0, 0), one, RolloverHour::DEFAULT));
        assert!(!is_late(time(4, 30, 0, 0), one, RolloverHour::DEFAULT));
    }
}
