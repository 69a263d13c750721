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

/// Writes `text` down as a `kind` entry made at `now`, the one use-case
/// behind `iyashi joy` and the joy window. The entry is checked whole
/// before the journal is opened, so bad input never touches the file.
/// Returns the entry and how many of its kind its day now holds.
pub fn keep(
    ctx: &Context,
    kind: EntryKind,
    mood: Option<Mood>,
    text: &str,
    now: Timestamp,
) -> Result<(Entry, usize), Failure> {
    let entry = new_entry(ctx, kind, mood, text, now)?;
    let mut store = ctx.open_store()?;
    store.add_entry(&entry)?;
    let count_today = store.count_on(entry.day, kind)?;
    Ok((entry, count_today))
}
