//! The week so far, the same for `iyashi week` and the tray's "This week".

use iyashi_core::day::DayRange;
use iyashi_core::rhythm::WeekSummary;
use iyashi_store::Store;
use jiff::civil::Date;

use crate::context::Context;
use crate::failure::Failure;

/// The week that `day` falls in, as the journal has it.
pub fn week_of(ctx: &Context, store: &Store, day: Date) -> Result<WeekSummary, Failure> {
    let range = DayRange::week_of(day);
    let records = store.records_in(range)?;
    Ok(WeekSummary::from_records(
        range,
        &records,
        &ctx.config.rhythm,
    ))
}
