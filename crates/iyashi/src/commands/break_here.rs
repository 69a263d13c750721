//! `iyashi break now` without a daemon: the break happens in this terminal.
//! It names its activity in the person's language and counts down; for a
//! breathing activity the countdown line is the breathing pacer, a shape
//! that grows on the in-breath and shrinks on the out-breath.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use iyashi_core::catalogue::activities::{Area, BreakGuide};
use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{Activity, BreakKind};
use iyashi_core::Lang;
use jiff::SignedDuration;

use super::print;
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::breaks;

/// The countdown line `elapsed` whole seconds into the break, `left` to go:
/// the pacer for a breathing activity, the time left for any other.
pub fn countdown_line(
    lang: Lang,
    activity: Activity,
    elapsed: u64,
    left: SignedDuration,
) -> String {
    if activity.guide().area == Area::Breathing {
        BreakGuide::Pace {
            pacer: activity.breath().pacer(elapsed),
            left,
        }
        .render(lang)
    } else {
        WatchSays::BreakLeft { left }.render(lang)
    }
}

/// A break in this terminal, with a countdown; Ctrl-C ends it early. What was
/// rested is recorded either way.
pub fn rest_here(ctx: &Context, kind: BreakKind) -> Result<(), Failure> {
    let length = ctx.config.rhythm.length_of(kind);
    let activity = breaks::activity_now(ctx, &ctx.open_store()?, kind)?;
    let begins = BreakGuide::Begins {
        kind,
        left: length,
        activity,
    }
    .render(ctx.lang);
    let early = WatchSays::EndsEarly.render(ctx.lang);
    // The break is taken whether or not anyone still reads what is said
    // about it (`iyashi break now | head -1`).
    match print(&format!("{begins}\n{early}\n")) {
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
        let elapsed = started.elapsed();
        let left = total.saturating_sub(elapsed);
        if countdown {
            let shown = countdown_line(
                ctx.lang,
                activity,
                elapsed.as_secs(),
                SignedDuration::from_secs(left.as_secs_f64().ceil() as i64),
            );
            let mut out = std::io::stdout();
            let _ = write!(out, "\r\x1b[2K  {shown}");
            let _ = out.flush();
        }
        // Wake on the next whole second of the break, so the pacer keeps the
        // count evenly.
        let to_next_second =
            Duration::from_secs(1) - Duration::from_nanos(u64::from(elapsed.subsec_nanos()));
        std::thread::sleep(left.min(to_next_second));
    }
    let rested = SignedDuration::try_from(started.elapsed().min(total)).unwrap_or(length);
    if countdown {
        let _ = print("\r\x1b[2K");
    }
    record_rested(ctx, kind, activity, rested)
}

/// Keeps a break taken away from the daemon (in a terminal, or on a break
/// screen opened by hand), rested for `rested` (whole seconds), and says so.
fn record_rested(
    ctx: &Context,
    kind: BreakKind,
    activity: Activity,
    rested: SignedDuration,
) -> Result<(), Failure> {
    let rested = SignedDuration::from_secs(rested.as_secs());
    let mut store = ctx.open_store()?;
    breaks::keep_taken(ctx, &mut store, kind, ctx.now, rested, Some(activity))?;
    print(&format!(
        "{}\n",
        WatchSays::BreakTaken { length: rested }.render(ctx.lang)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_breathing_activity_counts_down_with_the_pacer_and_others_with_the_time() {
        let box_breath = Activity::by_id("breath-box").unwrap();
        let left = SignedDuration::from_secs(298);
        let start = countdown_line(Lang::En, box_breath, 0, left);
        let full = countdown_line(Lang::En, box_breath, 3, left);
        assert!(start.starts_with("breathe in  1"), "{start}");
        assert!(full.starts_with("breathe in  4"), "{full}");
        // The shape grows with the in-breath.
        let rings = |s: &str| s.matches('○').count();
        assert!(rings(&full) > rings(&start), "{start} / {full}");
        assert!(countdown_line(Lang::Ja, box_breath, 9, left).starts_with("吐いて"));

        let walk = Activity::by_id("walk-little").unwrap();
        let line = countdown_line(Lang::Ja, walk, 2, left);
        assert!(line.starts_with("あと") && !line.contains('○'), "{line}");
    }
}
