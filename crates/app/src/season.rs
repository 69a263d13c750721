//! Where the year stands on a day a person names (`today`, `yesterday`, a
//! date) or now, for `iyashi season`.

use iyashi_core::catalogue::Problem;
use iyashi_core::season::{self, season_at, SeasonError, SeasonNow, SeasonYear};
use jiff::civil::Time;

use crate::context::Context;
use crate::day::day_named;
use crate::failure::Failure;

/// The season on the day named `given`, or now. A day's season is the one
/// at its noon, not at its edge.
pub fn season_on(ctx: &Context, given: Option<&str>) -> Result<SeasonNow, Failure> {
    let at = match given {
        Some(given) => {
            let date = day_named(ctx, given.as_ref())?;
            ctx.tz
                .to_timestamp(date.to_datetime(Time::constant(12, 0, 0, 0)))
                .map_err(|_| Failure::bad_input(Problem::BadDay(given.to_string())))?
        }
        None => ctx.now,
    };
    season_at(at).map_err(out_of_range)
}

/// The solar terms and micro-seasons of `year`.
pub fn year(year: i32) -> Result<SeasonYear, Failure> {
    season::year(year).map_err(out_of_range)
}

/// A year the almanac does not cover is the person's to change.
fn out_of_range(e: SeasonError) -> Failure {
    Failure::bad_input(Problem::Season(e))
}
