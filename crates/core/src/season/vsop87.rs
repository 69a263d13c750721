//! The Earth's heliocentric longitude and distance from VSOP87D (Bretagnon & Francou,
//! 1988), in the abridged form Meeus publishes (Astronomical Algorithms, 2nd ed.,
//! Appendix III).
//!
//! VSOP87D gives the Earth referred to the mean dynamical ecliptic and equinox *of date*,
//! which is the frame the solar terms are defined in, so no precession step is needed.
//! Each series is a sum of `A cos(B + C τ)` with τ in Julian millennia of TT from J2000.0;
//! longitude amplitudes are in 1e-8 radian and distance amplitudes in 1e-8 au.
//!
//! The abridgement keeps the terms above roughly 0.05″ (longitude). The many terms it
//! drops add up to a wobble of 0.14″ (rms), at most 0.7″, which is what leaves the
//! solar-term instants 3 s (rms), at most 17 s, from DE440 between 1800 and 2200 (see
//! the test `season_reference.rs`). The latitude series are left out: the Sun's latitude
//! never exceeds 1.2″ and does not enter the longitude.

/// One periodic term: amplitude, phase (radians), frequency (radians per millennium).
pub(crate) type Term = (f64, f64, f64);

pub(crate) const L0: &[Term] = &[
    (175347046.0, 0.0, 0.0),
    (3341656.0, 4.6692568, 6283.0758500),
    (34894.0, 4.62610, 12566.15170),
    (3497.0, 2.7441, 5753.3849),
    (3418.0, 2.8289, 3.5231),
    (3136.0, 3.6277, 77713.7715),
    (2676.0, 4.4181, 7860.4194),
    (2343.0, 6.1352, 3930.2097),
    (1324.0, 0.7425, 11506.7698),
    (1273.0, 2.0371, 529.6910),
    (1199.0, 1.1096, 1577.3435),
    (990.0, 5.233, 5884.927),
    (902.0, 2.045, 26.298),
    (857.0, 3.508, 398.149),
    (780.0, 1.179, 5223.694),
    (753.0, 2.533, 5507.553),
    (505.0, 4.583, 18849.228),
    (492.0, 4.205, 775.523),
    (357.0, 2.920, 0.067),
    (317.0, 5.849, 11790.629),
    (284.0, 1.899, 796.298),
    (271.0, 0.315, 10977.079),
    (243.0, 0.345, 5486.778),
    (206.0, 4.806, 2544.314),
    (205.0, 1.869, 5573.143),
    (202.0, 2.458, 6069.777),
    (156.0, 0.833, 213.299),
    (132.0, 3.411, 2942.463),
    (126.0, 1.083, 20.775),
    (115.0, 0.645, 0.980),
    (103.0, 0.636, 4694.003),
    (102.0, 0.976, 15720.839),
    (102.0, 4.267, 7.114),
    (99.0, 6.21, 2146.17),
    (98.0, 0.68, 155.42),
    (86.0, 5.98, 161000.69),
    (85.0, 1.30, 6275.96),
    (85.0, 3.67, 71430.70),
    (80.0, 1.81, 17260.15),
    (79.0, 3.04, 12036.46),
    (75.0, 1.76, 5088.63),
    (74.0, 3.50, 3154.69),
    (74.0, 4.68, 801.82),
    (70.0, 0.83, 9437.76),
    (62.0, 3.98, 8827.39),
    (61.0, 1.82, 7084.90),
    (57.0, 2.78, 6286.60),
    (56.0, 4.39, 14143.50),
    (56.0, 3.47, 6279.55),
    (52.0, 0.19, 12139.55),
    (52.0, 1.33, 1748.02),
    (51.0, 0.28, 5856.48),
    (49.0, 0.49, 1194.45),
    (41.0, 5.37, 8429.24),
    (41.0, 2.40, 19651.05),
    (39.0, 6.17, 10447.39),
    (37.0, 6.04, 10213.29),
    (37.0, 2.57, 1059.38),
    (36.0, 1.71, 2352.87),
    (36.0, 1.78, 6812.77),
    (33.0, 0.59, 17789.85),
    (30.0, 0.44, 83996.85),
    (30.0, 2.74, 1349.87),
    (25.0, 3.16, 4690.48),
];

pub(crate) const L1: &[Term] = &[
    (628331966747.0, 0.0, 0.0),
    (206059.0, 2.678235, 6283.075850),
    (4303.0, 2.6351, 12566.1517),
    (425.0, 1.590, 3.523),
    (119.0, 5.796, 26.298),
    (109.0, 2.966, 1577.344),
    (93.0, 2.59, 18849.23),
    (72.0, 1.14, 529.69),
    (68.0, 1.87, 398.15),
    (67.0, 4.41, 5507.55),
    (59.0, 2.89, 5223.69),
    (56.0, 2.17, 155.42),
    (45.0, 0.40, 796.30),
    (36.0, 0.47, 775.52),
    (29.0, 2.65, 7.11),
    (21.0, 5.34, 0.98),
    (19.0, 1.85, 5486.78),
    (19.0, 4.97, 213.30),
    (17.0, 2.99, 6275.96),
    (16.0, 0.03, 2544.31),
    (16.0, 1.43, 2146.17),
    (15.0, 1.21, 10977.08),
    (12.0, 2.83, 1748.02),
    (12.0, 3.26, 5088.63),
    (12.0, 5.27, 1194.45),
    (12.0, 2.08, 4694.00),
    (11.0, 0.77, 553.57),
    (10.0, 1.30, 6286.60),
    (10.0, 4.24, 1349.87),
    (9.0, 2.70, 242.73),
    (9.0, 5.64, 951.72),
    (8.0, 5.30, 2352.87),
    (6.0, 2.65, 9437.76),
    (6.0, 4.67, 4690.48),
];

