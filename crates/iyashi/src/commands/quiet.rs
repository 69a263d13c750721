//! `iyashi quiet 30m|1h|2h|today|off` and `iyashi why`: holding reminders
//! back for a while, and saying in plain words what comes next and why.

use iyashi_core::catalogue::quiet::{QuietSays, Why};
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{Calendar, Event, Record};
use jiff::{SignedDuration, Timestamp};

use super::{print, print_json};
use crate::cli::{JsonFlag, QuietArgs};
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::daemon::Request;
use iyashi_app::work::{ask_daemon, engine_for_today, local_time};

/// What the person asked for.
enum Span {
    Off,
    Today,
    For(SignedDuration),
}

fn read_span(text: &str) -> Result<Span, Failure> {
    let bad = || Failure::bad_input(Problem::BadQuietSpan(text.to_string()));
    match text.trim().to_ascii_lowercase().as_str() {
        "off" => Ok(Span::Off),
        "today" => Ok(Span::Today),
        other => {
            let length: SignedDuration = other.parse().map_err(|_| bad())?;
            if length <= SignedDuration::ZERO || length > SignedDuration::from_hours(24) {
                return Err(bad());
            }
            Ok(Span::For(length))
        }
    }
}

pub fn quiet(ctx: &Context, args: &QuietArgs) -> Result<(), Failure> {
    let span = read_span(&args.span)?;
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    let until = match span {
        Span::Off => None,
        Span::Today => Some(calendar.end_of(ctx.today())),
        Span::For(length) => Some(ctx.now + length),
    };
    let mut store = ctx.open_store()?;
    let was_on = store.quiet_until()?.is_some_and(|t| t > ctx.now);
    store.set_quiet_until(until)?;
    // The daemon, when it runs, holds prompts from now; it reads the store
    // when it starts otherwise.
    ask_daemon(ctx, Request::Quiet { until })?;
    let said = match (span, until) {
        (Span::Today, Some(until)) => QuietSays::Today {
            until: local_time(ctx, until),
        },
        (Span::For(length), Some(until)) => QuietSays::Until {
            until: local_time(ctx, until),
            length,
        },
        _ if was_on => QuietSays::Off,
        _ => QuietSays::WasOff,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_lengths_up_to_a_day_today_or_off() {
        assert!(matches!(read_span("30m"), Ok(Span::For(d)) if d == SignedDuration::from_mins(30)));
        assert!(matches!(read_span("1h"), Ok(Span::For(d)) if d == SignedDuration::from_hours(1)));
        assert!(
            matches!(read_span("1h 30m"), Ok(Span::For(d)) if d == SignedDuration::from_mins(90))
        );
        assert!(matches!(read_span("Today"), Ok(Span::Today)));
        assert!(matches!(read_span("off"), Ok(Span::Off)));
        for bad in ["", "forever", "-1h", "0m", "25h", "1w"] {
            assert!(read_span(bad).is_err(), "{bad}");
        }
    }
}
