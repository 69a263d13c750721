//! `iyashi watch`: the rhythm daemon on this desktop.
//!
//! The loop itself, one thread of decisions, is the application layer's
//! ([`iyashi_app::watch`]); this face hands it the desktop's senses (the
//! activity source, the situation), its voice (notifications), the tray,
//! and a channel that the socket, the notifications' answers, the tray and
//! the signals send into from their own small threads.

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
pub mod program;
mod screen;
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
use std::sync::mpsc::{self, Sender};

use iyashi_core::catalogue::quiet::Sees;
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::watch::{SourceName, WatchSays};
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::rhythm::{Activity, BreakKind, BreakPrompt};
use iyashi_core::Clock;
use jiff::{SignedDuration, Timestamp};

pub use activity::SourceChoice;
use iyashi_app::watch::{self as rhythm_loop, Face, Senses, Then, Voice};
use notify::Notifier;
use situation::Situation;

use crate::context::Context;
use crate::failure::Failure;
use crate::home::Home;

/// What wakes the daemon's loop; the face's own choices come from the tray.
pub type Input = rhythm_loop::Input<tray::Choice>;

/// The daemon as this face runs it: speaking through notifications, and
/// showing a break on its own screen.
pub type Daemon = rhythm_loop::Daemon<DesktopVoice>;

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
    let started = clock.now();
    let (inputs, mut events) = mpsc::channel();
    let voice = DesktopVoice {
        notifier: Notifier::new(ctx.lang, inputs.clone()),
        screen: screen::BreakScreen::new(ctx.config.breaks.clone(), ctx.lang),
    };
    let mut daemon = Daemon::start(ctx, ctx.open_store()?, voice, started)?;
    let socket = ctx.home.watch_socket();
    control::serve(&socket, inputs.clone()).map_err(|e| {
        Failure::failed(Problem::CannotWrite {
            path: socket.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    stop_on_signals(inputs.clone());
    let mut face = Desktop {
        ctx,
        tray: match ctx.config.tray.enabled && !no_tray {
            true => tray::Tray::start(ctx, inputs, &daemon.engine.status(started), started),
            false => None,
        },
        web_room: tray::WebRoom::default(),
    };
    let senses = Senses {
        activity: source.as_mut(),
        situation: &mut situation,
    };
    let watched = daemon.run(clock, senses, &mut events, &mut face);
    if let Some(tray) = face.tray {
        tray.stop();
    }
    face.web_room.stop();
    watched?;
    let _ = std::fs::remove_file(&socket);
    let _ = crate::output::print(&format!("{}\n", WatchSays::Stopped.render(ctx.lang)));
    Ok(())
}

/// The desktop's additions to the loop: the tray's menu and face, and the
/// web room it may open.
struct Desktop<'a> {
    ctx: &'a Context,
    tray: Option<tray::Tray>,
    web_room: tray::WebRoom,
}

impl Face<DesktopVoice> for Desktop<'_> {
    type Choice = tray::Choice;

    fn choose(
        &mut self,
        daemon: &mut Daemon,
        choice: tray::Choice,
        now: Timestamp,
    ) -> Result<Then, Failure> {
        tray::choose(daemon, self.ctx, choice, now, &mut self.web_room)
    }

    fn show(&mut self, daemon: &Daemon, now: Timestamp) {
        if let Some(tray) = &mut self.tray {
            tray.show(self.ctx, &daemon.engine.status(now), now);
        }
    }
}

/// Piyo's notifications, and the break screen beside them.
pub struct DesktopVoice {
    notifier: Notifier,
    screen: screen::BreakScreen,
}

// Only the tray asks for words with a heading of their own.
#[cfg(all(target_os = "linux", feature = "tray"))]
impl DesktopVoice {
    /// Something asked for from the tray, with its own heading.
    pub fn say(&mut self, summary: &str, body: &str) {
        self.notifier.say(summary, body);
    }
}

impl Voice for DesktopVoice {
    fn ask(&mut self, prompt: &BreakPrompt) {
        self.notifier.ask(prompt);
    }

    fn resting(&mut self, kind: BreakKind, left: SignedDuration, activity: Activity) {
        self.notifier.resting(kind, left, activity);
    }

    fn tell(&mut self, text: &Piyo) {
        self.notifier.tell(text);
    }

    /// A prompt answered or a break put off: neither its notification nor
    /// its screen stays up.
    fn dismiss(&mut self) {
        self.notifier.dismiss();
        self.screen.close();
    }

    // The source's own words are English; the catalogue's are not.
    fn source_lost(&mut self, source: SourceName) {
        crate::output::tell(
            "iyashi watch",
            &WatchSays::SourceLost(source).render(self.notifier.lang()),
        );
    }

    fn show_break(
        &mut self,
        kind: BreakKind,
        left: SignedDuration,
        activity: Activity,
        postponed: u8,
    ) {
        self.screen.open(kind, left, activity, postponed);
    }

    fn break_over(&mut self) {
        self.screen.close();
    }
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
