//! iyashi's application layer: what every face (the command line, the
//! terminal room, the web room, the `watch` daemon) needs beneath it, once.
//!
//! Faces parse their own input (clap, keys, HTTP) and show their own output;
//! between the two they call this crate, which speaks in core's domain
//! types. No face depends on another face, and this crate depends on none.

#![warn(missing_docs)]

pub mod breaks;
pub mod clock;
pub mod context;
pub mod daemon;
pub mod day;
pub mod engine;
pub mod episode;
pub mod export;
pub mod failure;
pub mod home;
pub mod import;
pub mod journal;
pub mod letters;
pub mod quiet;
pub mod season;
pub mod watch;
pub mod week;
pub mod whole_file;
pub mod why;
pub mod work;
pub mod zone;
