//! Solving for the instant at which the Sun's apparent longitude reaches a given value.

use super::sun::{self, Tt};

/// The mean length of the tropical year, in days: a year of guesses.
pub(crate) const TROPICAL_YEAR: f64 = 365.242190;

/// Days from J2000.0 to the mean March equinox of 2000 (2000-03-20 07:35 TT).
const EQUINOX_2000: f64 = 78.81;

/// Difference `a − b` of two longitudes in degrees, reduced to `[-180, 180)`.
pub(crate) fn longitude_difference(a: f64, b: f64) -> f64 {
    (a - b + 180.0).rem_euclid(360.0) - 180.0
}

/// The instant, nearest to `near` (within about half a year), at which the Sun's apparent
/// longitude equals `longitude` degrees.
///
/// Newton's method. A cheap solar model first brings the guess within about 15 minutes;
/// then each evaluation of the full theory, which also gives the rate to one part in
/// 10⁵, shrinks the error that many times. So one evaluation normally lands within a
/// hundredth of a second, and a step that was still large is followed by another.
pub(crate) fn crossing(longitude: f64, near: Tt) -> Tt {
    let mut t = near;
    // The cheap model's evaluations cost a hundredth of the full theory's.
    for _ in 0..4 {
        let (lon, rate) = sun::approximate_longitude_and_rate(t);
        t = Tt(t.0 + longitude_difference(longitude, lon) / rate);
    }
    for _ in 0..4 {
        let (lon, rate) = sun::apparent_longitude_and_rate(t);
        let step = longitude_difference(longitude, lon) / rate;
        t = Tt(t.0 + step);
        // A step under 0.05 day leaves an error under 0.05 × 2e-5 day, or 0.1 s.
        if step.abs() < 0.05 {
            break;
        }
    }
    t
}

/// The crossing of `longitude` in the seasonal year `year` (285° in early January of
/// `year` to 280° at its very end).
///
/// Every public instant comes from here, with a first guess that depends only on the year
/// and the longitude, so the same crossing is bit-for-bit the same wherever it is asked
/// for (a year table, "now", "next") and rounds to the same second.
pub(crate) fn crossing_in_year(year: i32, longitude: f64) -> Tt {
    crossing(longitude, guess(year, longitude))
}

/// The seasonal year whose crossing of `longitude` lies nearest to `near`.
pub(crate) fn year_of_crossing_near(longitude: f64, near: Tt) -> i32 {
    let years = (near.0 - guess(2000, longitude).0) / TROPICAL_YEAR;
    2000 + years.round() as i32
}

/// A first guess for the crossing of `longitude` in the tropical year that starts with
/// the Sun at 285° (early January) of Gregorian `year`.
pub(crate) fn guess(year: i32, longitude: f64) -> Tt {
    let equinox = EQUINOX_2000 + TROPICAL_YEAR * f64::from(year - 2000);
    // The year runs from 285° (early January) to 280° (the last days of December or the
    // first of January): longitudes from 282.5° up lie before its March equinox.
    let from_equinox = (longitude + 77.5).rem_euclid(360.0) - 77.5;
    Tt(equinox + from_equinox / 360.0 * TROPICAL_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_hits_the_longitude() {
        for year in [1800, 1955, 2026, 2200] {
            for k in 0..72 {
                let lon = f64::from(k * 5);
                let t = crossing(lon, guess(year, lon));
                let miss = longitude_difference(sun::apparent_longitude(t), lon);
                // 1e-6° is 0.1 s of the Sun's motion.
                assert!(miss.abs() < 1e-6, "{year} {lon}°: missed by {miss}°");
            }
        }
    }
}
