//! "Write a small joy" from the tray: starts `iyashi joy-window`, its own
//! short-lived process, and lets a small thread wait for it to end, so the
//! daemon's loop never waits and no finished window is left a zombie.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use iyashi_core::Lang;

/// A joy window is showing: a second choice does not open another.
static SHOWING: AtomicBool = AtomicBool::new(false);

/// Whether there is a desktop to open a window on.
pub fn desktop_here() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// Opens the window with `program` (this iyashi) in `lang`; false if it
/// could not be started.
pub fn open(program: &Path, lang: Lang) -> bool {
    if SHOWING.swap(true, Ordering::SeqCst) {
        return true;
    }
    let started = Command::new(program)
        .args(["--lang", lang.code(), "joy-window"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // A window that cannot open says why, in watch's own log.
        .stderr(Stdio::inherit())
        .spawn();
    match started {
        Ok(mut child) => {
            std::thread::spawn(move || {
                let _ = child.wait();
                SHOWING.store(false, Ordering::SeqCst);
            });
            true
        }
        Err(_) => {
            SHOWING.store(false, Ordering::SeqCst);
            false
        }
    }
}
