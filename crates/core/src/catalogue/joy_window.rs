//! The small window for writing a joy (from the tray, or `iyashi
//! joy-window`): its title (which the desktop shows and xdotool finds), its
//! prompt, its two buttons, and the calm lines under the field.

use super::Message;
use crate::entry::MAX_TEXT_CHARS;
use crate::Lang;

/// A line of the joy window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoyWindowSays {
    /// The window's title.
    Title,
    /// Above the field.
    Prompt,
    /// The button (and Enter) that writes the joy down.
    Keep,
    /// The button (and Esc) that closes without writing.
    NotNow,
    /// Keep with nothing typed.
    Empty,
    /// Keep with more than an entry holds (`chars` typed).
    TooLong {
        /// Characters typed.
        chars: usize,
    },
    /// The words left in the window last time, offered back.
    DraftBack,
    /// The joy could not be written (the journal's own words after this).
    NotKept(String),
}

impl Message for JoyWindowSays {
    fn render(&self, lang: Lang) -> String {
        match self {
            JoyWindowSays::Title => lang
                .pick("iyashi: a small joy", "iyashi: 小さな幸せ")
                .into(),
            JoyWindowSays::Prompt => lang
                .pick("A small joy today?", "今日の小さな幸せは？")
                .into(),
            JoyWindowSays::Keep => lang.pick("Keep", "残す").into(),
            JoyWindowSays::NotNow => lang.pick("Not now", "今はいい").into(),
            JoyWindowSays::Empty => lang
                .pick(
                    "A few words first, or Not now.",
                    "ひとこと書いてから、または「今はいい」で。",
                )
                .into(),
            JoyWindowSays::TooLong { chars } => lang.pick(
                format!("{chars} characters; a joy holds up to {MAX_TEXT_CHARS}."),
                format!("{chars}文字あります。{MAX_TEXT_CHARS}文字までです。"),
            ),
            JoyWindowSays::DraftBack => lang
                .pick("Your words from last time.", "前回の書きかけです。")
                .into(),
            JoyWindowSays::NotKept(why) => lang.pick(
                format!("Not kept yet: {why}"),
                format!("まだ残せていません: {why}"),
            ),
        }
    }
}
