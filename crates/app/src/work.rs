//! Work sessions, the same from every face: through the daemon when one
//! runs, else kept in the journal through the same engine.

use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::Problem;
use iyashi_core::rhythm::{Action, Event};
use iyashi_store::Store;
use jiff::{SignedDuration, Timestamp};

use crate::context::Context;
use crate::daemon::{self, Reply, Request};
use crate::engine;
use crate::failure::Failure;

/// Start or stop a work session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkChange {
    /// A session begins now.
    Start,
    /// The open session ends now.
    Stop,
}

/// Asks the running daemon, if there is one; one that does not answer is
/// the person's to know about.
pub fn ask_daemon(ctx: &Context, request: Request) -> Result<Option<Reply>, Failure> {
    daemon::ask(&ctx.home.watch_socket(), request)
        .map_err(|e| Failure::failed(Problem::WatchUnreachable(e)))
}

/// `hh:mm` of `at` on the context's clock face.
pub fn local_time(ctx: &Context, at: Timestamp) -> String {
    crate::day::hh_mm(at, &ctx.tz)
}

/// Work so far today, as the journal has it.
pub fn worked_today(ctx: &Context, store: &Store) -> Result<SignedDuration, Failure> {
    Ok(engine::for_today(ctx, store)?.status(ctx.now).worked_today)
}

/// Starts or stops a work session, through the daemon when one runs, and
/// says how it went; the one way for `iyashi work` and both rooms.
pub fn change_work(ctx: &Context, change: WorkChange) -> Result<WatchSays, Failure> {
    let request = match change {
        WorkChange::Start => Request::WorkStart,
        WorkChange::Stop => Request::WorkStop,
    };
    if let Some(reply) = ask_daemon(ctx, request)? {
        return Ok(match change {
            WorkChange::Start => WatchSays::WorkStarted {
                at: local_time(ctx, reply.session_start.unwrap_or(ctx.now)),
                watch_runs: true,
            },
            WorkChange::Stop => WatchSays::WorkStopped {
                worked_today: SignedDuration::from_secs(reply.worked_today_secs),
            },
        });
    }
    let mut store = ctx.open_store()?;
    let open = store.manual_work()?;
    match (change, open) {
        (WorkChange::Start, Some(since)) => Ok(WatchSays::WorkAlreadyStarted {
            at: local_time(ctx, since),
        }),
        (WorkChange::Start, None) => {
            store.start_manual_work(ctx.now)?;
            Ok(WatchSays::WorkStarted {
                at: local_time(ctx, ctx.now),
                watch_runs: false,
            })
        }
        (WorkChange::Stop, None) => Ok(WatchSays::WorkNotStarted),
        (WorkChange::Stop, Some(since)) => {
            // The engine cuts the session at the day's rollover and works out
            // overtime, exactly as the daemon would have.
            let mut engine = engine::for_today(ctx, &store)?;
            let mut records = Vec::new();
            for (at, event) in [(since, Event::WorkStart), (ctx.now, Event::WorkStop)] {
                records.extend(engine.step(at, event).into_iter().filter_map(|a| match a {
                    Action::Record(r) => Some(r),
                    _ => None,
                }));
            }
            store.finish_manual_work(&records)?;
            Ok(WatchSays::WorkStopped {
                worked_today: worked_today(ctx, &store)?,
            })
        }
    }
}
