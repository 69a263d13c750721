//! The tray item while it is shown: started once, told what to show as the
//! day moves on, stopped with the daemon.
//!
//! Its D-Bus service is one task on the tokio runtime behind
//! `zbus::block_on`, the one the daemon's other D-Bus calls (notifications,
//! do-not-disturb, logind) already start and keep: no thread or runtime of
//! the tray's own stays resident all day.

use std::sync::mpsc::Sender;

use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::tray::TraySays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::Status;
use iyashi_core::season::season_at;
use jiff::Timestamp;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tokio::task::JoinHandle;

use super::bus::{self, Told};
use super::item::Goro;
use super::letter_check::LetterCheck;
use super::view;
use crate::context::Context;
use crate::watch::Input;
use iyashi_app::work::local_time;

/// The tray item, while it is shown.
pub struct Tray {
    tell: UnboundedSender<Told>,
    serving: JoinHandle<()>,
    shown: view::View,
    season: Season,
    /// Looks now and then whether a kind letter waits (letters on only).
    letters: Option<LetterCheck>,
}

impl Tray {
    /// Shows the item. Where no panel takes it yet, says so once (on
    /// standard error) and keeps it ready for one that comes; with no
    /// session bus at all, says so and returns `None`.
    pub fn start(
        ctx: &Context,
        inputs: Sender<Input>,
        status: &Status,
        now: Timestamp,
    ) -> Option<Tray> {
        let mut season = Season::default();
        let shown = view_of(ctx, status, now, season.name(ctx, now), false);
        let goro = Goro::new(ctx.lang, shown.clone(), ctx.config.letters.enabled);
        let (tell, told) = unbounded_channel();
        // Set up on the runtime's own threads: polled here, its deep futures
        // (connecting, registering) would leave this thread's stack touched
        // for good.
        let started = zbus::block_on(async {
            let connected = tokio::spawn(bus::connect()).await.ok()?.ok()?;
            let registered = connected.registered;
            let serving = tokio::spawn(bus::serve(connected, goro, told, inputs));
            Some((registered, serving))
        });
        let Some((registered, serving)) = started else {
            eprintln!("iyashi watch: {}", TraySays::NoTrayHost.render(ctx.lang));
            return None;
        };
        if !registered {
            eprintln!("iyashi watch: {}", TraySays::NoTrayHostYet.render(ctx.lang));
        }
        Some(Tray {
            tell,
            serving,
            shown,
            season,
            letters: LetterCheck::start(ctx.home.dir.clone(), ctx.config.letters.clone()),
        })
    }

    /// Brings the item up to date with `status`; the bus hears of it only
    /// when what it shows has changed.
    pub fn show(&mut self, ctx: &Context, status: &Status, now: Timestamp) {
        let letter_waiting = self.letters.as_ref().is_some_and(LetterCheck::waiting);
        let view = view_of(ctx, status, now, self.season.name(ctx, now), letter_waiting);
        if view != self.shown {
            self.shown = view.clone();
            let _ = self.tell.send(Told::Show(view));
        }
    }

    /// Takes the item off the bus, after whatever it was answering.
    pub fn stop(self) {
        let _ = self.tell.send(Told::Stop);
        let _ = zbus::block_on(self.serving);
    }
}

fn view_of(
    ctx: &Context,
    status: &Status,
    now: Timestamp,
    season: String,
    letter_waiting: bool,
) -> view::View {
    view::view(status, now, ctx.lang, &season, letter_waiting, |t| {
        local_time(ctx, t)
    })
}

/// The micro-season's name, worked out again only when it ends (the Sun's
/// position is not free to compute every few seconds).
#[derive(Default)]
struct Season {
    known: Option<(String, Timestamp)>,
}

impl Season {
    fn name(&mut self, ctx: &Context, now: Timestamp) -> String {
        if self.known.as_ref().is_none_or(|(_, ends)| now >= *ends) {
            self.known = season_at(now).ok().map(|s| {
                let name = SeasonText::Name(Named::Micro(s.micro_season.season)).render(ctx.lang);
                (name, s.micro_season.end)
            });
        }
        self.known
            .as_ref()
            .map(|(name, _)| name.clone())
            .unwrap_or_default()
    }
}
