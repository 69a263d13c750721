//! `iyashi watch`: the rhythm daemon.
//!
//! One loop, one thread of decisions: it sleeps on a channel until the next
//! thing it must do (a reading of the activity source, an instant the engine
//! asked to be woken at, a periodic save) or until something arrives (a
//! request on the socket, a notification's answer, SIGTERM). Everything else
//! (the socket, notification answers, signals) lives on small threads that
//! only send into that channel.

#[cfg(not(all(
    target_os = "linux",
    feature = "x11",
    feature = "wayland",
    feature = "dbus",
    feature = "devices"
)))]
mod absent;
mod activity;
pub mod control;
mod install;
mod situation;
mod tray;

// The desktop's sources, each behind a cargo feature (all on by default) and
// built on Linux only; elsewhere, or with the feature off, a stand-in that is
// never there takes its place.
#[cfg(not(all(target_os = "linux", feature = "wayland")))]
use absent::wayland;
#[cfg(not(all(target_os = "linux", feature = "devices")))]
use absent::{camera, microphone};
#[cfg(not(all(target_os = "linux", feature = "dbus")))]
use absent::{dnd, logind, notify};
#[cfg(not(all(target_os = "linux", feature = "x11")))]
use absent::{window, x11};
#[cfg(all(target_os = "linux", feature = "devices"))]
mod camera;
#[cfg(all(target_os = "linux", feature = "dbus"))]
mod dnd;
#[cfg(all(target_os = "linux", feature = "dbus"))]
mod logind;
#[cfg(all(target_os = "linux", feature = "devices"))]
mod microphone;
#[cfg(all(target_os = "linux", feature = "dbus"))]
mod notify;
#[cfg(all(target_os = "linux", feature = "wayland"))]
mod wayland;
#[cfg(all(target_os = "linux", feature = "x11"))]
mod window;
#[cfg(all(target_os = "linux", feature = "x11"))]
mod x11;

use std::fs::{File, TryLockError};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};

use iyashi_core::catalogue::quiet::Sees;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::watch::WatchSays;
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::day::DayRange;
use iyashi_core::rhythm::{Action, Calendar, Engine, Event, Reasons};
use iyashi_core::Clock;
use iyashi_store::Store;
use jiff::{SignedDuration, Timestamp};

pub use activity::SourceChoice;
use iyashi_app::daemon::{Reply, Request};
use notify::Notifier;
use situation::Situation;

use crate::context::Context;
use crate::failure::Failure;
use crate::home::Home;

/// How often the open session is saved, so `iyashi week` and the room see
/// it and a power cut loses at most this much.
const SAVE_EVERY: SignedDuration = SignedDuration::from_mins(5);

/// An answer from a notification's buttons (only D-Bus notifications have
/// buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(all(target_os = "linux", feature = "dbus")), allow(dead_code))]
pub enum Answer {
    TakeBreak,
    Later,
    Skip,
}

/// What wakes the loop.
pub enum Input {
    Request(Request, Sender<Reply>),
    #[cfg_attr(not(all(target_os = "linux", feature = "dbus")), allow(dead_code))]
    Answer(Answer),
    /// A choice from the tray's menu (none in a build without one).
    #[cfg_attr(not(all(target_os = "linux", feature = "tray")), allow(dead_code))]
    Tray(tray::Choice),
    Stop,
}

/// Holds the one-per-home lock for as long as it lives.
struct Lock(#[allow(dead_code)] File);

fn lock(home: &Home) -> Result<Lock, Failure> {
    let path = home.watch_lock();
    let cannot = |e: std::io::Error| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    };
    iyashi_store::private::create_dir(&home.dir).map_err(cannot)?;
    let file = iyashi_store::private::open_or_create(&path).map_err(cannot)?;
    match file.try_lock() {
        Ok(()) => Ok(Lock(file)),
        Err(TryLockError::WouldBlock) => Err(Failure::failed(Problem::WatchRunning {
            home: home.dir.display().to_string(),
        })),
        Err(TryLockError::Error(e)) => Err(cannot(e)),
    }
}

