//! Entries: what a person writes down. A *joy* (a small joy), a *mood* (1–5,
//! with an optional note) or a *note*.
//!
//! An entry is checked once, when it is made ([`Entry::new`]) or read back
//! from an export ([`Entry::checked`]); past that point the rest of the
//! program can trust its text is non-empty and not too long, and that only a
//! mood carries a mood.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest text an entry may hold, in characters (not bytes), so that a
/// Japanese entry gets the same room as an English one.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The three kinds of entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A small joy.
    Joy,
    /// A mood from 1 to 5, with words or not.
    Mood,
    /// A plain note.
    Note,
}

impl EntryKind {
    /// Every kind, in the order the journal names them.
    pub const ALL: [EntryKind; 3] = [EntryKind::Joy, EntryKind::Mood, EntryKind::Note];

    /// The name used in the database, in exports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Joy => "joy",
            EntryKind::Mood => "mood",
            EntryKind::Note => "note",
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntryKind {
    type Err = EntryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| EntryError::UnknownKind(s.to_string()))
    }
}

/// How a day felt, from 1 (heavy) to 5 (bright). No value is better or worse
/// to record; the scale exists so a month can be drawn as a curve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Mood(u8);

impl Mood {
    /// The lowest mood.
    pub const MIN: u8 = 1;
    /// The highest mood.
    pub const MAX: u8 = 5;

    /// The mood `value`; an error outside 1–5.
    pub fn new(value: u8) -> Result<Mood, EntryError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Mood(value))
        } else {
            Err(EntryError::MoodOutOfRange(value.to_string()))
        }
    }

    /// The number, 1–5.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Mood {
    type Error = EntryError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Mood::new(value)
    }
}

impl From<Mood> for u8 {
    fn from(mood: Mood) -> u8 {
        mood.0
    }
}

impl FromStr for Mood {
    type Err = EntryError;

    /// Accepts "1" to "5", also in full-width digits (１–５), since a
    /// Japanese input method often leaves them that way.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        let mut chars = trimmed.chars();
        let digit = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '１'..='９' => Some(c as u32 - '０' as u32),
                _ => c.to_digit(10),
            },
            _ => None,
        };
        match digit {
            Some(d) => Mood::new(d as u8).map_err(|_| EntryError::MoodOutOfRange(s.to_string())),
            None => Err(EntryError::MoodOutOfRange(s.to_string())),
        }
    }
}

/// Why an entry could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// No words where words are needed.
    EmptyText,
    /// More text than an entry keeps.
    TextTooLong {
        /// The text's length, in characters.
        chars: usize,
    },
    /// A mood that is not a number from 1 to 5, as given.
    MoodOutOfRange(String),
    /// A kind that is not joy, mood or note, as given.
    UnknownKind(String),
    /// A joy or note was given a mood, or a mood was given none.
    MoodMismatch(EntryKind),
    /// An id that is not one iyashi makes, as given.
    BadId(String),
    /// An instant outside the years iyashi keeps (see [`Entry::checked`]).
    InstantOutOfRange(Timestamp),
}

impl fmt::Display for EntryError {
    /// English, for logs and serde; people get [`crate::catalogue`]'s rendering.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::catalogue::Message;
        f.write_str(&self.render(crate::Lang::En))
    }
}

impl std::error::Error for EntryError {}

/// An entry's stable identity: a UUID in its canonical lowercase text form.
/// Stable ids are what make importing the same file twice add nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EntryId(String);

