//! `iyashi quiet 30m|1h|2h|today|off` and `iyashi why`: holding reminders
//! back for a while, and saying in plain words what comes next and why.

use iyashi_core::catalogue::quiet::Why;
use iyashi_core::catalogue::Message;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{Event, Record};
use jiff::Timestamp;

use super::{print, print_json};
use crate::cli::{JsonFlag, QuietArgs};
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::daemon::Request;
use iyashi_app::quiet::{set_quiet, QuietSpan};
use iyashi_app::work::{ask_daemon, engine_for_today, local_time};

pub fn quiet(ctx: &Context, args: &QuietArgs) -> Result<(), Failure> {
    let span = QuietSpan::read(&args.span)?;
    let (_, said) = set_quiet(ctx, &mut ctx.open_store()?, span)?;
    print(&format!("{}\n", said.render(ctx.lang)))
}

pub fn why(ctx: &Context, args: &JsonFlag) -> Result<(), Failure> {
    let store = ctx.open_store()?;
    let held_today = store
        .records_in(DayRange::single(ctx.today()))?
        .into_iter()
        .filter_map(|r| match r {
            Record::Held(h) => Some(h),
            _ => None,
        })
        .collect();
    let from_daemon = ask_daemon(ctx, Request::Status)?.and_then(|reply| reply.status);
    let watching = from_daemon.is_some();
    let status = match from_daemon {
        Some(status) => status,
        None => {
            let mut engine = engine_for_today(ctx, &store)?;
            engine.step(ctx.now, Event::QuietUntil(store.quiet_until()?));
            engine.status(ctx.now)
        }
    };
    let clock = |t: Timestamp| local_time(ctx, t);
    let why = Why::new(ctx.now, &status, held_today, watching, clock);
    if args.json {
        return print_json(&why);
    }
    print(&why.render(ctx.lang))
}
