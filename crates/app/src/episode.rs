//! A month's episode, the same for `iyashi episode|plot|card`, the room's
//! episode page and the web room's.

use iyashi_core::episode::{Episode, Month};
use iyashi_store::Store;
use jiff::civil::Date;

use crate::context::Context;
use crate::failure::Failure;

/// The episode of `month` as the journal has it, told as of `today` (the
/// days still to come are not told).
pub fn episode_of(
    ctx: &Context,
    store: &Store,
    month: Month,
    today: Date,
) -> Result<Episode, Failure> {
    let entries = store.entries_in(month.days())?;
    let records = store.records_in(month.days())?;
    Ok(Episode::build(
        month,
        today,
        &entries,
        &records,
        &ctx.config.rhythm,
    ))
}
