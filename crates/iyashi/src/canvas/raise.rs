//! Asked for again while it shows, a window comes to the front instead of
//! a second one opening: the joy window when the tray's "Write a small
//! joy" is chosen again, the desk when `iyashi desk` is run again. The one
//! asking sends `RAISE`; a small thread here turns it into an event the
//! window's loop wakes for, and the window asks the desktop to show it
//! (un-minimised) with the focus.

use signal_hook::iterator::Signals;
use winit::event_loop::EventLoopProxy;
use winit::window::Window;

use crate::opener::RAISE_WINDOW as RAISE;

/// Someone asked for the window.
#[derive(Debug, Clone, Copy)]
pub struct Raise;

/// Takes `RAISE` over from the first instant (its default would end the
/// process); one sent before the window is up waits in `Signals`.
pub fn listen() -> std::io::Result<Signals> {
    Signals::new([RAISE])
}

/// Hands each `RAISE` to the window's loop, for as long as it runs.
pub fn forward<E: From<Raise> + Send + 'static>(mut signals: Signals, window: EventLoopProxy<E>) {
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if window.send_event(Raise.into()).is_err() {
                break;
            }
        }
    });
}

/// Shows `window` in front with the focus: on X11 this asks the window
/// manager to show and activate it, minimised or behind others; on Wayland
/// the compositor decides.
pub fn to_front(window: &Window) {
    window.set_minimized(false);
    window.focus_window();
}