pub(crate) const L2: &[Term] = &[
    (52919.0, 0.0, 0.0),
    (8720.0, 1.0721, 6283.0758),
    (309.0, 0.867, 12566.152),
    (27.0, 0.05, 3.52),
    (16.0, 5.19, 26.30),
    (16.0, 3.68, 155.42),
    (10.0, 0.76, 18849.23),
    (9.0, 2.06, 77713.77),
    (7.0, 0.83, 775.52),
    (5.0, 4.66, 1577.34),
    (4.0, 1.03, 7.11),
    (4.0, 3.44, 5573.14),
    (3.0, 5.14, 796.30),
    (3.0, 6.05, 5507.55),
    (3.0, 1.19, 242.73),
    (3.0, 6.12, 529.69),
    (3.0, 0.31, 398.15),
    (3.0, 2.28, 553.57),
    (2.0, 4.38, 5223.69),
    (2.0, 3.75, 0.98),
];

pub(crate) const L3: &[Term] = &[
    (289.0, 5.844, 6283.076),
    (35.0, 0.0, 0.0),
    (17.0, 5.49, 12566.15),
    (3.0, 5.20, 155.42),
    (1.0, 4.72, 3.52),
    (1.0, 5.30, 18849.23),
    (1.0, 5.97, 242.73),
];

// The published phases are rounded; that they are close to π is no accident of typing.
#[allow(clippy::approx_constant)]
pub(crate) const L4: &[Term] = &[
    (114.0, 3.142, 0.0),
    (8.0, 4.13, 6283.08),
    (1.0, 3.84, 12566.15),
];

#[allow(clippy::approx_constant)]
pub(crate) const L5: &[Term] = &[(1.0, 3.14, 0.0)];

/// Only the distance terms above 1.5e-5 au: the distance enters the longitude solely
/// through the aberration (20.5″ / R), where the omitted terms together are worth less
/// than 0.002″.
pub(crate) const R0: &[Term] = &[
    (100013989.0, 0.0, 0.0),
    (1670700.0, 3.0984635, 6283.0758500),
    (13956.0, 3.05525, 12566.15170),
    (3084.0, 5.1985, 77713.7715),
    (1628.0, 1.1739, 5753.3849),
    (1576.0, 2.8469, 7860.4194),
];

pub(crate) const R1: &[Term] = &[
    (103019.0, 1.107490, 6283.075850),
    (1721.0, 1.0644, 12566.1517),
];

/// Sums one series at `tau` (Julian millennia of TT from J2000.0).
#[inline]
pub(crate) fn sum(series: &[Term], tau: f64) -> f64 {
    series
        .iter()
        .map(|&(a, b, c)| a * (b + c * tau).cos())
        .sum()
}

/// Evaluates `s0 + s1 τ + s2 τ² + …` by Horner's rule, scaled from 1e-8 units.
pub(crate) fn power_series(series: &[&[Term]], tau: f64) -> f64 {
    series
        .iter()
        .rev()
        .fold(0.0, |acc, s| acc * tau + sum(s, tau))
        * 1e-8
}

/// Sums one series and its derivative with respect to τ.
#[inline]
fn sum_with_rate(series: &[Term], tau: f64) -> (f64, f64) {
    series.iter().fold((0.0, 0.0), |(s, ds), &(a, b, c)| {
        let (sin, cos) = (b + c * tau).sin_cos();
        (s + a * cos, ds - a * c * sin)
    })
}

/// The Earth's heliocentric ecliptic longitude of date, in radians (not reduced), and its
/// rate in radians per millennium.
///
/// The rate lets the solver take exact Newton steps, so that one evaluation per crossing
/// is enough. Only the L0 and L1 series enter it: the rest change the rate by less than
/// one part in 10⁵.
pub(crate) fn earth_longitude_and_rate(tau: f64) -> (f64, f64) {
    let (s0, ds0) = sum_with_rate(L0, tau);
    let (s1, ds1) = sum_with_rate(L1, tau);
    let rest = power_series(&[L2, L3, L4, L5], tau) * 1e8;
    let lon = s0 + tau * (s1 + tau * rest);
    let rate = ds0 + s1 + tau * ds1;
    (lon * 1e-8, rate * 1e-8)
}

/// The Earth–Sun distance in astronomical units.
pub(crate) fn earth_distance(tau: f64) -> f64 {
    power_series(&[R0, R1], tau)
}
