//! Chosen again from the tray while it shows, the window comes to the
//! front instead of a second one opening: the daemon sends `RAISE`, a
//! small thread here turns it into an event the window's loop wakes for,
//! and the window asks the desktop to show it (un-minimised) with the focus.

use signal_hook::iterator::Signals;
use winit::event_loop::EventLoopProxy;

use crate::opener::RAISE_WINDOW as RAISE;

/// The daemon asked for the window.
#[derive(Debug, Clone, Copy)]
pub struct Raise;

/// Takes `RAISE` over from the first instant (its default would end the
/// process); one sent before the window is up waits in `Signals`.
pub fn listen() -> std::io::Result<Signals> {
    Signals::new([RAISE])
}

/// Hands each `RAISE` to the window's loop, for as long as it runs.
pub fn forward(mut signals: Signals, window: EventLoopProxy<Raise>) {
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if window.send_event(Raise).is_err() {
                break;
            }
        }
    });
}
