//! The focused window on X11: whether it is fullscreen (EWMH's
//! `_NET_WM_STATE_FULLSCREEN`), and which program it belongs to (its
//! `WM_CLASS` and, through `_NET_WM_PID`, its process name).
//!
//! Under Wayland only XWayland's windows can be seen this way; the
//! compositor's own are not exposed to other programs, so there this source
//! sees less (and `watch` says so at start).

use x11rb::protocol::xproto::{Atom, AtomEnum, ConnectionExt as _, Window};
use x11rb::rust_connection::RustConnection;

pub struct FocusedWindow {
    conn: RustConnection,
    root: Window,
    atoms: Atoms,
}

struct Atoms {
    active: Atom,
    state: Atom,
    fullscreen: Atom,
    pid: Atom,
}

/// What the focused window shows.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Focus {
    pub fullscreen: bool,
    /// Its class names and its process name, for the programs list.
    pub names: Vec<String>,
}

impl FocusedWindow {
    pub fn connect() -> Result<FocusedWindow, String> {
        let (conn, root) = super::x11::open_display().map_err(|e| format!("{e:?}"))?;
        let atom = |name: &str| -> Result<Atom, String> {
            Ok(conn
                .intern_atom(false, name.as_bytes())
                .map_err(|e| e.to_string())?
                .reply()
                .map_err(|e| e.to_string())?
                .atom)
        };
        let atoms = Atoms {
            active: atom("_NET_ACTIVE_WINDOW")?,
            state: atom("_NET_WM_STATE")?,
            fullscreen: atom("_NET_WM_STATE_FULLSCREEN")?,
            pid: atom("_NET_WM_PID")?,
        };
        Ok(FocusedWindow { conn, root, atoms })
    }

    /// The focused window right now; nothing focused is nothing to hold for.
    pub fn look(&self) -> Result<Focus, String> {
        let Some(window) = self.cardinal(self.root, self.atoms.active, AtomEnum::WINDOW)? else {
            return Ok(Focus::default());
        };
        if window == 0 {
            return Ok(Focus::default());
        }
        let states = self.values(window, self.atoms.state, AtomEnum::ATOM)?;
        let mut names = self.class(window)?;
        if let Some(pid) = self.cardinal(window, self.atoms.pid, AtomEnum::CARDINAL)? {
            if let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
                names.push(comm.trim().to_string());
            }
        }
        Ok(Focus {
            fullscreen: states.contains(&self.atoms.fullscreen),
            names,
        })
    }

    fn values(&self, window: Window, property: Atom, kind: AtomEnum) -> Result<Vec<u32>, String> {
        let reply = self
            .conn
            .get_property(false, window, property, kind, 0, 64)
            .map_err(|e| e.to_string())?
            .reply();
        // The window may have closed between the two questions.
        let Ok(reply) = reply else {
            return Ok(Vec::new());
        };
        Ok(reply.value32().map(|v| v.collect()).unwrap_or_default())
    }

    fn cardinal(
        &self,
        window: Window,
        property: Atom,
        kind: AtomEnum,
    ) -> Result<Option<u32>, String> {
        Ok(self.values(window, property, kind)?.first().copied())
    }

    fn class(&self, window: Window) -> Result<Vec<String>, String> {
        let reply = self
            .conn
            .get_property(false, window, AtomEnum::WM_CLASS, AtomEnum::STRING, 0, 256)
            .map_err(|e| e.to_string())?
            .reply();
        let Ok(reply) = reply else {
            return Ok(Vec::new());
        };
        Ok(reply
            .value
            .split(|b| *b == 0)
            .filter(|part| !part.is_empty())
            .map(|part| String::from_utf8_lossy(part).into_owned())
            .collect())
    }
}
