//! `iyashi desk`: Goro on the desktop. A small borderless window, above
//! the others at the bottom edge of the screen, where he lounges and
//! breathes in stop-motion and reacts to the day as in the room: he looks
//! up when a break is asking, naps while one is under way and sleeps in
//! quiet or outside working hours. He can be dragged aside and stays where
//! he was put; Esc, q or a right-click closes the window. Run again while
//! he shows, `iyashi desk` brings him to the front. Like the break screen
//! it is its own process, so `iyashi watch` carries no windowing.
//!
//! The whole module is built only with windows (Linux, the cargo feature
//! `screen`): nothing else uses it.

mod draw;
mod mood;
mod place;
mod play;
mod window;

pub use run::run;

mod run {
    use std::fs::{File, TryLockError};
    use std::io::Write;
    use std::path::Path;
    use std::time::Instant;

    use iyashi_core::catalogue::desk::DeskSays;
    use iyashi_core::catalogue::system::SystemReason;
    use iyashi_core::catalogue::{Message, Problem};

    use rustix::process::{pidfd_open, pidfd_send_signal, Pid, PidfdFlags, Signal};

    use super::play::Play;
    use super::window::{self, Setup};
    use crate::canvas::raise;
    use crate::context::Context;
    use crate::failure::Failure;

    /// Shows Goro until he is closed; with Goro there already, brings him
    /// to the front.
    pub fn run(ctx: &Context, report_first_frame: bool) -> Result<(), Failure> {
        let began = Instant::now();
        // Before the lock names this process: from then on a second desk
        // may send RAISE, whose default would end this one.
        let raise = raise::listen().map_err(|e| Failure::failed(Problem::NoDesk(e.to_string())))?;
        let Some(_lock) = one_desk(ctx)? else {
            let said = if to_front(&ctx.home.desk_lock()) {
                DeskSays::ComesForward
            } else {
                DeskSays::AlreadyThere
            };
            println!("{}", said.render(ctx.lang));
            return Ok(());
        };
        let seed = ctx.now.as_second().unsigned_abs();
        let setup = Setup {
            lang: ctx.lang,
            socket: ctx.home.watch_socket(),
            place: ctx.home.desk_place(),
            play: Play::new(seed, ctx.config.room.motion),
            report_first_frame: report_first_frame.then_some(began),
        };
        window::run(setup, raise).map_err(|why| Failure::failed(Problem::NoDesk(why)))
    }

    /// Asks the desk named in `lock` to come to the front; false when it
    /// cannot be asked (it is only now starting, or ending).
    fn to_front(lock: &Path) -> bool {
        let holder = || {
            std::fs::read_to_string(lock)
                .ok()
                .and_then(|id| id.trim().parse::<i32>().ok())
        };
        let Some(id) = holder() else {
            return false;
        };
        let Some(pidfd) =
            Pid::from_raw(id).and_then(|pid| pidfd_open(pid, PidfdFlags::empty()).ok())
        else {
            return false;
        };
        // Still the holder's number once the pidfd is open: the pidfd is
        // then that desk, never another process that took the number after
        // it ended.
        let raise = Signal::from_named_raw(crate::opener::RAISE_WINDOW);
        holder() == Some(id) && raise.is_some_and(|raise| pidfd_send_signal(&pidfd, raise).is_ok())
    }

    /// The lock that keeps one desk window per home, or `None` while
    /// another holds it. It holds this process's id, so the tray's toggle
    /// can ask this window to go.
    fn one_desk(ctx: &Context) -> Result<Option<File>, Failure> {
        let path = ctx.home.desk_lock();
        let cannot = |e: std::io::Error| {
            Failure::failed(Problem::CannotWrite {
                path: path.display().to_string(),
                reason: SystemReason::of_io(&e),
            })
        };
        iyashi_store::private::create_dir(&ctx.home.dir).map_err(cannot)?;
        let file = iyashi_store::private::open_or_create(&path).map_err(cannot)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0).map_err(cannot)?;
                (&file)
                    .write_all(std::process::id().to_string().as_bytes())
                    .map_err(cannot)?;
                Ok(Some(file))
            }
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(cannot(e)),
        }
    }
}

#[cfg(test)]
mod tests;
