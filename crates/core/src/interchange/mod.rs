//! Exporting and importing entries as text: JSON Lines for programs, Markdown
//! for people. Both round-trip without loss: importing an export gives back
//! the same entries, ids and instants included.
//!
//! Parsing is all-or-nothing: the parsers return every entry or the first
//! broken line, never a prefix, so an import can never stop halfway. A line
//! is broken when it is not an entry, when its time zone is unknown, when
//! its day cannot be the day of its instant, or when an earlier line gave
//! the same id to a different entry (a line repeated exactly is read once).

pub mod jsonl;
pub mod markdown;

use std::collections::HashMap;
use std::fmt;

use jiff::tz::TimeZone;

use crate::catalogue::Message;
use crate::day::could_belong_to;
use crate::entry::{Entry, EntryError, EntryId};
use crate::Lang;

/// An entry read from a file, with the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numbered {
    /// The line it starts on (1-based).
    pub line: usize,
    /// The entry.
    pub entry: Entry,
}

/// The two interchange formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines: one entry per line.
    Jsonl,
    /// iyashi Markdown: days as headings, entries as list items.
    Markdown,
}

impl Format {
    /// Guesses the format from the first line that is not blank.
    pub fn detect(text: &str) -> Option<Format> {
        let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
        if first.starts_with('{') {
            Some(Format::Jsonl)
        } else if first.starts_with('#') || first.starts_with("- ") {
            Some(Format::Markdown)
        } else {
            None
        }
    }
}

/// The first line of an import that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// 1-based.
    pub line: usize,
    /// What is wrong with it.
    pub problem: LineProblem,
}

/// What is wrong with a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// Not JSON at all.
    NotJson,
    /// JSON with a field an entry does not have.
    UnknownField(String),
    /// JSON without a field every entry has.
    MissingField(String),
    /// JSON whose values are not an entry's (a kind that is not one, say).
    NotAnEntry,
    /// A Markdown entry without its `<!-- iyashi … -->` comment.
    NoComment,
    /// Readable, but breaks an entry rule.
    Entry(EntryError),
    /// A Markdown line that is not part of an entry.
    Stray,
    /// A time zone name the time zone database does not know.
    UnknownTimezone(String),
    /// Bytes that are not UTF-8 text.
    NotUtf8,
    /// A day no rollover hour gives the entry's instant in its zone; `local`
    /// is that instant's local date and time there.
    DayNotOfInstant {
        /// The day the line gives.
        day: jiff::civil::Date,
        /// The entry's instant, as the local time in its zone.
        local: jiff::civil::DateTime,
        /// The zone.
        tz: String,
    },
    /// The same id as an earlier line, for a different entry.
    SameIdAs {
        /// The earlier line.
        line: usize,
        /// The id.
        id: EntryId,
    },
    /// The journal already holds a different entry under this id.
    SameIdInJournal(EntryId),
}

impl LineProblem {
    /// What is wrong with a line serde_json could not read as an entry.
    /// Serde names an unknown or missing field in a fixed form, the one
    /// thing of its message worth passing on.
    pub(crate) fn of_json(e: &serde_json::Error) -> LineProblem {
        if !e.is_data() {
            return LineProblem::NotJson;
        }
        let message = e.to_string();
        let named = |prefix: &str| {
            let rest = message.strip_prefix(prefix)?;
            Some(rest[..rest.find('`')?].to_string())
        };
        if let Some(field) = named("unknown field `") {
            LineProblem::UnknownField(field)
        } else if let Some(field) = named("missing field `") {
            LineProblem::MissingField(field)
        } else {
            LineProblem::NotAnEntry
        }
    }

