//! How entries look on standard output: plain words when piped, with colour
//! and marks for a person at a terminal.

use std::io::Write;
use std::ops::Range;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use iyashi_core::catalogue::words;
use iyashi_core::catalogue::Message;
use iyashi_core::entry::{Entry, EntryKind};
use iyashi_core::printable::{for_terminal, for_terminal_line};
use iyashi_core::tags;
use iyashi_core::Lang;

use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::day::EntryTimes;

/// How a program (`iyashi` or `iyashi-watch`) ends: quietly when it ran or
/// its reader has gone (`iyashi man | head -1`), else with the failure said
/// in one line on standard error, in `lang`, and its exit code.
pub fn ending(result: Result<(), (Failure, Lang)>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((failure, _)) if failure.reader_gone() => ExitCode::SUCCESS,
        Err((failure, lang)) => {
            tell("iyashi", &failure.problem.render(lang));
            ExitCode::from(failure.code)
        }
    }
}

/// Says `text` on standard error, on one line after `who: `. When standard
/// error has gone too (`iyashi … 2>&1 | head -1`) there is no one left to
/// tell: the program ends as it would have, not with a panic (as
/// `eprintln!` would).
pub fn tell(who: &str, text: &str) {
    let _ = writeln!(std::io::stderr(), "{who}: {}", for_terminal_line(text));
}

/// Prints to standard output. A closed pipe stops the command there, and
/// `main` ends it quietly (see [`Failure::output`]).
pub fn print(text: &str) -> Result<(), Failure> {
    print_bytes(text.as_bytes())
}

/// [`print`] for bytes made by another crate (the manual page, completions).
pub fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(Failure::output)
}

/// Prints a JSON value on one line per value, for scripts.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let mut text = iyashi_core::printable::json_without_controls(
        serde_json::to_string_pretty(value).expect("values iyashi prints serialise"),
    );
    text.push('\n');
    print(&text)
}

const DAY: Style = Style::new().bold();
const TIME: Style = Style::new().dimmed();
const TAG: Style = AnsiColor::Cyan.on_default();
const FOUND: Style = Style::new().bold().underline();
const QUIET: Style = Style::new().italic();

fn mark_style(kind: EntryKind) -> Style {
    match kind {
        EntryKind::Joy => AnsiColor::Yellow.on_default(),
        EntryKind::Mood => AnsiColor::Blue.on_default(),
        EntryKind::Note => AnsiColor::Green.on_default(),
    }
}

/// Renders entries for one context, remembering the time zones it has looked up.
pub struct Printer<'a> {
    ctx: &'a Context,
    times: EntryTimes,
}

impl<'a> Printer<'a> {
    pub fn new(ctx: &'a Context) -> Printer<'a> {
        Printer {
            ctx,
            times: EntryTimes::default(),
        }
    }

    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.ctx.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// A line said quietly (Goro's presence, "nothing here").
    pub fn quiet(&self, text: &str) -> String {
        self.paint(QUIET, text)
    }

    /// The local time of day an entry was written, in its own time zone.
    pub fn time_of(&mut self, entry: &Entry) -> String {
        self.times.of(entry)
    }

    /// Entries grouped under their days, each day's heading once.
    /// `found` are words to underline (a search's).
    pub fn days(&mut self, entries: &[Entry], found: &[String]) -> String {
        let mut out = String::new();
        let mut current = None;
        for entry in entries {
            if current != Some(entry.day) {
                if current.is_some() {
                    out.push('\n');
                }
                current = Some(entry.day);
                out.push_str(&self.paint(DAY, &words::day(self.ctx.lang, entry.day)));
                out.push('\n');
            }
            out.push_str(&self.entry(entry, found));
        }
        out
    }

    /// One entry: `  09:14  ✿ warm tea #morning`, continuation lines aligned.
    pub fn entry(&mut self, entry: &Entry, found: &[String]) -> String {
        let lang = self.ctx.lang;
        let time = self.time_of(entry);
        let mark = self.paint(mark_style(entry.kind), words::kind_mark(entry.kind));
        let body = self.highlight(&for_terminal(&entry.text), found);
        let words = words::entry_words(lang, entry.mood, &body);
        let indent = "\n           ";
        format!(
            "  {}  {mark} {}\n",
            self.paint(TIME, &time),
            words.replace('\n', indent)
        )
    }

    /// Colours tags and underlines found words.
    fn highlight(&self, text: &str, found: &[String]) -> String {
        if !self.ctx.color {
            return text.to_string();
        }
        let mut marks: Vec<(Range<usize>, Style)> =
            tags::spans(text).into_iter().map(|r| (r, TAG)).collect();
        for word in found {
            marks.extend(find_folded(text, word).into_iter().map(|r| (r, FOUND)));
        }
        marks.sort_by_key(|(r, _)| r.start);
        let mut out = String::new();
        let mut at = 0;
        for (range, style) in marks {
            if range.start < at {
                continue; // overlapping marks: the first one wins
            }
            out.push_str(&text[at..range.start]);
            out.push_str(&self.paint(style, &text[range.clone()]));
            at = range.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Where `word` occurs in `text`, ignoring ASCII case (as the search does).
fn find_folded(text: &str, word: &str) -> Vec<Range<usize>> {
    if word.is_empty() {
        return Vec::new();
    }
    let haystack = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    haystack
        .match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}
