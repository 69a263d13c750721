//! Work and rest from the command line: `work start|stop`, `break [now]`,
//! `week`. With `iyashi watch` running they speak to it; without, they keep
//! the records themselves through the same engine.

use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::Message;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::BreakKind;
use jiff::SignedDuration;

use super::{print, print_json};
use crate::cli::{BreakArgs, JsonFlag, WorkAction};
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::daemon::Request;
use iyashi_app::engine;
use iyashi_app::work::{ask_daemon, change_work, local_time, WorkChange};

fn say(ctx: &Context, said: WatchSays) -> Result<(), Failure> {
    print(&format!("{}\n", said.render(ctx.lang)))
}

fn secs(s: i64) -> SignedDuration {
    SignedDuration::from_secs(s)
}

pub fn work(ctx: &Context, action: &WorkAction) -> Result<(), Failure> {
    let change = match action {
        WorkAction::Start => WorkChange::Start,
        WorkAction::Stop => WorkChange::Stop,
    };
    say(ctx, change_work(ctx, change)?)
}

pub fn rest(ctx: &Context, args: &BreakArgs) -> Result<(), Failure> {
    let kind = if args.micro {
        BreakKind::Micro
    } else {
        BreakKind::Rest
    };
    if args.now.is_none() {
        return match ask_daemon(ctx, Request::Status)? {
            Some(reply) => match reply.on_break_until {
                Some(until) => say(
                    ctx,
                    WatchSays::OnBreak {
                        left: ctx.now.duration_until(until).max(SignedDuration::ZERO),
                    },
                ),
                // The next breaks only while a session is being counted.
                None if reply.session_start.is_some() => say(
                    ctx,
                    WatchSays::Upcoming {
                        until_micro: secs(reply.until_micro_secs),
                        until_rest: secs(reply.until_rest_secs),
                        worked_today: secs(reply.worked_today_secs),
                    },
                ),
                None => say(
                    ctx,
                    WatchSays::WatchIdle {
                        worked_today: secs(reply.worked_today_secs),
                    },
                ),
            },
            None => {
                let store = ctx.open_store()?;
                let open = store.manual_work()?;
                let records = store.records_in(DayRange::single(ctx.today()))?;
                let worked_today = engine::now_with_session(ctx, &records, open)
                    .status(ctx.now)
                    .worked_today;
                say(
                    ctx,
                    WatchSays::NotWatching {
                        worked_today,
                        since: open.map(|at| local_time(ctx, at)),
                    },
                )
            }
        };
    }
    if iyashi_app::breaks::ask_daemon_for(ctx, kind)?.is_some() {
        return say(ctx, WatchSays::BreakSent);
    }
    super::break_here::rest_here(ctx, kind)
}

pub fn week(ctx: &Context, args: &JsonFlag) -> Result<(), Failure> {
    let summary = iyashi_app::week::week_of(ctx, &ctx.open_store()?, ctx.today())?;
    if args.json {
        return print_json(&summary);
    }
    print(&summary.render_until(ctx.lang, ctx.today()))
}