    /// What is wrong, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            LineProblem::NotJson => lang
                .pick("this line is not JSON", "この行は JSON として読めません")
                .to_string(),
            LineProblem::UnknownField(field) => match lang {
                Lang::En => format!("an entry has no field “{field}”"),
                Lang::Ja => format!("記録に「{field}」という項目はありません"),
            },
            LineProblem::MissingField(field) => match lang {
                Lang::En => format!("the field “{field}” is missing"),
                Lang::Ja => format!("「{field}」の項目がありません"),
            },
            LineProblem::NotAnEntry => lang
                .pick(
                    "its values are not an entry's (id, kind, at, tz, day, mood, text)",
                    "中身が記録の形（id・kind・at・tz・day・mood・text）になっていません",
                )
                .to_string(),
            LineProblem::NoComment => lang
                .pick(
                    "the entry's <!-- iyashi … --> comment is missing at the end of the line",
                    "行の終わりに、記録の <!-- iyashi … --> コメントがありません",
                )
                .to_string(),
            LineProblem::Entry(e) => e.render(lang),
            LineProblem::Stray => lang
                .pick(
                    "this line is not part of any entry",
                    "この行はどの記録にも属していません",
                )
                .to_string(),
            LineProblem::UnknownTimezone(name) => match lang {
                Lang::En => format!("“{name}” is not a known time zone"),
                Lang::Ja => format!("「{name}」というタイムゾーンはありません"),
            },
            LineProblem::NotUtf8 => lang
                .pick(
                    "this line is not UTF-8 text",
                    "この行は UTF-8 の文字列ではありません",
                )
                .to_string(),
            LineProblem::DayNotOfInstant { day, local, tz } => {
                let at = local.strftime("%Y-%m-%d %H:%M");
                match lang {
                    Lang::En => format!(
                        "its day {day} cannot be right: it was written at {at} in {tz}, which belongs to that date or the one before"
                    ),
                    Lang::Ja => format!(
                        "日付 {day} が合いません。書かれたのは {tz} の {at} なので、その日かその前日のはずです"
                    ),
                }
            }
            LineProblem::SameIdAs { line, id } => match lang {
                Lang::En => {
                    format!("line {line} has the same id ({id}) but a different entry")
                }
                Lang::Ja => format!("{line}行目と同じID（{id}）で、中身が違います"),
            },
            LineProblem::SameIdInJournal(id) => match lang {
                Lang::En => format!("the journal already holds a different entry with the id {id}"),
                Lang::Ja => format!("記録帳には同じID（{id}）の別の記録がすでにあります"),
            },
        }
    }
}

/// Checks an entry against its zone, which `zone` finds by name (the time
/// zone database lives outside core): the zone must exist, and the day must
/// be one its instant can belong to there.
fn check_zone(
    line: usize,
    entry: Entry,
    zone: &impl Fn(&str) -> Option<TimeZone>,
) -> Result<Numbered, LineError> {
    let broken = |problem| Err(LineError { line, problem });
    let Some(tz) = zone(&entry.tz) else {
        return broken(LineProblem::UnknownTimezone(entry.tz));
    };
    if !could_belong_to(entry.at, &tz, entry.day) {
        return broken(LineProblem::DayNotOfInstant {
            day: entry.day,
            local: tz.to_datetime(entry.at),
            tz: entry.tz,
        });
    }
    Ok(Numbered { line, entry })
}

/// Reads a repeated line once, and refuses an id given to two different
/// entries, naming both lines.
fn once_each(read: Vec<Numbered>) -> Result<Vec<Numbered>, LineError> {
    // Where each id was first seen, as an index into `read`.
    let mut first: HashMap<&EntryId, usize> = HashMap::with_capacity(read.len());
    let mut repeats = Vec::new();
    for (i, n) in read.iter().enumerate() {
        if let Some(&earlier) = first.get(&n.entry.id) {
            if read[earlier].entry != n.entry {
                return Err(LineError {
                    line: n.line,
                    problem: LineProblem::SameIdAs {
                        line: read[earlier].line,
                        id: n.entry.id.clone(),
                    },
                });
            }
            repeats.push(i);
        } else {
            first.insert(&n.entry.id, i);
        }
    }
    if repeats.is_empty() {
        return Ok(read);
    }
    Ok(read
        .into_iter()
        .enumerate()
        .filter(|(i, _)| repeats.binary_search(i).is_err())
        .map(|(_, n)| n)
        .collect())
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem.render(Lang::En))
    }
}
