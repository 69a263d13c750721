//! The Sun's apparent geocentric ecliptic longitude, the quantity the solar terms are
//! defined by.
//!
//! "Apparent" means as seen from the Earth's centre, referred to the true equator and
//! equinox of the instant itself (so nutation is included), and displaced by the
//! aberration of light. The Japanese almanac (and every other modern one) uses this.
//!
//! The chain is the one in Meeus, *Astronomical Algorithms*, chapter 25 ("higher
//! accuracy"): VSOP87D heliocentric Earth → geocentric Sun (+180°) → FK5 frame
//! correction → the IAU 2000 correction to the rate of precession → nutation in
//! longitude (IAU 1980, its largest terms) → aberration.

use super::vsop87;

const ARCSEC: f64 = std::f64::consts::PI / (180.0 * 3600.0);

/// An instant as TT (Terrestrial Time) days since J2000.0 (JD 2451545.0 TT).
///
/// Days since J2000 rather than a Julian day number keep about 20 µs of resolution in an
/// `f64` instead of 50 µs, and TT is the uniform time the theory is written in.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub(crate) struct Tt(pub(crate) f64);

impl Tt {
    /// Julian centuries since J2000.0, the unit of nutation and FK5 polynomials.
    fn centuries(self) -> f64 {
        self.0 / 36525.0
    }
}

/// The apparent geocentric ecliptic longitude of the Sun, in degrees, in `[0, 360)`.
pub(crate) fn apparent_longitude(t: Tt) -> f64 {
    apparent_longitude_and_rate(t).0
}

/// The apparent longitude, in degrees in `[0, 360)`, and its rate in degrees per day
/// (good to about one part in 10⁵, which is all a Newton step needs).
pub(crate) fn apparent_longitude_and_rate(t: Tt) -> (f64, f64) {
    let tau = t.0 / 365250.0;
    let (earth, earth_rate) = vsop87::earth_longitude_and_rate(tau);
    let geometric = earth + std::f64::consts::PI;
    // The FK5 correction: VSOP87's dynamical equinox sits 0.09033″ from the FK5 equinox
    // the nutation and the almanacs are referred to. (Its latitude-dependent part is
    // below 1e-5″ for the Sun and is left out.)
    let fk5 = -0.09033 * ARCSEC;
    // VSOP87's equinox of date moves at the IAU 1976 rate of precession; the IAU 2000
    // resolutions (kept in IAU 2006, which the almanacs and JPL-based tools use) slowed it
    // by 0.29965″ per century. Left out, the instants drift by 7 s per century from 2000.
    let precession = -0.29965 * ARCSEC * t.centuries();
    let aberration = -20.4898 * ARCSEC / vsop87::earth_distance(tau);
    let (nutation, nutation_rate) = nutation_in_longitude(t);
    let lon = geometric + fk5 + precession + nutation + aberration;
    let rate = earth_rate / 365250.0 + nutation_rate;
    (lon.to_degrees().rem_euclid(360.0), rate.to_degrees())
}

/// A cheap approximation (Meeus ch. 25, "low accuracy", about 0.01°) of the apparent
/// longitude and its rate, in degrees and degrees per day. The solver starts from it so
/// that the full theory has to be evaluated only once per crossing.
pub(crate) fn approximate_longitude_and_rate(t: Tt) -> (f64, f64) {
    let c = t.centuries();
    let mean_lon = 280.46646 + 36000.76983 * c + 0.0003032 * c * c;
    let m = (357.52911 + 35999.05029 * c - 0.0001537 * c * c).to_radians();
    let (s1, c1) = m.sin_cos();
    let (s2, c2) = (2.0 * m).sin_cos();
    let (s3, c3) = (3.0 * m).sin_cos();
    let center = (1.914602 - 0.004817 * c - 0.000014 * c * c) * s1
        + (0.019993 - 0.000101 * c) * s2
        + 0.000289 * s3;
    let omega = (125.04 - 1934.136 * c).to_radians();
    let lon = mean_lon + center - 0.00569 - 0.00478 * omega.sin();
    let dm_dday = 35999.05029f64.to_radians() / 36525.0;
    let rate = 36000.76983 / 36525.0
        + (1.914602 * c1 + 2.0 * 0.019993 * c2 + 3.0 * 0.000289 * c3) * dm_dday;
    (lon.rem_euclid(360.0), rate)
}

/// One term of the IAU 1980 nutation series: multipliers of the fundamental arguments
/// D, M, M′, F, Ω and the coefficient of the sine in 0.0001″ (constant, per century).
type NutationTerm = ([i8; 5], f64, f64);

