//! ΔT = TT − UT: how far the Earth's rotation (which civil time follows) lags the uniform
//! time of the planetary theory.
//!
//! The model, valid 1800–2200:
//!
//! - **1800–2005**: the polynomials of Espenak & Meeus (2006, the NASA *Five Millennium
//!   Canon* ones), fitted to the historical observations; within about 1 s of them.
//! - **2005–2025**: yearly observed values (IERS), linearly interpolated.
//! - **after 2025**: unknowable in detail; the last observed value, flat at first and then
//!   curving upward at 0.0032 s/yr² (32 s per century², the long-term tidal braking of
//!   Morrison & Stephenson). That gives about 87 s in 2100 and 167 s in 2200.
//!   Skyfield's own prediction is 96 s in 2100 and 222 s in 2200, NASA's 203 s in 2100:
//!   the models disagree by minutes, so the *UT* instant of a far-future solar term is
//!   uncertain by that much whatever one does. The instant in TT is not; that is why the
//!   accuracy test compares in TT.
//!
//! Civil time is taken to be UT (UT1). UTC differs from it by under 0.9 s, which is far
//! below the accuracy that matters for naming a day.

use super::sun::Tt;
use jiff::Timestamp;

/// Observed ΔT on 1 January of 2005, 2006, …, 2025, in seconds (IERS).
const OBSERVED: [f64; 21] = [
    64.69, 64.85, 65.15, 65.46, 65.78, 66.07, 66.32, 66.60, 66.91, 67.28, 67.64, 68.10, 68.59,
    68.97, 69.22, 69.36, 69.36, 69.29, 69.20, 69.18, 69.14,
];
const FIRST_OBSERVED: f64 = 2005.0;
const LAST_OBSERVED: f64 = FIRST_OBSERVED + (OBSERVED.len() - 1) as f64;

/// Long-term tidal braking, in seconds per year² (half of ΔT's second derivative).
const TIDAL: f64 = 32.0 / 10_000.0;

/// ΔT in seconds at a decimal (Gregorian) year of UT.
///
/// Defined for every year so that a computation may run a few weeks past the supported
/// range; outside 1800–2200 it is a plain extrapolation.
pub(crate) fn delta_t_seconds(year: f64) -> f64 {
    let y = year;
    if y < 1860.0 {
        let t = y - 1800.0;
        13.72 - 0.332447 * t + 0.0068612 * t.powi(2) + 0.0041116 * t.powi(3)
            - 0.00037436 * t.powi(4)
            + 0.0000121272 * t.powi(5)
            - 0.0000001699 * t.powi(6)
            + 0.000000000875 * t.powi(7)
    } else if y < 1900.0 {
        let t = y - 1860.0;
        7.62 + 0.5737 * t - 0.251754 * t.powi(2) + 0.01680668 * t.powi(3) - 0.0004473624 * t.powi(4)
            + t.powi(5) / 233174.0
    } else if y < 1920.0 {
        let t = y - 1900.0;
        -2.79 + 1.494119 * t - 0.0598939 * t.powi(2) + 0.0061966 * t.powi(3) - 0.000197 * t.powi(4)
    } else if y < 1941.0 {
        let t = y - 1920.0;
        21.20 + 0.84493 * t - 0.076100 * t.powi(2) + 0.0020936 * t.powi(3)
    } else if y < 1961.0 {
        let t = y - 1950.0;
        29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2547.0
    } else if y < 1986.0 {
        let t = y - 1975.0;
        45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
    } else if y < FIRST_OBSERVED {
        let t = y - 2000.0;
        63.86 + 0.3345 * t - 0.060374 * t.powi(2)
            + 0.0017275 * t.powi(3)
            + 0.000651814 * t.powi(4)
            + 0.00002373599 * t.powi(5)
    } else if y < LAST_OBSERVED {
        let x = y - FIRST_OBSERVED;
        let i = x as usize;
        let f = x - i as f64;
        OBSERVED[i] + f * (OBSERVED[i + 1] - OBSERVED[i])
    } else {
        let t = y - LAST_OBSERVED;
        OBSERVED[OBSERVED.len() - 1] + TIDAL * t * t
    }
}

/// Seconds from 1970-01-01T00:00 to J2000.0 (2000-01-01T12:00), in UT.
const UNIX_J2000: f64 = 946_728_000.0;
const DAY: f64 = 86_400.0;

/// A decimal year for ΔT; the day-level slack of a 365.25-day year is irrelevant here.
fn decimal_year(ut_days_since_j2000: f64) -> f64 {
    2000.0 + (ut_days_since_j2000 + 0.5) / 365.2425
}

fn ut_days_since_j2000(at: Timestamp) -> f64 {
    let ut_seconds = at.as_second() as f64 + f64::from(at.subsec_nanosecond()) * 1e-9;
    (ut_seconds - UNIX_J2000) / DAY
}

/// ΔT in seconds at a civil (UT) timestamp.
pub(crate) fn delta_t_at(at: Timestamp) -> f64 {
    delta_t_seconds(decimal_year(ut_days_since_j2000(at)))
}

/// The TT instant of a civil (UT) timestamp.
pub(crate) fn to_tt(at: Timestamp) -> Tt {
    Tt(ut_days_since_j2000(at) + delta_t_at(at) / DAY)
}

/// The civil (UT) timestamp of a TT instant, rounded to the second.
///
/// Whole seconds because the theory is good to a few seconds; finer digits would only
/// suggest a precision it does not have.
pub(crate) fn to_timestamp(t: Tt) -> Timestamp {
    // ΔT changes by well under a second a year, so evaluating it at TT instead of UT
    // makes no difference.
    let ut_days = t.0 - delta_t_seconds(decimal_year(t.0)) / DAY;
    let seconds = (ut_days * DAY + UNIX_J2000).round() as i64;
    Timestamp::from_second(seconds).expect("instants near 1800–2200 are within jiff's range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_join_without_jumps() {
        for join in [
            1860.0, 1900.0, 1920.0, 1941.0, 1961.0, 1986.0, 2005.0, 2025.0,
        ] {
            let jump = delta_t_seconds(join) - delta_t_seconds(join - 1e-9);
            assert!(jump.abs() < 0.1, "{join}: jump of {jump} s");
        }
    }

    #[test]
    fn matches_observations() {
        // Observed values (Morrison & Stephenson; IERS), in seconds.
        for (year, observed) in [
            (1820.0, 12.0),
            (1900.0, -2.7),
            (1950.0, 29.1),
            (1990.0, 56.9),
        ] {
            let model = delta_t_seconds(year);
            assert!(
                (model - observed).abs() < 1.5,
                "{year}: {model} vs {observed}"
            );
        }
    }

    #[test]
    fn round_trips_through_tt() {
        let at: Timestamp = "2026-03-20T14:46:00Z".parse().unwrap();
        assert_eq!(to_timestamp(to_tt(at)), at);
        // J2000.0 is 2000-01-01T11:58:56 UT, 64 s before 12:00 TT.
        let j2000 = to_timestamp(Tt(0.0));
        assert_eq!(j2000, "2000-01-01T11:58:56Z".parse::<Timestamp>().unwrap());
    }
}
