//! What iyashi says about the seasons: the name of a solar term or micro-season, where
//! we are in it, what comes next, and a year's table.
//!
//! Times arrive here already in the reader's time zone (a [`DateTime`]): choosing the
//! zone is the caller's business, saying the time is the catalogue's.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Unit;

use super::Message;
use crate::season::{MicroSeason, Names, SeasonError, SeasonYear, SolarTerm};
use crate::Lang;

/// A solar term or a micro-season, for messages that take either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// One of the 24 solar terms.
    Term(SolarTerm),
    /// One of the 72 micro-seasons.
    Micro(MicroSeason),
}

impl Named {
    fn names(self) -> &'static Names {
        match self {
            Named::Term(t) => t.name(),
            Named::Micro(m) => m.name(),
        }
    }
}

impl From<SolarTerm> for Named {
    fn from(t: SolarTerm) -> Named {
        Named::Term(t)
    }
}

impl From<MicroSeason> for Named {
    fn from(m: MicroSeason) -> Named {
        Named::Micro(m)
    }
}

/// A text about the seasons.
#[derive(Clone, Debug, PartialEq)]
pub enum SeasonText {
    /// The name alone: "小雪 Shōsetsu, Light snow" or "小雪（しょうせつ）".
    Name(Named),
    /// What is happening in nature.
    Note(Named),
    /// Where we are: "Now: 霜降 Sōkō, Frost falls (72% through)".
    Now {
        /// The season under way.
        season: Named,
        /// How far through it, from 0.0 to 1.0.
        fraction: f64,
    },
    /// What comes next: "Next: 小雪 Shōsetsu, Light snow, on 22 Nov at 11:36".
    Next {
        /// The season that begins.
        season: Named,
        /// When, in the reader's time zone.
        at: DateTime,
    },
    /// A year's transitions as a plain-text table, with times in `tz`; with
    /// `micro_seasons`, each term is followed by its three micro-seasons.
    YearTable {
        /// The year's transitions.
        year: SeasonYear,
        /// The zone the dates and times are given in ([`crate::season::japan`] for the
        /// almanac's dates).
        tz: TimeZone,
        /// Whether to list the micro-seasons as well.
        micro_seasons: bool,
    },
    /// The date lies outside the years the seasons are computed for.
    Problem(SeasonError),
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn name(lang: Lang, n: &Names) -> String {
    lang.pick(
        format!("{} {}, {}", n.kanji, n.romaji, n.english),
        format!("{}（{}）", n.kanji, n.kana),
    )
}

/// The time as the almanac prints it: to the nearest minute, but never rounded into the
/// next day, so that the date shown is always the day the transition falls on.
fn to_the_minute(at: DateTime) -> DateTime {
    let rounded = at.round(Unit::Minute).unwrap_or(at);
    let truncated = at
        .with()
        .second(0)
        .subsec_nanosecond(0)
        .build()
        .unwrap_or(at);
    if rounded.date() == at.date() {
        rounded
    } else {
        truncated
    }
}

/// "22 Nov at 11:36" or "11月22日 11:36"; in a table, "22 Nov 11:36".
fn when(lang: Lang, at: DateTime, in_table: bool) -> String {
    let at = to_the_minute(at);
    let month = usize::from(at.month().unsigned_abs()) - 1;
    let (d, h, m) = (at.day(), at.hour(), at.minute());
    let at_word = if in_table { "" } else { " at" };
    lang.pick(
        format!("{d} {}{at_word} {h:02}:{m:02}", MONTHS_EN[month]),
        format!("{}月{d}日 {h:02}:{m:02}", at.month()),
    )
}

/// The width a terminal gives `s`: kanji and kana take two cells.
fn cells(s: &str) -> usize {
    s.chars().map(|c| if c < '\u{1100}' { 1 } else { 2 }).sum()
}

/// Lays out rows of cells in columns two spaces apart, by terminal width.
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| cells(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line += cell;
            line += &" ".repeat(width - cells(cell) + 2);
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

fn table_row(lang: Lang, n: &Names, at: DateTime, indent: bool) -> Vec<String> {
    let lead = if indent { "  " } else { "" };
    let kanji = format!("{lead}{}", n.kanji);
    let when = when(lang, at, true);
    match lang {
        Lang::En => vec![kanji, n.romaji.to_string(), n.english.to_string(), when],
        Lang::Ja => vec![kanji, n.kana.to_string(), when],
    }
}

fn year_table(lang: Lang, year: &SeasonYear, tz: &TimeZone, micro_seasons: bool) -> String {
    let zone = if *tz == crate::season::japan() {
        lang.pick("JST", "日本時間").to_string()
    } else {
        tz.iana_name().map_or_else(
            || lang.pick("fixed offset", "固定の時差").to_string(),
            str::to_string,
        )
    };
    let title = lang.pick(
        format!("The seasons of {} ({zone})\n", year.year),
        format!("{}年の季節（{zone}）\n", year.year),
    );
    let local = |at: jiff::Timestamp| at.to_zoned_datetime(tz.clone()).datetime();
    let mut rows = Vec::new();
    for (i, term) in year.terms.iter().enumerate() {
        rows.push(table_row(lang, term.season.name(), local(term.at), false));
        if micro_seasons {
            for micro in &year.micro_seasons[i * 3..i * 3 + 3] {
                rows.push(table_row(lang, micro.season.name(), local(micro.at), true));
            }
        }
    }
    title + &columns(&rows)
}

impl Message for SeasonText {
    fn render(&self, lang: Lang) -> String {
        match self {
            SeasonText::Name(s) => name(lang, s.names()),
            SeasonText::Note(s) => lang.pick(s.names().note_en, s.names().note_ja).to_string(),
            SeasonText::Now { season, fraction } => {
                let percent = (fraction.clamp(0.0, 1.0) * 100.0).floor();
                let n = name(lang, season.names());
                lang.pick(
                    format!("Now: {n} ({percent}% through)"),
                    format!("いまは{n}。{percent}%ほど過ぎました。"),
                )
            }
            SeasonText::Next { season, at } => {
                let n = name(lang, season.names());
                let w = when(lang, *at, false);
                lang.pick(format!("Next: {n}, on {w}"), format!("次は{n}、{w}から。"))
            }
            SeasonText::YearTable {
                year,
                tz,
                micro_seasons,
            } => year_table(lang, year, tz, *micro_seasons),
            SeasonText::Problem(SeasonError::OutOfRange { year }) => {
                let (first, last) = (crate::season::FIRST_YEAR, crate::season::LAST_YEAR);
                lang.pick(
                    format!("The seasons are computed for the years {first} to {last}; {year} is outside them."),
                    format!("季節を計算できるのは{first}年から{last}年までです。{year}年はその範囲の外です。"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::season;

    #[test]
    fn next_reads_as_in_the_design() {
        let shousetsu = SolarTerm::at_longitude(240).unwrap();
        let at: DateTime = "2026-11-22T11:36".parse().unwrap();
        let text = SeasonText::Next {
            season: shousetsu.into(),
            at,
        };
        assert_eq!(
            text.render(Lang::En),
            "Next: 小雪 Shōsetsu, Light snow, on 22 Nov at 11:36"
        );
        assert_eq!(
            text.render(Lang::Ja),
            "次は小雪（しょうせつ）、11月22日 11:36から。"
        );
    }

    #[test]
    fn times_round_to_the_minute_but_stay_on_their_day() {
        let t = |s: &str| when(Lang::En, s.parse().unwrap(), false);
        assert_eq!(t("2026-03-20T23:45:57"), "20 Mar at 23:46");
        assert_eq!(t("2026-03-20T23:45:29"), "20 Mar at 23:45");
        assert_eq!(t("2026-03-20T23:59:45"), "20 Mar at 23:59");
    }

    #[test]
    fn now_says_how_far_through() {
        let sou = SolarTerm::at_longitude(210).unwrap();
        let text = SeasonText::Now {
            season: sou.into(),
            fraction: 0.724,
        };
        assert_eq!(
            text.render(Lang::En),
            "Now: 霜降 Sōkō, Frost falls (72% through)"
        );
        assert_eq!(
            text.render(Lang::Ja),
            "いまは霜降（そうこう）。72%ほど過ぎました。"
        );
    }

    #[test]
    fn micro_season_names_and_notes() {
        let kiku = MicroSeason::at_longitude(200).unwrap();
        assert_eq!(
            SeasonText::Name(kiku.into()).render(Lang::Ja),
            "菊花開（きくのはなひらく）"
        );
        assert!(SeasonText::Note(kiku.into())
            .render(Lang::En)
            .contains("Chrysanthemums"));
    }

    #[test]
    fn out_of_range_is_explained_in_both_languages() {
        let err = season::year(2301).unwrap_err();
        let text = SeasonText::Problem(err);
        assert!(text.render(Lang::En).contains("1800 to 2200; 2301"));
        assert!(text.render(Lang::Ja).contains("2301年"));
    }
}
