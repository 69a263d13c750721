//! Handing things to the desktop (a link to the browser, a program in a
//! window of its own). Fire and forget: the program started lives on its
//! own, and when nothing can be started the caller says so in its own words.

use std::process::{Command, Stdio};

/// The signal that asks a window program to come to the front, when it is
/// asked for again while it shows (the tray sends it to the joy window, a
/// second `iyashi desk` to the first; see `canvas::raise`).
#[allow(dead_code)] // only where the tray or the windows are built
pub const RAISE_WINDOW: i32 = signal_hook::consts::SIGUSR1;

/// Asks the desktop to open `url` in the browser; false if no opener ran.
pub fn open_url(url: &str) -> bool {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    detached(Command::new(opener).arg(url))
}

/// Starts `command` in its own session, with nothing of ours attached, so
/// it outlives the caller and a terminal's Ctrl-C does not reach it.
pub fn detached(command: &mut Command) -> bool {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .is_ok()
}
