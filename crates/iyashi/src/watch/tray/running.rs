//! The tray item while it is shown: started once, told what to show as the
//! day moves on, stopped with the daemon.
//!
//! Its D-Bus service runs as tasks on the tokio runtime behind
//! `zbus::block_on`, the one the daemon's other D-Bus calls (notifications,
//! do-not-disturb, logind) already start and keep. A thread and a runtime
//! of the tray's own (ksni's blocking API) kept another stack, malloc arena
//! and scheduler resident all day.

use std::sync::mpsc::Sender;

use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::tray::TraySays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::Status;
use iyashi_core::season::season_at;
use jiff::Timestamp;
use ksni::TrayMethods;

use super::item::GoroItem;
use super::letter_check::LetterCheck;
use super::view;
use crate::context::Context;
use crate::watch::Input;
use iyashi_app::work::local_time;

/// The tray item, while it is shown.
pub struct Tray {
    handle: ksni::Handle<GoroItem>,
    shown: view::View,
    season: Season,
    /// Looks now and then whether a kind letter waits (letters on only).
    letters: Option<LetterCheck>,
}

impl Tray {
    /// Shows the item, or says once (on standard error) that there is no
    /// tray here and returns `None`.
    pub fn start(
        ctx: &Context,
        inputs: Sender<Input>,
        status: &Status,
        now: Timestamp,
    ) -> Option<Tray> {
        let mut season = Season::default();
        let shown = view_of(ctx, status, now, season.name(ctx, now), false);
        let letters_on = ctx.config.letters.enabled;
        let item = GoroItem::new(ctx.lang, inputs, shown.clone(), letters_on);
        // Set up on the runtime's own threads: polled here, its deep futures
        // (connecting, serving, registering) would leave this thread's stack
        // touched for good.
        let spawned = zbus::block_on(async { tokio::spawn(item.spawn()).await });
        match spawned {
            Ok(Ok(handle)) => Some(Tray {
                handle,
                shown,
                season,
                letters: LetterCheck::start(ctx.home.dir.clone(), ctx.config.letters.clone()),
            }),
            Ok(Err(_)) | Err(_) => {
                eprintln!("iyashi watch: {}", TraySays::NoTrayHost.render(ctx.lang));
                None
            }
        }
    }

    /// Brings the item up to date with `status`; the bus hears of it only
    /// when what it shows has changed.
    pub fn show(&mut self, ctx: &Context, status: &Status, now: Timestamp) {
        let letter_waiting = self.letters.as_ref().is_some_and(LetterCheck::waiting);
        let view = view_of(ctx, status, now, self.season.name(ctx, now), letter_waiting);
        if view != self.shown {
            self.shown = view.clone();
            zbus::block_on(self.handle.update(|item| item.show(view)));
        }
    }

    pub fn stop(self) {
        // A click may still be answering (Quit is one) on another of the
        // runtime's threads: waiting until it lets go of the item gives its
        // reply the best chance to leave before the connection closes. It
        // can still be lost (the reply is sent after the click is handled);
        // panels do not wait for it, and the choice itself is already made.
        zbus::block_on(async {
            self.handle.update(|_| ()).await;
            self.handle.shutdown().await;
        });
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
