//! The rhythm engine, set up once for every face: the daemon's, the room's,
//! and the one a command computes with when no daemon runs. Each carries on
//! the journal's day, so the daily limit, the evening stop and the
//! activities already offered are not counted or said twice.

use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{Calendar, Engine, Event, Record};
use iyashi_store::Store;
use jiff::Timestamp;

use crate::context::Context;
use crate::failure::Failure;

/// An engine with the context's settings and calendar that has seen
/// `records` (the day of `now`'s) as of `now`.
pub fn restored(ctx: &Context, now: Timestamp, records: &[Record]) -> Engine {
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    let mut engine = Engine::new(ctx.config.rhythm.clone(), calendar);
    engine.restore(now, records);
    engine
}

/// The engine as the journal has the day at `now`: its records restored and
/// any quiet kept in the journal in force (the daemon's start, `iyashi why`).
pub fn from_journal(ctx: &Context, store: &Store, now: Timestamp) -> Result<Engine, Failure> {
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    let records = store.records_in(DayRange::single(calendar.day_of(now)))?;
    let mut engine = restored(ctx, now, &records);
    engine.step(now, Event::QuietUntil(store.quiet_until()?));
    Ok(engine)
}

/// An engine that has seen today's records, for computing without a daemon.
pub fn for_today(ctx: &Context, store: &Store) -> Result<Engine, Failure> {
    Ok(restored(
        ctx,
        ctx.now,
        &store.records_in(DayRange::single(ctx.today()))?,
    ))
}

/// An engine over today's `records` and, when one is open, the manual
/// session since `open_since`: what is true now without a daemon, for
/// `iyashi break`, the room and the web room alike.
pub fn now_with_session(
    ctx: &Context,
    records: &[Record],
    open_since: Option<Timestamp>,
) -> Engine {
    let mut engine = restored(ctx, ctx.now, records);
    if let Some(since) = open_since {
        let _ = engine.step(since, Event::WorkStart);
    }
    engine
}