/// Runs the daemon until it is stopped (or, with `install`, writes the
/// user service that runs it).
pub fn run(
    ctx: &Context,
    source: Option<SourceChoice>,
    install: bool,
    no_tray: bool,
) -> Result<(), Failure> {
    if install {
        return install::write_unit(ctx);
    }
    let _lock = lock(&ctx.home)?;
    let mut source = activity::pick(source).map_err(|(name, reason)| {
        Failure::failed(Problem::SourceUnavailable {
            source: name.render(ctx.lang),
            reason,
        })
    })?;
    // The daemon's work is reminding, not printing: whoever reads its
    // output (a terminal, the journal, a pipe) may go, and it watches on.
    let _ = crate::output::print(&format!(
        "{}\n",
        WatchSays::Watching(source.name()).render(ctx.lang)
    ));
    let mut situation = Situation::open(&ctx.config.rhythm.quiet);
    let (seen, missing) = situation.sources();
    let sees = Sees {
        seen: seen.to_vec(),
        missing: missing.to_vec(),
    };
    let _ = crate::output::print(&format!("{}\n", sees.render(ctx.lang)));

    let clock = &ctx.clock;
    let mut store = ctx.open_store()?;
    let calendar = Calendar::new(ctx.tz.clone(), ctx.rollover);
    let mut engine = Engine::new(ctx.config.rhythm.clone(), calendar.clone());
    let started = clock.now();
    let today = DayRange::single(calendar.day_of(started));
    engine.restore(started, &store.records_in(today)?);
    engine.step(started, Event::QuietUntil(store.quiet_until()?));

    let (inputs, events) = mpsc::channel();
    let socket = ctx.home.watch_socket();
    control::serve(&socket, inputs.clone()).map_err(|e| {
        Failure::failed(Problem::CannotWrite {
            path: socket.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    stop_on_signals(inputs.clone());
    let mut notifier = Notifier::new(ctx.lang, inputs.clone());
    let mut tray = match ctx.config.tray.enabled && !no_tray {
        true => tray::Tray::start(ctx, inputs, &engine.status(started), started),
        false => None,
    };
    let mut web_room = tray::WebRoom::default();
    let mut daemon = Daemon {
        engine: &mut engine,
        store: &mut store,
        notifier: &mut notifier,
        wake_at: None,
    };
    // A session opened with `iyashi work start` before the daemon ran goes on.
    if daemon.store.manual_work()?.is_some() {
        daemon.step(started, Event::WorkStart)?;
    }

    let sample_every = sample_interval(&ctx.config.rhythm.micro_break_length);
    let look_every = look_interval(sample_every);
    let mut next_sample = started;
    let mut next_save = started + SAVE_EVERY;
    let mut looked: Option<(Timestamp, Reasons)> = None;
    loop {
        let now = clock.now();
        let deadline = [Some(next_sample), daemon.wake_at, Some(next_save)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(next_save);
        let wait = now.duration_until(deadline).unsigned_abs();
        match events.recv_timeout(wait) {
            Ok(Input::Stop) | Err(RecvTimeoutError::Disconnected) => break,
            Ok(Input::Request(request, reply)) => {
                let now = clock.now();
                if let Some(event) = request.event() {
                    daemon.step(now, event)?;
                }
                let _ = reply.send(Reply::of(&daemon.engine.status(now)));
            }
            Ok(Input::Answer(answer)) => {
                let event = match answer {
                    Answer::TakeBreak => Event::TakeBreak,
                    Answer::Later => Event::Later,
                    Answer::Skip => Event::Skip,
                };
                daemon.step(clock.now(), event)?;
            }
            Ok(Input::Tray(choice)) => {
                let then = daemon.choose(ctx, choice, clock.now(), &mut web_room)?;
                if then == tray::Then::Quit {
                    break;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let now = clock.now();
        let woken = daemon.wake_at.is_some_and(|at| at <= now);
        if now >= next_sample || woken {
            // Looking at the situation costs a little, so only when a
            // break is near, waiting, or a pause might be a call.
            let stale = |every| looked.is_none_or(|(at, _)| now.duration_since(at) >= every);
            let matters = daemon.engine.situation_matters(now, now + sample_every);
            if matters
                && (stale(look_every) || (due_now(daemon.engine, now) && stale(sample_every)))
            {
                let reasons = situation.look();
                if looked.is_none_or(|(_, before)| before != reasons) {
                    daemon.step(now, Event::Situation(reasons))?;
                }
                looked = Some((now, reasons));
            }
        }
        if now >= next_sample || woken {
            next_sample = now + sample_every;
            daemon.wake_at = None;
            match source.idle_for() {
                Ok(Some(idle)) => {
                    let idle_for = SignedDuration::try_from(idle).unwrap_or(SignedDuration::MAX);
                    daemon.step(now, Event::Activity { idle_for })?;
                }
                Ok(None) => daemon.step(now, Event::Tick)?,
                // The source's own words are English; the catalogue's are not.
                Err(_) => {
                    eprintln!(
                        "iyashi watch: {}",
                        WatchSays::SourceLost(source.name()).render(ctx.lang)
                    );
                    daemon.step(now, Event::Tick)?;
                }
            }
        }
        if now >= next_save {
            next_save = now + SAVE_EVERY;
            daemon.store.record(&daemon.engine.checkpoint())?;
        }
        if let Some(tray) = &mut tray {
            tray.show(ctx, &daemon.engine.status(now), now);
        }
    }
    if let Some(tray) = tray {
        tray.stop();
    }
    web_room.stop();
    daemon.notifier.dismiss();
    daemon.store.record(&daemon.engine.checkpoint())?;
    let _ = std::fs::remove_file(&socket);
    let _ = crate::output::print(&format!("{}\n", WatchSays::Stopped.render(ctx.lang)));
    Ok(())
}

/// The engine and what carries out its actions.
struct Daemon<'a> {
    engine: &'a mut Engine,
    store: &'a mut Store,
    notifier: &'a mut Notifier,
    wake_at: Option<Timestamp>,
}

impl Daemon<'_> {
    fn step(&mut self, now: Timestamp, event: Event) -> Result<(), Failure> {
        let mut records = Vec::new();
        for action in self.engine.step(now, event) {
            match action {
                Action::ShowBreak(prompt) => self.notifier.ask(&prompt),
                Action::StartBreak {
                    kind,
                    until,
                    activity,
                    ..
                } => {
                    self.notifier.dismiss();
                    self.notifier
                        .resting(kind, now.duration_until(until), activity);
                }
                Action::EndBreak { text, .. } | Action::Notify(text) => self.notifier.tell(&text),
                Action::DismissBreak => self.notifier.dismiss(),
                Action::Record(record) => records.push(record),
                Action::WakeAt(at) => self.wake_at = Some(at),
            }
        }
        if !records.is_empty() {
            self.store.record(&records)?;
        }
        Ok(())
    }
}

/// Readings often enough to see a micro-break's pause, and never more than
/// about one wakeup a second.
fn sample_interval(micro_break_length: &SignedDuration) -> SignedDuration {
    (*micro_break_length / 2).clamp(SignedDuration::from_secs(1), SignedDuration::from_secs(10))
}

/// How often the situation may be looked at while it matters: a few
/// readings apart, at most every half minute.
fn look_interval(sample_every: SignedDuration) -> SignedDuration {
    (sample_every * 3).clamp(SignedDuration::from_secs(3), SignedDuration::from_secs(30))
}

/// A break is due (or waiting) right now, so the situation must be fresh.
fn due_now(engine: &Engine, now: Timestamp) -> bool {
    let status = engine.status(now);
    status.active && (status.until_micro.is_zero() || status.until_rest.is_zero())
}

/// SIGTERM and SIGINT end the loop cleanly, so the open session is saved.
fn stop_on_signals(inputs: Sender<Input>) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT]) {
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = inputs.send(Input::Stop);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_come_at_most_once_a_second() {
        let s = |secs| SignedDuration::from_secs(secs);
        assert_eq!(sample_interval(&s(20)), s(10));
        assert_eq!(sample_interval(&s(1)), s(1));
        assert_eq!(sample_interval(&s(300)), s(10));
    }
}
