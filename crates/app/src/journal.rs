//! Writing things down, the one way every face does it.

use iyashi_core::entry::{Entry, EntryId, EntryKind, Mood};
use jiff::Timestamp;

use crate::context::Context;
use crate::failure::Failure;

/// A checked entry written at `now`, in the context's zone, on the day it
/// belongs to after the rollover hour, with a fresh id: the one way
/// entries are made, by the commands and by both rooms.
pub fn new_entry(
    ctx: &Context,
    kind: EntryKind,
    mood: Option<Mood>,
    text: &str,
    now: Timestamp,
) -> Result<Entry, Failure> {
    let id = EntryId::parse(&uuid::Uuid::now_v7().to_string())?;
    let day = iyashi_core::day::day_of(now, &ctx.tz, ctx.rollover);
    Ok(Entry::new(
        id,
        kind,
        mood,
        text,
        now,
        ctx.tz_name.clone(),
        day,
    )?)
}
