//! "Goro on the desktop" from the tray: starts `iyashi desk`, its own
//! process, or, while Goro is on the desktop (put there from here or by
//! hand), asks that window to go. The desk window holds a lock in the home
//! with its process id in it: the lock says whether he is there, and the
//! id which process to ask.

use std::fs::{File, TryLockError};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use iyashi_app::home::Home;
use iyashi_core::Lang;
use rustix::process::{kill_process, Pid, Signal};

/// The process showing Goro on the desktop, if one is.
fn showing(home: &Home) -> Option<Pid> {
    let mut file = File::open(home.desk_lock()).ok()?;
    match file.try_lock() {
        // No one holds it (closing the file lets it go again).
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => {
            let mut id = String::new();
            file.read_to_string(&mut id).ok()?;
            Pid::from_raw(id.trim().parse().ok()?)
        }
        Err(TryLockError::Error(_)) => None,
    }
}

/// Puts Goro on the desktop with `program` (this iyashi) in `lang`, or
/// takes him off it; false if neither could be done.
pub fn toggle(program: &Path, home: &Home, lang: Lang) -> bool {
    if let Some(pid) = showing(home) {
        // The window keeps its place as soon as a drag ends, so ending it
        // at once loses nothing.
        return kill_process(pid, Signal::TERM).is_ok();
    }
    let started = Command::new(program)
        .args(["--lang", lang.code(), "desk"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // A window that cannot open says why, in watch's own log.
        .stderr(Stdio::inherit())
        .spawn();
    match started {
        Ok(mut child) => {
            // Waited for, so a closed window is never left a zombie.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
