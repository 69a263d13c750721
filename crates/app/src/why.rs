//! `iyashi why`: what comes next and why, from the daemon when one runs,
//! else from the journal through the same engine.

use iyashi_core::catalogue::quiet::Why;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::Record;
use iyashi_store::Store;

use crate::context::Context;
use crate::daemon::Request;
use crate::engine;
use crate::failure::Failure;
use crate::work::{ask_daemon, local_time};

/// What is true now and why, with today's holds.
pub fn why(ctx: &Context, store: &Store) -> Result<Why, Failure> {
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
        None => engine::from_journal(ctx, store, ctx.now)?.status(ctx.now),
    };
    Ok(Why::new(ctx.now, &status, held_today, watching, |t| {
        local_time(ctx, t)
    }))
}
