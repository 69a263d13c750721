//! X11's idle time, from the XScreenSaver extension: milliseconds since the
//! last key press or pointer motion anywhere on the display.

use std::time::Duration;

use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};
use x11rb::connection::Connection;
use x11rb::protocol::screensaver::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

use super::activity::ActivitySource;

pub struct X11Idle {
    conn: RustConnection,
    root: u32,
}

impl X11Idle {
    /// Connects to `$DISPLAY` and checks the extension is there.
    pub fn connect() -> Result<X11Idle, SourceTrouble> {
        let (conn, root) = open_display()?;
        conn.screensaver_query_version(1, 1)
            .map_err(|_| SourceTrouble::CannotConnect)?
            .reply()
            .map_err(|_| SourceTrouble::Missing("XScreenSaver"))?;
        Ok(X11Idle { conn, root })
    }
}

/// A connection to `$DISPLAY` and its root window.
pub fn open_display() -> Result<(RustConnection, u32), SourceTrouble> {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        return Err(SourceTrouble::NotSet("DISPLAY"));
    }
    let (conn, screen) = x11rb::connect(None).map_err(|_| SourceTrouble::CannotConnect)?;
    let root = conn.setup().roots[screen].root;
    Ok((conn, root))
}

impl ActivitySource for X11Idle {
    fn name(&self) -> SourceName {
        SourceName::X11
    }

    fn idle_for(&mut self) -> Result<Option<Duration>, String> {
        let info = self
            .conn
            .screensaver_query_info(self.root)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        Ok(Some(Duration::from_millis(info.ms_since_user_input.into())))
    }
}
