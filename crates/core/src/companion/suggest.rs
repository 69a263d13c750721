//! Which small joy Chibi suggests.

use jiff::civil::Date;

use crate::catalogue::room::SMALL_JOYS;

/// The index into [`SMALL_JOYS`] of Chibi's `visit`-th suggestion on `day`.
///
/// Each day walks the list in its own order, so a day's suggestions do not
/// repeat until every joy has been offered, and tomorrow starts elsewhere.
///
/// ```
/// use iyashi_core::companion::suggestion;
/// use jiff::civil::date;
/// let day = date(2026, 11, 25);
/// assert_ne!(suggestion(day, 0), suggestion(day, 1));
/// ```
pub fn suggestion(day: Date, visit: u32) -> usize {
    let n = SMALL_JOYS.len() as u64;
    let days = u64::try_from(day.since(Date::ZERO).map_or(0, |s| s.get_days())).unwrap_or_default();
    // A stride coprime with the list's length visits every index once.
    let stride = (1..n)
        .map(|k| (days * 7 + 11 + k) % n)
        .find(|&s| s > 1 && gcd(s, n) == 1)
        .unwrap_or(1);
    let start = days.wrapping_mul(2_654_435_761) % n;
    ((start + u64::from(visit) * stride) % n) as usize
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::collections::HashSet;

    #[test]
    fn a_day_offers_every_joy_once_before_any_comes_again() {
        for day in [date(2026, 1, 1), date(2026, 6, 21), date(2027, 11, 25)] {
            let seen: HashSet<usize> = (0..SMALL_JOYS.len() as u32)
                .map(|v| suggestion(day, v))
                .collect();
            assert_eq!(seen.len(), SMALL_JOYS.len(), "{day}");
        }
    }

    #[test]
    fn the_next_day_begins_somewhere_else() {
        assert_ne!(
            suggestion(date(2026, 11, 25), 0),
            suggestion(date(2026, 11, 26), 0)
        );
    }
}
