//! Work and rest from the command line: `work start|stop`, `break [now]`,
//! `week`. With `iyashi watch` running they speak to it; without, they keep
//! the records themselves through the same engine.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::Message;
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{BreakKind, BreakOutcome, BreakRecord, Record, WeekSummary};
use jiff::SignedDuration;

use super::{print, print_json};
use crate::cli::{BreakArgs, JsonFlag, WorkAction};
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::daemon::Request;
use iyashi_app::work::{ask_daemon, change_work, engine_now, local_time, WorkChange};

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
                let worked_today = engine_now(ctx, &records, open).status(ctx.now).worked_today;
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
    if ask_daemon(ctx, Request::BreakNow { kind })?.is_some() {
        return say(ctx, WatchSays::BreakSent);
    }
    rest_here(ctx, kind)
}

/// A break in this terminal, with a countdown; Ctrl-C ends it early. What was
/// rested is recorded either way.
fn rest_here(ctx: &Context, kind: BreakKind) -> Result<(), Failure> {
    let length = ctx.config.rhythm.length_of(kind);
    // The break is taken whether or not anyone still reads what is said
    // about it (`iyashi break now | head -1`).
    match say(ctx, WatchSays::BreakBegins { length }) {
        Err(f) if !f.reader_gone() => return Err(f),
        _ => {}
    }
    // The countdown rewrites one line in place, which only a terminal can
    // show; anywhere else the beginning and the end are enough.
    let countdown = std::io::stdout().is_terminal();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    let started = std::time::Instant::now();
    let total = length.unsigned_abs();
    while !stop.load(Ordering::Relaxed) && started.elapsed() < total {
        let left = total.saturating_sub(started.elapsed());
        let shown = WatchSays::BreakLeft {
            left: SignedDuration::from_secs(left.as_secs_f64().ceil() as i64),
        }
        .render(ctx.lang);
        if countdown {
            let mut out = std::io::stdout();
            let _ = write!(out, "\r\x1b[2K  {shown}");
            let _ = out.flush();
        }
        std::thread::sleep(left.min(Duration::from_secs(1)));
    }
    let rested = SignedDuration::try_from(started.elapsed().min(total)).unwrap_or(length);
    if countdown {
        let _ = print("\r\x1b[2K");
    }
    let record = Record::Break(BreakRecord {
        day: ctx.today(),
        kind,
        outcome: BreakOutcome::Taken,
        at: ctx.now,
        length: SignedDuration::from_secs(rested.as_secs()),
        postponed: 0,
        asked: false,
        activity: None,
    });
    ctx.open_store()?.record(&[record])?;
    say(
        ctx,
        WatchSays::BreakTaken {
            length: SignedDuration::from_secs(rested.as_secs()),
        },
    )
}

pub fn week(ctx: &Context, args: &JsonFlag) -> Result<(), Failure> {
    let range = DayRange::week_of(ctx.today());
    let records = ctx.open_store()?.records_in(range)?;
    let summary = WeekSummary::from_records(range, &records, &ctx.config.rhythm);
    if args.json {
        return print_json(&summary);
    }
    print(&summary.render(ctx.lang))
}
