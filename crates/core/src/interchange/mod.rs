//! Exporting and importing entries as text: JSON Lines for programs, Markdown
//! for people. Both round-trip without loss: importing an export gives back
//! the same entries, ids and instants included.
//!
//! Parsing is all-or-nothing: the parsers return every entry or the first
//! broken line, never a prefix, so an import can never stop halfway.

pub mod jsonl;
pub mod markdown;

use std::fmt;

use crate::catalogue::Message;
use crate::entry::{Entry, EntryError};
use crate::Lang;

/// The two interchange formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
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
                    "中身が記録の形(id・kind・at・tz・day・mood・text)になっていません",
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
        }
    }
}

/// Checks what only the caller can: that the entry's time zone exists (the
/// time zone database lives outside core).
fn check_zone(
    line: usize,
    entry: Entry,
    known_zone: &impl Fn(&str) -> bool,
) -> Result<Entry, LineError> {
    if known_zone(&entry.tz) {
        Ok(entry)
    } else {
        Err(LineError {
            line,
            problem: LineProblem::UnknownTimezone(entry.tz),
        })
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem.render(Lang::En))
    }
}
