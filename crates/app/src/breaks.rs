//! Breaks a person takes by hand (`iyashi break now`, the web room's rest):
//! asked of the daemon when one runs, else kept in the journal here, by one
//! rule whichever face took it.

use iyashi_core::day::{day_of, DayRange};
use iyashi_core::rhythm::{Action, Activity, BreakKind, BreakOutcome, BreakRecord, Event, Record};
use iyashi_store::Store;
use jiff::{SignedDuration, Timestamp};

use crate::context::Context;
use crate::daemon::{Reply, Request};
use crate::engine;
use crate::failure::Failure;
use crate::work::ask_daemon;

/// A break of `kind` now, asked of the running daemon; `None` when none
/// runs, and the face takes the break itself.
pub fn ask_daemon_for(ctx: &Context, kind: BreakKind) -> Result<Option<Reply>, Failure> {
    ask_daemon(ctx, Request::BreakNow { kind })
}

/// The activity for a break of `kind` now: the engine's choice, so it is
/// not one already offered today, here or by `watch`.
pub fn activity_now(ctx: &Context, store: &Store, kind: BreakKind) -> Result<Activity, Failure> {
    let records = store.records_in(DayRange::single(ctx.today()))?;
    let mut engine = engine::now_with_session(ctx, &records, store.manual_work()?);
    let chosen = engine
        .step(ctx.now, Event::BreakNow(kind))
        .into_iter()
        .find_map(|action| match action {
            Action::StartBreak { activity, .. } => Some(activity),
            _ => None,
        });
    // The engine starts no break while one is already on; then any fitting
    // activity will do.
    Ok(chosen.unwrap_or_else(|| Activity::pick(kind, ctx.today(), &[])))
}

/// Keeps a break taken without the daemon: one that `began` then and
/// lasted `rested` (whole seconds), on the day it began. Asked for by
/// nobody, put off never: the person chose it.
pub fn keep_taken(
    ctx: &Context,
    store: &mut Store,
    kind: BreakKind,
    began: Timestamp,
    rested: SignedDuration,
    activity: Option<Activity>,
) -> Result<(), Failure> {
    let record = Record::Break(BreakRecord {
        day: day_of(began, &ctx.tz, ctx.rollover),
        kind,
        outcome: BreakOutcome::Taken,
        at: began,
        length: SignedDuration::from_secs(rested.as_secs()),
        postponed: 0,
        asked: false,
        activity,
    });
    Ok(store.record(&[record])?)
}
