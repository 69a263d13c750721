//! `iyashi break-screen`: the calm window `iyashi watch` opens when a break
//! begins. It is its own short-lived process, so the daemon carries none of
//! the windowing and drawing while no break shows. Its answer ("Done",
//! "N minutes more", Esc, or the countdown's end) goes to the daemon through
//! its socket, the same requests a notification's buttons make.

pub mod draw;
pub mod layout;
pub mod show;
#[cfg(all(target_os = "linux", feature = "screen"))]
mod window;

#[cfg(all(target_os = "linux", feature = "screen"))]
pub use run::run;

/// How the screen was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// "N minutes more", or Esc.
    Later,
    /// "Done", or the window closed by hand.
    Done,
    /// The countdown ran out.
    TimeUp,
}

#[cfg(all(target_os = "linux", feature = "screen"))]
mod run {
    use std::time::Instant;

    use iyashi_app::breaks::keep_taken;
    use iyashi_app::daemon::{ask, Request};
    use iyashi_core::catalogue::Problem;
    use iyashi_core::config::ScreenMode;
    use iyashi_core::rhythm::{Activity, BreakKind};
    use jiff::SignedDuration;

    use super::draw::{Offer, View};
    use super::show::Show;
    use super::{window, Closed};
    use crate::context::Context;
    use crate::failure::Failure;

    /// What `watch` (or a person) asked the screen to show.
    #[derive(Debug)]
    pub struct Asked {
        pub kind: BreakKind,
        /// The activity's id; the day's own choice when none.
        pub activity: Option<String>,
        /// The break's length; the configured one when none.
        pub seconds: Option<u32>,
        /// How often this break was put off already.
        pub postponed: u8,
        pub fullscreen: bool,
        /// Say on standard error when the first frame is up (the benchmark).
        pub report_first_frame: bool,
    }

    /// Shows the break until it is answered or over, then tells the daemon.
    pub fn run(ctx: &Context, args: &Asked) -> Result<(), Failure> {
        let began = Instant::now();
        let kind = args.kind;
        let activity = match &args.activity {
            Some(id) => Activity::by_id(id)
                .ok_or_else(|| Failure::bad_input(Problem::UnknownActivity(id.clone())))?,
            None => Activity::pick(kind, ctx.today(), &[]),
        };
        let rhythm = &ctx.config.rhythm;
        let length = args.seconds.map_or(rhythm.length_of(kind), |s| {
            SignedDuration::from_secs(i64::from(s))
        });
        let offer = if rhythm.strict {
            Offer::None { length }
        } else {
            let can_postpone = args.postponed < rhythm.max_postpones;
            Offer::Buttons {
                later: can_postpone.then_some(rhythm.postpone),
            }
        };
        let view = View {
            lang: ctx.lang,
            kind,
            activity,
            left: length,
            elapsed: 0,
            goro: iyashi_art::room::Shown::at_home("goro.sit", 0),
            offer,
            hover: None,
            focus: None,
        };
        let show = Show::new(view, length, ctx.config.room.motion);
        let setup = window::Setup {
            fullscreen: args.fullscreen || ctx.config.breaks.screen == ScreenMode::Fullscreen,
            report_first_frame: args.report_first_frame.then_some(began),
        };
        let closed =
            window::run(show, setup).map_err(|why| Failure::failed(Problem::NoBreakWindow(why)))?;
        let request = match closed {
            Closed::Later => Request::Later,
            Closed::Done | Closed::TimeUp => Request::Finished,
        };
        let rested = SignedDuration::try_from(began.elapsed())
            .unwrap_or(length)
            .min(length);
        match ask(&ctx.home.watch_socket(), request) {
            Ok(Some(_)) => Ok(()),
            // Opened by hand, with no daemon: the rest is kept all the same.
            Ok(None) if request == Request::Finished => {
                let mut store = ctx.open_store()?;
                keep_taken(ctx, &mut store, kind, ctx.now, rested, Some(activity))
            }
            Ok(None) => Ok(()),
            Err(reason) => Err(Failure::failed(Problem::WatchUnreachable(reason))),
        }
    }
}

#[cfg(all(target_os = "linux", feature = "screen"))]
pub use run::Asked;

#[cfg(test)]
mod tests;
