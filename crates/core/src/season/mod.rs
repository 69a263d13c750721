//! Seasons: the 24 solar terms (二十四節気) and the 72 micro-seasons (七十二候),
//! computed from the Sun's position.
//!
//! A solar term begins when the Sun's apparent geocentric ecliptic longitude reaches a
//! multiple of 15°: 春分 (the March equinox) at 0°, 清明 at 15°, and so on round the
//! year. This is the *true-sun* rule (定気法) that Japanese almanacs have used since the
//! Tenpō calendar of 1844 and that the National Astronomical Observatory of Japan (NAOJ)
//! uses today.
//!
//! A micro-season begins when the longitude reaches a multiple of 5°, so each solar term
//! holds three (初候, 次候, 末候). The older rule divides each term into three equal
//! stretches of *time*; iyashi divides it by the Sun's *position* instead, the same rule
//! as the terms themselves, so that every boundary is one well-defined astronomical
//! event that any ephemeris can check. The two rules differ by at most 24 minutes
//! (1900–2100), far less than a micro-season's five days. The names are those of the
//! 1874 Japanese almanac (略本暦), the list used in Japan today.
//!
//! How accurate: every solar term 1800–2200 lies within 17 seconds of JPL's DE440
//! ephemeris, and the date in Japan is exact (see `tests/season_reference.rs`); the
//! theory is in the private modules `sun` (VSOP87 and friends), `delta_t` and `terms`.
//!
//! The day of a transition "in Japan" is its date in Japan Standard Time, UTC+9
//! ([`japan`]).
//!
//! Everything here is pure: give it an instant, get the season. Years from
//! [`FIRST_YEAR`] to [`LAST_YEAR`] are supported (the span of the ΔT model); anything
//! else is a [`SeasonError`], never a silently wrong date.
//!
//! ```
//! use iyashi_core::season;
//!
//! let spring = season::term_in_year(2026, season::SolarTerm::SHUNBUN).unwrap();
//! assert_eq!(spring.day_in_japan().to_string(), "2026-03-20");
//! assert_eq!(spring.season.name().kanji, "春分");
//! ```

pub mod astro;
mod delta_t;
mod kou;
mod names;
mod sun;
mod terms;
mod vsop87;

pub use names::Names;

use jiff::tz::{Offset, TimeZone};
use jiff::{civil::Date, Timestamp, ZonedDateTime};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The first year (in Japan) for which seasons are computed.
pub const FIRST_YEAR: i16 = 1800;
/// The last year (in Japan) for which seasons are computed.
pub const LAST_YEAR: i16 = 2200;

/// Japan Standard Time, UTC+9, in which "the day" of a transition is counted.
///
/// A fixed offset rather than the `Asia/Tokyo` zone: the almanac counts in JST even in
/// the summers of 1948–1951 when Japan kept daylight saving time, and a fixed offset
/// needs no time-zone database on the machine.
pub fn japan() -> TimeZone {
    TimeZone::fixed(Offset::constant(9))
}

/// Why a season could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeasonError {
    /// The year (in Japan) lies outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    OutOfRange {
        /// The year that was asked for.
        year: i32,
    },
}

impl fmt::Display for SeasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeasonError::OutOfRange { year } => write!(
                f,
                "seasons are computed for the years {FIRST_YEAR} to {LAST_YEAR}; {year} is outside"
            ),
        }
    }
}

impl std::error::Error for SeasonError {}

fn check_year(year: i32) -> Result<i32, SeasonError> {
    if (i32::from(FIRST_YEAR)..=i32::from(LAST_YEAR)).contains(&year) {
        Ok(year)
    } else {
        Err(SeasonError::OutOfRange { year })
    }
}

/// One of the 24 solar terms (二十四節気).
///
/// Each term begins when the Sun's apparent longitude reaches [`SolarTerm::longitude`]
/// and lasts about 15 days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SolarTerm(u8);

impl SolarTerm {
    /// 春分, the March equinox (0°).
    pub const SHUNBUN: SolarTerm = SolarTerm(0);
    /// 夏至, the June solstice (90°).
    pub const GESHI: SolarTerm = SolarTerm(6);
    /// 秋分, the September equinox (180°).
    pub const SHUUBUN: SolarTerm = SolarTerm(12);
    /// 冬至, the December solstice (270°).
    pub const TOUJI: SolarTerm = SolarTerm(18);
    /// 小寒, the first term of the calendar year (285°).
    pub const SHOUKAN: SolarTerm = SolarTerm(19);
    /// 立春, the beginning of spring (315°).
    pub const RISSHUN: SolarTerm = SolarTerm(21);

    /// The term that begins at `longitude` degrees (a multiple of 15 below 360).
    pub fn at_longitude(longitude: u16) -> Option<SolarTerm> {
        (longitude.is_multiple_of(15) && longitude < 360)
            .then_some(SolarTerm((longitude / 15) as u8))
    }

    /// All 24 in the order a calendar year meets them, 小寒 (early January) first.
    pub fn in_year_order() -> impl Iterator<Item = SolarTerm> {
        (0..24).map(|i| SolarTerm((19 + i) % 24))
    }

