//! The astronomy under the seasons, in the time scale it is written in, for checking it
//! against other ephemerides. The rest of iyashi needs only the [`Timestamp`] API of
//! [`crate::season`].
//!
//! Instants here are Julian days of TT (Terrestrial Time), the uniform time of planetary
//! theories. An instant in TT does not depend on the Earth's rotation, so comparing
//! instants in TT with another tool is fair even where the two tools predict ΔT
//! differently (as every tool does for future years).

use super::{delta_t, sun::Tt, terms};
use jiff::Timestamp;

/// The Julian day of J2000.0, 2000-01-01T12:00 TT.
pub const J2000: f64 = 2451545.0;

/// ΔT = TT − UT at `at`, in seconds, from iyashi's model (see below).
///
/// The model: Espenak & Meeus (2006) polynomials for 1800–2005, yearly IERS values for
/// 2005–2025, and after that the last observed value growing by 32 s per century² (the
/// long-term tidal braking of Morrison & Stephenson). Civil time is treated as UT.
pub fn delta_t(at: Timestamp) -> f64 {
    delta_t::delta_t_at(at)
}

/// The TT Julian day of a civil timestamp, through iyashi's ΔT.
pub fn tt_julian_day(at: Timestamp) -> f64 {
    delta_t::to_tt(at).0 + J2000
}

/// The civil timestamp (rounded to the second) of a TT Julian day, through iyashi's ΔT.
pub fn timestamp_of_tt(julian_day_tt: f64) -> Timestamp {
    delta_t::to_timestamp(Tt(julian_day_tt - J2000))
}

/// The Sun's apparent geocentric ecliptic longitude (true equinox and ecliptic of date),
/// in degrees, at a TT Julian day.
pub fn apparent_longitude(julian_day_tt: f64) -> f64 {
    super::sun::apparent_longitude(Tt(julian_day_tt - J2000))
}

/// The TT Julian day, within about half a year of `near`, at which the apparent longitude
/// equals `longitude` degrees.
pub fn crossing(longitude: f64, near_julian_day_tt: f64) -> f64 {
    terms::crossing(longitude, Tt(near_julian_day_tt - J2000)).0 + J2000
}
