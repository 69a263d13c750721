//! The room: the companion's home on a terminal. (Being built for issue 5;
//! until then it shows today's summary.)

use crate::cli::JsonFlag;
use crate::commands::log;
use crate::context::Context;
use crate::failure::Failure;

pub fn run(ctx: &Context) -> Result<(), Failure> {
    log::today(ctx, &JsonFlag { json: false })
}
