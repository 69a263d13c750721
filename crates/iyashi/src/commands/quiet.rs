//! `iyashi quiet 30m|1h|2h|today|off` and `iyashi why`: holding reminders
//! back for a while, and saying in plain words what comes next and why.

use iyashi_core::catalogue::Message;

use super::{print, print_json};
use crate::cli::{JsonFlag, QuietArgs};
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::quiet::{set_quiet, QuietSpan};

pub fn quiet(ctx: &Context, args: &QuietArgs) -> Result<(), Failure> {
    let span = QuietSpan::read(&args.span)?;
    let (_, said) = set_quiet(ctx, &mut ctx.open_store()?, span)?;
    print(&format!("{}\n", said.render(ctx.lang)))
}

pub fn why(ctx: &Context, args: &JsonFlag) -> Result<(), Failure> {
    let why = iyashi_app::why::why(ctx, &ctx.open_store()?)?;
    if args.json {
        return print_json(&why);
    }
    print(&why.render(ctx.lang))
}
