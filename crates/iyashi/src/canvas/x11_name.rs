//! X11's old window name, `WM_NAME`, is Latin-1 text (type STRING). winit
//! writes the UTF-8 title there too, so a Japanese title ("ゴロ") reads as
//! mangled bytes wherever only `WM_NAME` is read: xdotool's name search,
//! older window managers and task bars, `xprop`. The real title stays in
//! `_NET_WM_NAME` (UTF-8), which modern desktops show; `WM_NAME` gets a
//! name those older readers can show whole.

use winit::raw_window_handle::{HasWindowHandle, RawWindowHandle};
use winit::window::Window;
use x11rb::protocol::xproto::{AtomEnum, PropMode};
use x11rb::wrapper::ConnectionExt as _;

/// Writes `name` into the `WM_NAME` of `window`, when it is an X11 window
/// whose title is not plain ASCII (an ASCII title is right there already)
/// and `name` is. Best effort: a name not written is a cosmetic loss, no
/// reason to keep a window from opening.
pub fn set(window: &Window, title: &str, name: &str) {
    if title.is_ascii() || !name.is_ascii() {
        return;
    }
    let Ok(handle) = window.window_handle() else {
        return;
    };
    let id = match handle.as_raw() {
        RawWindowHandle::Xlib(h) => u32::try_from(h.window).ok(),
        RawWindowHandle::Xcb(h) => Some(h.window.get()),
        _ => None,
    };
    let Some(id) = id else {
        return;
    };
    // A connection of our own to the same `$DISPLAY`: winit keeps its own
    // to itself. The property is the window's, whoever writes it.
    let Ok((conn, _)) = x11rb::connect(None) else {
        return;
    };
    let written = conn.change_property8(
        PropMode::REPLACE,
        id,
        AtomEnum::WM_NAME,
        AtomEnum::STRING,
        name.as_bytes(),
    );
    // Waits until the server has it: the connection closes right after.
    if let Ok(cookie) = written {
        let _ = cookie.check();
    }
}
