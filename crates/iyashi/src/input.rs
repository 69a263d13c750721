//! Words from the command line or standard input, as text.

use std::ffi::OsString;
use std::io::Read;

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