impl EntryId {
    /// Checks the shape `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (lowercase hex).
    pub fn parse(s: &str) -> Result<EntryId, EntryError> {
        let groups: Vec<&str> = s.split('-').collect();
        let lengths_ok = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
        let hex_ok = groups
            .iter()
            .all(|g| g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        if lengths_ok && hex_ok {
            Ok(EntryId(s.to_string()))
        } else {
            Err(EntryError::BadId(s.to_string()))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for EntryId {
    type Error = EntryError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        EntryId::parse(&s)
    }
}

impl From<EntryId> for String {
    fn from(id: EntryId) -> String {
        id.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Normalises what a person typed: line endings become `\n` and surrounding
/// whitespace goes. Then checks it is neither empty nor over
/// [`MAX_TEXT_CHARS`]. Nothing is ever cut short silently.
pub fn clean_text(raw: &str) -> Result<String, EntryError> {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(EntryError::EmptyText);
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(EntryError::TextTooLong { chars });
    }
    Ok(text.to_string())
}

/// 1900-01-01: nothing a person writes in iyashi can be older, and a bound
/// keeps instants within what the store holds as 64-bit nanoseconds.
pub fn earliest_instant() -> Timestamp {
    Timestamp::from_second(-2_208_988_800).expect("1900 is a valid instant")
}

/// 2200-01-01, the other end of [`earliest_instant`].
pub fn latest_instant() -> Timestamp {
    Timestamp::from_second(7_258_118_400).expect("2200 is a valid instant")
}

/// One thing written down.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Its id, unique in the journal.
    pub id: EntryId,
    /// Joy, mood or note.
    pub kind: EntryKind,
    /// The instant it was written, in UTC.
    pub at: Timestamp,
    /// The IANA time zone the person was in, so "09:14" stays 09:14 even
    /// after they move.
    pub tz: String,
    /// The day it belongs to, after the day's rollover hour: a joy written at
    /// 01:30 belongs to the evening before.
    pub day: Date,
    /// The mood, for a mood (and only for one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Mood>,
    /// Empty only for a mood given without words.
    #[serde(default)]
    pub text: String,
}

impl Entry {
    /// Makes an entry from what a person typed, cleaning and checking the text.
    /// A mood's words are optional; a joy's or note's are not.
    pub fn new(
        id: EntryId,
        kind: EntryKind,
        mood: Option<Mood>,
        text: &str,
        at: Timestamp,
        tz: String,
        day: Date,
    ) -> Result<Entry, EntryError> {
        Entry {
            id,
            kind,
            at,
            tz,
            day,
            mood,
            text: text.to_string(),
        }
        .checked()
    }

    /// Cleans the text and checks the rules every stored entry keeps. Used for
    /// what a person types and for what an import file holds alike, so both
    /// paths keep the same promises.
    pub fn checked(mut self) -> Result<Entry, EntryError> {
        match (self.kind, self.mood) {
            (EntryKind::Mood, None) | (EntryKind::Joy | EntryKind::Note, Some(_)) => {
                return Err(EntryError::MoodMismatch(self.kind))
            }
            _ => {}
        }
        if !(earliest_instant()..latest_instant()).contains(&self.at) {
            return Err(EntryError::InstantOutOfRange(self.at));
        }
        let wordless_mood = self.kind == EntryKind::Mood && self.text.trim().is_empty();
        self.text = if wordless_mood {
            String::new()
        } else {
            clean_text(&self.text)?
        };
        Ok(self)
    }

    /// The `#tags` in the text.
    pub fn tags(&self) -> Vec<String> {
        crate::tags::extract(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moods_outside_one_to_five_are_refused() {
        for bad in ["0", "6", "abc", "", "3.5", "-1", "33"] {
            assert_eq!(
                bad.parse::<Mood>(),
                Err(EntryError::MoodOutOfRange(bad.to_string())),
                "{bad:?}"
            );
        }
        assert_eq!("３".parse::<Mood>().map(Mood::value), Ok(3));
        assert_eq!(" 5 ".parse::<Mood>().map(Mood::value), Ok(5));
    }

    #[test]
    fn text_is_trimmed_but_never_cut() {
        assert_eq!(clean_text("  warm tea \r\n"), Ok("warm tea".to_string()));
        assert_eq!(clean_text(" \n\t "), Err(EntryError::EmptyText));
        let long = "あ".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            clean_text(&long),
            Err(EntryError::TextTooLong {
                chars: MAX_TEXT_CHARS + 1
            })
        );
        assert!(clean_text(&"あ".repeat(MAX_TEXT_CHARS)).is_ok());
    }

    #[test]
    fn ids_must_be_canonical_uuids() {
        assert!(EntryId::parse("0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60").is_ok());
        for bad in [
            "",
            "0192F0A4-7B1C-7D2E-8F3A-1B2C3D4E5F60",
            "0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f6",
            "0192f0a47b1c7d2e8f3a1b2c3d4e5f60",
        ] {
            assert!(EntryId::parse(bad).is_err(), "{bad:?}");
        }
    }
}