/// The IAU 1980 nutation terms in longitude down to 0.0012″ (Meeus, Table 22.A). The
/// omitted terms add up to well under 0.01″, a quarter of a second of the Sun's motion.
const NUTATION: &[NutationTerm] = &[
    ([0, 0, 0, 0, 1], -171996.0, -174.2),
    ([-2, 0, 0, 2, 2], -13187.0, -1.6),
    ([0, 0, 0, 2, 2], -2274.0, -0.2),
    ([0, 0, 0, 0, 2], 2062.0, 0.2),
    ([0, 1, 0, 0, 0], 1426.0, -3.4),
    ([0, 0, 1, 0, 0], 712.0, 0.1),
    ([-2, 1, 0, 2, 2], -517.0, 1.2),
    ([0, 0, 0, 2, 1], -386.0, -0.4),
    ([0, 0, 1, 2, 2], -301.0, 0.0),
    ([-2, -1, 0, 2, 2], 217.0, -0.5),
    ([-2, 0, 1, 0, 0], -158.0, 0.0),
    ([-2, 0, 0, 2, 1], 129.0, 0.1),
    ([0, 0, -1, 2, 2], 123.0, 0.0),
    ([2, 0, 0, 0, 0], 63.0, 0.0),
    ([0, 0, 1, 0, 1], 63.0, 0.1),
    ([2, 0, -1, 2, 2], -59.0, 0.0),
    ([0, 0, -1, 0, 1], -58.0, -0.1),
    ([0, 0, 1, 2, 1], -51.0, 0.0),
    ([-2, 0, 2, 0, 0], 48.0, 0.0),
    ([0, 0, -2, 2, 1], 46.0, 0.0),
    ([2, 0, 0, 2, 2], -38.0, 0.0),
    ([0, 0, 2, 2, 2], -31.0, 0.0),
    ([0, 0, 2, 0, 0], 29.0, 0.0),
    ([-2, 0, 1, 2, 2], 29.0, 0.0),
    ([0, 0, 0, 2, 0], 26.0, 0.0),
    ([-2, 0, 0, 2, 0], -22.0, 0.0),
    ([0, 0, -1, 2, 1], 21.0, 0.0),
    ([0, 2, 0, 0, 0], 17.0, -0.1),
    ([2, 0, -1, 0, 1], 16.0, 0.0),
    ([-2, 2, 0, 2, 2], -16.0, 0.1),
    ([0, 1, 0, 0, 1], -15.0, 0.0),
    ([-2, 0, 1, 0, 1], -13.0, 0.0),
    ([0, -1, 0, 0, 1], -12.0, 0.0),
];

/// Nutation in longitude (Δψ), in radians, and its rate in radians per day from the
/// three largest terms (the rest move the Sun's rate by under one part in 10⁵).
fn nutation_in_longitude(t: Tt) -> (f64, f64) {
    let c = t.centuries();
    let poly = |a: f64, b: f64, c2: f64, c3: f64| (a + c * (b + c * (c2 + c * c3))).to_radians();
    // Mean elongation of the Moon, mean anomalies of the Sun and Moon, the Moon's
    // argument of latitude, and the longitude of its ascending node.
    let args = [
        poly(297.85036, 445267.111480, -0.0019142, 1.0 / 189474.0),
        poly(357.52772, 35999.050340, -0.0001603, -1.0 / 300000.0),
        poly(134.96298, 477198.867398, 0.0086972, 1.0 / 56250.0),
        poly(93.27191, 483202.017538, -0.0036825, 1.0 / 327270.0),
        poly(125.04452, -1934.136261, 0.0020708, 1.0 / 450000.0),
    ];
    // Rates of the arguments, in radians per day.
    let arg_rates = [
        445267.111480,
        35999.050340,
        477198.867398,
        483202.017538,
        -1934.136261,
    ]
    .map(|r: f64| r.to_radians() / 36525.0);
    let (mut sum, mut rate) = (0.0, 0.0);
    for (i, (mult, a, b)) in NUTATION.iter().enumerate() {
        let dot = |x: [f64; 5]| -> f64 { mult.iter().zip(x).map(|(&m, x)| f64::from(m) * x).sum() };
        let arg = dot(args);
        sum += (a + b * c) * arg.sin();
        if i < 3 {
            rate += a * arg.cos() * dot(arg_rates);
        }
    }
    (sum * 1e-4 * ARCSEC, rate * 1e-4 * ARCSEC)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Meeus, Example 25.b: 1992 October 13.0 TD, apparent longitude 199°54′21.818″
    /// from the full VSOP87 (the abridged series he prints gives 199°54′21.56″).
    #[test]
    fn matches_meeus_example_25b() {
        let t = Tt(2448908.5 - 2451545.0);
        let expected = 199.0 + 54.0 / 60.0 + 21.818 / 3600.0;
        let err_arcsec = (apparent_longitude(t) - expected) * 3600.0;
        assert!(err_arcsec.abs() < 0.5, "error {err_arcsec}″");
    }

    /// Meeus, Example 22.a: 1987 April 10.0 TD, Δψ = −3.788″.
    #[test]
    fn nutation_matches_meeus_example_22a() {
        let t = Tt(2446895.5 - 2451545.0);
        let dpsi = nutation_in_longitude(t).0 / ARCSEC;
        assert!((dpsi + 3.788).abs() < 0.01, "Δψ = {dpsi}″");
    }

    #[test]
    fn rate_is_within_one_part_in_fifty_thousand() {
        let h = 0.01;
        let mut worst = 0.0f64;
        for day in (-73000..73000).step_by(331) {
            let t = f64::from(day) + 0.37;
            let (lo, hi) = (apparent_longitude(Tt(t - h)), apparent_longitude(Tt(t + h)));
            let exact = (hi - lo).rem_euclid(360.0) / (2.0 * h);
            let (_, rate) = apparent_longitude_and_rate(Tt(t));
            let relative = (rate - exact) / exact;
            worst = worst.max(relative.abs());
        }
        assert!(worst < 2e-5, "worst relative error {worst:e}");
    }

    #[test]
    fn approximation_is_within_a_hundredth_of_a_degree() {
        for day in (-73000..73000).step_by(997) {
            let t = Tt(f64::from(day));
            let (approx, _) = approximate_longitude_and_rate(t);
            let diff = (approx - apparent_longitude(t) + 180.0).rem_euclid(360.0) - 180.0;
            assert!(diff.abs() < 0.01, "day {day}: {diff}°");
        }
    }
}
