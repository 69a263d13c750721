//! "Write a small joy" from the tray: starts `iyashi joy-window`, its own
//! short-lived process, and lets a small thread wait for it to end, so the
//! daemon's loop never waits and no finished window is left a zombie.
//! Chosen again while it shows, the same window comes to the front (the
//! daemon asks it with `RAISE`; it raises itself), so there is never a
//! second one with half a joy in the first.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use iyashi_core::Lang;
use rustix::fd::OwnedFd;
use rustix::process::{pidfd_open, pidfd_send_signal, Pid, PidfdFlags, Signal};

/// The signal that asks a showing joy window to come to the front. The
/// window listens for it from its first instant; before that a person could
/// not have seen the window to choose it again.
const RAISE: Option<Signal> = Signal::from_named_raw(crate::opener::RAISE_WINDOW);

/// The joy window showing, if one is.
static SHOWING: Mutex<Option<Showing>> = Mutex::new(None);

struct Showing {
    /// Its process number: the thread that waits for it clears only its own.
    id: u32,
    /// The same process as a pidfd, so a signal can never reach another
    /// that took its number after it ended (none on a kernel older than
    /// 5.3: then a second choice does nothing).
    pidfd: Option<OwnedFd>,
}

/// Whether there is a desktop to open a window on.
pub fn desktop_here() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// Opens the window with `program` (this iyashi) in `lang`, or brings the
/// one showing to the front; false if it could not be started.
pub fn open(program: &Path, lang: Lang) -> bool {
    let Ok(mut showing) = SHOWING.lock() else {
        return false;
    };
    if let Some(window) = showing.as_ref() {
        let Some(pidfd) = &window.pidfd else {
            return true;
        };
        if RAISE.is_some_and(|raise| pidfd_send_signal(pidfd, raise).is_ok()) {
            return true;
        }
        // It ended a moment ago, before its waiter said so: open anew.
    }
    let started = Command::new(program)
        .args(["--lang", lang.code(), "joy-window"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // A window that cannot open says why, in watch's own log.
        .stderr(Stdio::inherit())
        .spawn();
    let Ok(mut child) = started else {
        return false;
    };
    let id = child.id();
    // Not yet waited for, so the number is still the window's.
    let pidfd = i32::try_from(id)
        .ok()
        .and_then(Pid::from_raw)
        .and_then(|pid| pidfd_open(pid, PidfdFlags::empty()).ok());
    *showing = Some(Showing { id, pidfd });
    std::thread::spawn(move || {
        let _ = child.wait();
        if let Ok(mut showing) = SHOWING.lock() {
            if showing.as_ref().is_some_and(|s| s.id == id) {
                *showing = None;
            }
        }
    });
    true
}
