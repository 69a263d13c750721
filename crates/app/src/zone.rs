//! Time zones by name: the one way a stored zone is read back, and the one
//! way the zone in effect is named for storing.
//!
//! A name is what jiff prints for a zone and parses back to the same zone:
//! an IANA name (`Asia/Tokyo`), a POSIX TZ string (`JST-9`, as `TZ` may be
//! set), or a fixed offset (`+09:00`). So an entry written under `TZ=JST-9`
//! keeps `JST-9`, and shows 21:30 where it was written at 21:30.

use jiff::fmt::temporal::{DateTimeParser, DateTimePrinter};
use jiff::tz::TimeZone;
use jiff::Timestamp;

static PARSER: DateTimeParser = DateTimeParser::new();
static PRINTER: DateTimePrinter = DateTimePrinter::new();

/// The zone a stored (or configured, or imported) name means, if any.
pub fn named(name: &str) -> Option<TimeZone> {
    PARSER.parse_time_zone(name).ok()
}

/// The zone to keep time in and the name to store with entries, which
/// [`named`] reads back as the same zone.
///
/// A zone read from a file with no name (a `/etc/localtime` that is a copy
/// rather than a link, or `TZ` naming such a file) has no such name; it is
/// then kept as its offset now, and the time shown and stored agree.
pub fn with_name(tz: TimeZone, now: Timestamp) -> (TimeZone, String) {
    let mut name = String::new();
    if PRINTER.print_time_zone(&tz, &mut name).is_ok() && named(&name).is_some() {
        return (tz, name);
    }
    let fixed = TimeZone::fixed(tz.to_offset(now));
    let mut name = String::new();
    PRINTER
        .print_time_zone(&fixed, &mut name)
        .expect("a fixed offset always has a name");
    (fixed, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_zone_is_named_so_that_it_reads_back_the_same() {
        let at: Timestamp = "2026-07-01T12:00:00Z".parse().unwrap();
        for zone in [
            TimeZone::get("Asia/Tokyo").unwrap(),
            TimeZone::posix("JST-9").unwrap(),
            TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap(),
            TimeZone::fixed(jiff::tz::offset(9)),
        ] {
            let (kept, name) = with_name(zone.clone(), at);
            let back = named(&name).unwrap_or_else(|| panic!("{name} does not read back"));
            assert_eq!(back.to_datetime(at), zone.to_datetime(at), "{name}");
            assert_eq!(kept.to_datetime(at), zone.to_datetime(at), "{name}");
        }
        assert!(named("Not/A_Zone").is_none());
    }
}
