//! The pure domain of iyashi.
//!
//! Nothing in this crate reads a clock, a file, the network or the environment:
//! every function takes what it needs (an instant, a time zone, a setting) as an
//! argument. That is what lets a whole simulated week of work run in a unit test,
//! and what lets the terminal room, the web room and the CLI share one truth.

#![warn(missing_docs)]

pub mod catalogue;
pub mod clock;
pub mod companion;
pub mod config;
pub mod day;
pub mod entry;
pub mod episode;
pub mod interchange;
pub mod lang;
pub mod line_break;
pub mod printable;
pub mod rhythm;
pub mod season;
pub mod tags;

pub use clock::{Clock, FixedClock};
pub use config::Config;
pub use entry::{Entry, EntryId, EntryKind, Mood};
pub use lang::Lang;