    /// The Sun's apparent longitude, in degrees, at which this term begins.
    pub fn longitude(self) -> u16 {
        u16::from(self.0) * 15
    }

    /// Its names and a note on the season.
    pub fn name(self) -> &'static Names {
        &names::SOLAR_TERMS[usize::from(self.0)]
    }

    /// The term after this one.
    pub fn next(self) -> SolarTerm {
        SolarTerm((self.0 + 1) % 24)
    }

    /// Its three micro-seasons, in order.
    ///
    /// # Example: three micro-seasons to a term
    ///
    /// A solar term is 15° of the Sun's path; its micro-seasons are the
    /// three 5° thirds of it, each beginning when the Sun reaches its degree,
    /// so a micro-season always lies wholly inside its term.
    ///
    /// ```
    /// use iyashi_core::season::{MicroSeason, SolarTerm};
    ///
    /// let shosetsu = SolarTerm::at_longitude(240).unwrap(); // 小雪, light snow
    /// let thirds = [240, 245, 250].map(|l| MicroSeason::at_longitude(l).unwrap());
    /// assert_eq!(shosetsu.micro_seasons(), thirds);
    /// assert_eq!(thirds[0].name().kanji, "虹蔵不見"); // rainbows hide
    /// assert!(thirds.iter().all(|m| m.term() == shosetsu));
    /// ```
    pub fn micro_seasons(self) -> [MicroSeason; 3] {
        let first = self.0 * 3;
        [
            MicroSeason(first),
            MicroSeason(first + 1),
            MicroSeason(first + 2),
        ]
    }
}

/// One of the 72 micro-seasons (七十二候), a third of a solar term, about five days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MicroSeason(u8);

impl MicroSeason {
    /// The micro-season that begins at `longitude` degrees (a multiple of 5 below 360).
    pub fn at_longitude(longitude: u16) -> Option<MicroSeason> {
        (longitude.is_multiple_of(5) && longitude < 360)
            .then_some(MicroSeason((longitude / 5) as u8))
    }

    /// All 72 in the order a calendar year meets them, 芹乃栄 (early January) first.
    pub fn in_year_order() -> impl Iterator<Item = MicroSeason> {
        (0..72).map(|i| MicroSeason((57 + i) % 72))
    }

    /// The Sun's apparent longitude, in degrees, at which this micro-season begins.
    pub fn longitude(self) -> u16 {
        u16::from(self.0) * 5
    }

    /// Its names and a note on what is happening in nature.
    pub fn name(self) -> &'static Names {
        &kou::MICRO_SEASONS[usize::from(self.0)]
    }

    /// The solar term it belongs to.
    pub fn term(self) -> SolarTerm {
        SolarTerm(self.0 / 3)
    }

    /// Which third of its term it is: 0 for 初候 (and so the term's start), 1 for 次候,
    /// 2 for 末候.
    pub fn third(self) -> u8 {
        self.0 % 3
    }

    /// The micro-season after this one.
    pub fn next(self) -> MicroSeason {
        MicroSeason((self.0 + 1) % 72)
    }
}

/// Serialized as its longitude and names, which is what a script reading `--json` needs.
fn serialize_named<S: Serializer>(
    s: S,
    kind: &'static str,
    lon: u16,
    n: &Names,
) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct(kind, 7)?;
    st.serialize_field("longitude", &lon)?;
    st.serialize_field("kanji", n.kanji)?;
    st.serialize_field("kana", n.kana)?;
    st.serialize_field("romaji", n.romaji)?;
    st.serialize_field("english", n.english)?;
    st.serialize_field("note_en", n.note_en)?;
    st.serialize_field("note_ja", n.note_ja)?;
    st.end()
}

impl Serialize for SolarTerm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_named(s, "SolarTerm", self.longitude(), self.name())
    }
}

impl Serialize for MicroSeason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_named(s, "MicroSeason", self.longitude(), self.name())
    }
}

/// The instant a solar term or micro-season begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Transition<S> {
    /// What begins.
    pub season: S,
    /// When, to the second (the theory is good to about 17 s, 1800–2200).
    pub at: Timestamp,
}

impl<S> Transition<S> {
    /// The date on which it falls in Japan (JST), the date an almanac prints.
    pub fn day_in_japan(&self) -> Date {
        self.at.to_zoned_datetime(japan()).date()
    }

    /// The instant in a time zone of the caller's choice.
    pub fn in_zone(&self, tz: &TimeZone) -> ZonedDateTime {
        self.at.to_zoned_datetime(tz.clone())
    }
}

/// A season that is under way: which one, when it began and ends, and how far through it
/// an instant is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Period<S> {
    /// The season.
    pub season: S,
    /// When it began.
    pub start: Timestamp,
    /// When it ends, which is when the next one begins.
    pub end: Timestamp,
    /// How far through it the instant is, by time: 0.0 at `start`, approaching 1.0 at
    /// `end`.
    pub fraction: f64,
}

/// The seasons at one instant: the answer to "what season is it now?".
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SeasonNow {
    /// The instant asked about.
    pub at: Timestamp,
    /// The Sun's apparent longitude at that instant, in degrees.
    pub longitude: f64,
    /// The solar term under way.
    pub term: Period<SolarTerm>,
    /// The micro-season under way.
    pub micro_season: Period<MicroSeason>,
}

