//! The one catalogue of every person-facing text, in English and Japanese.
//!
//! Each area of the program has its own message enum in a submodule here; every
//! variant renders in both languages through [`Message::render`], so a text that
//! exists in only one language does not compile.

use crate::Lang;

/// A person-facing message that can be rendered in each [`Lang`].
pub trait Message {
    /// The message in `lang`.
    fn render(&self, lang: Lang) -> String;
}

pub mod activities;
pub mod command_line;
pub mod config;
pub mod desk;
pub mod episode;
pub mod goro;
pub mod help;
pub mod journal;
pub mod joy_window;
pub mod keeping;
pub mod letters;
pub mod problem;
pub mod quiet;
pub mod rhythm;
pub mod room;
pub mod screen;
pub mod season;
pub mod system;
pub mod tray;
pub mod waited;
pub mod wanted;
pub mod watch;
pub mod web;
pub mod words;

pub use journal::Say;
pub use problem::Problem;
