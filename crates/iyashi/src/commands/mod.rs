//! One module a command (or a family of commands), each a thin layer: read
//! the arguments, call core and the store, print.

pub mod break_here;
pub mod config;
pub mod journal;
pub mod log;
pub mod quiet;
pub mod rhythm;
pub mod season;
pub mod transfer;

pub use crate::input::{entry_text, utf8_words};
pub use crate::output::{print, print_bytes, print_json};