impl SeasonNow {
    /// The next transition: the next micro-season, which, when it is the first of its
    /// term (`third() == 0`), also begins the next solar term.
    pub fn next(&self) -> Transition<MicroSeason> {
        Transition {
            season: self.micro_season.season.next(),
            at: self.micro_season.end,
        }
    }

    /// The next solar term and when it begins.
    pub fn next_term(&self) -> Transition<SolarTerm> {
        Transition {
            season: self.term.season.next(),
            at: self.term.end,
        }
    }
}

/// Every transition of one seasonal year.
///
/// The year runs from 小寒 (the Sun at 285°, 5–6 January) to the end of 冬至's last
/// micro-season: all 24 solar terms of a year fall within the calendar year, but the last
/// micro-season, 雪下出麦 (280°), begins on 31 December or 1 January.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeasonYear {
    /// The calendar year.
    pub year: i16,
    /// The 24 solar terms, 小寒 first.
    pub terms: Vec<Transition<SolarTerm>>,
    /// The 72 micro-seasons, 芹乃栄 first.
    pub micro_seasons: Vec<Transition<MicroSeason>>,
}

fn micro_transition(season: MicroSeason, year: i32) -> Transition<MicroSeason> {
    let t = terms::crossing_in_year(year, f64::from(season.longitude()));
    Transition {
        season,
        at: delta_t::to_timestamp(t),
    }
}

/// Every solar term and micro-season of `year` (see [`SeasonYear`]).
pub fn year(year: i32) -> Result<SeasonYear, SeasonError> {
    let year = check_year(year)?;
    let micro_seasons: Vec<_> = MicroSeason::in_year_order()
        .map(|m| micro_transition(m, year))
        .collect();
    let terms = micro_seasons
        .iter()
        .filter(|m| m.season.third() == 0)
        .map(|m| Transition {
            season: m.season.term(),
            at: m.at,
        })
        .collect();
    Ok(SeasonYear {
        year: year as i16,
        terms,
        micro_seasons,
    })
}

/// When `term` begins in `year` — one term, without computing the whole year.
pub fn term_in_year(year: i32, term: SolarTerm) -> Result<Transition<SolarTerm>, SeasonError> {
    let year = check_year(year)?;
    let first = micro_transition(term.micro_seasons()[0], year);
    Ok(Transition {
        season: term,
        at: first.at,
    })
}

/// The seasons at `at`: the term and micro-season under way, how far through each, and
/// (through [`SeasonNow::next`]) what comes next.
///
/// ```
/// use iyashi_core::season;
///
/// let now = season::season_at("2026-11-01T12:00+09:00".parse().unwrap()).unwrap();
/// assert_eq!(now.term.season.name().kanji, "霜降");
/// assert_eq!(now.next_term().season.name().kanji, "立冬");
/// assert!(now.term.fraction > 0.5 && now.term.fraction < 1.0);
/// ```
pub fn season_at(at: Timestamp) -> Result<SeasonNow, SeasonError> {
    check_year(at.to_zoned_datetime(japan()).year().into())?;
    let t = delta_t::to_tt(at);
    let longitude = sun::apparent_longitude(t);
    let mut micro = MicroSeason((longitude / 5.0).floor() as u8 % 72);
    let boundary = |m: MicroSeason| {
        let lon = f64::from(m.longitude());
        micro_transition(m, terms::year_of_crossing_near(lon, t)).at
    };
    // The longitude says which micro-season we are in; the rounded instants have the
    // last word, so that an instant on a boundary agrees with the year table.
    let (mut start, mut end) = (boundary(micro), boundary(micro.next()));
    if at < start {
        (micro, end) = (MicroSeason((micro.0 + 71) % 72), start);
        start = boundary(micro);
    } else if at >= end {
        (micro, start) = (micro.next(), end);
        end = boundary(micro.next());
    }
    let term = micro.term();
    let term_start = if micro.third() == 0 {
        start
    } else {
        boundary(term.micro_seasons()[0])
    };
    let term_end = if micro.third() == 2 {
        end
    } else {
        boundary(term.next().micro_seasons()[0])
    };
    Ok(SeasonNow {
        at,
        longitude,
        term: Period {
            season: term,
            start: term_start,
            end: term_end,
            fraction: fraction(at, term_start, term_end),
        },
        micro_season: Period {
            season: micro,
            start,
            end,
            fraction: fraction(at, start, end),
        },
    })
}

fn fraction(at: Timestamp, start: Timestamp, end: Timestamp) -> f64 {
    let whole = end.as_second() - start.as_second();
    let done = at.duration_since(start).as_secs_f64();
    done / whole as f64
}

/// The Sun's apparent geocentric ecliptic longitude at `at`, in degrees in `[0, 360)`.
pub fn solar_longitude(at: Timestamp) -> Result<f64, SeasonError> {
    check_year(at.to_zoned_datetime(japan()).year().into())?;
    Ok(sun::apparent_longitude(delta_t::to_tt(at)))
}
