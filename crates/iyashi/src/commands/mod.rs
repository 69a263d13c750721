//! One module a command (or a family of commands), each a thin layer: read
//! the arguments, call core and the store, print.

pub mod config;
pub mod journal;
pub mod log;
pub mod quiet;
pub mod rhythm;
pub mod season;
pub mod transfer;

use std::ffi::OsString;
use std::io::{Read, Write};

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::Problem;

use crate::failure::Failure;

/// The words of an entry from the command line, or all of standard input
/// when the only word is `-`.
pub fn entry_text(words: &[OsString]) -> Result<String, Failure> {
    if words.len() == 1 && words[0] == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::failed(Problem::StdinUnreadable(SystemReason::of_io(&e))))?;
        return String::from_utf8(bytes).map_err(|_| Failure::bad_input(Problem::StdinNotUtf8));
    }
    utf8_words(words).map(|w| w.join(" "))
}

/// Arguments as UTF-8 text, or iyashi's one-line error.
pub fn utf8_words(words: &[OsString]) -> Result<Vec<String>, Failure> {
    words
        .iter()
        .map(|w| {
            w.to_str()
                .map(str::to_string)
                .ok_or_else(|| Failure::bad_input(Problem::ArgumentNotUtf8))
        })
        .collect()
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
