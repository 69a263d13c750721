//! Activity sources: where the daemon learns how long the person has been
//! away from the keyboard. The engine does not care which one speaks.

use std::time::Duration;

use iyashi_core::catalogue::watch::{SourceName, SourceTrouble};

use super::{logind, wayland, x11};

pub use iyashi_app::watch::ActivitySource;

/// The sources a person can ask for with `--source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceChoice {
    Wayland,
    X11,
    Logind,
    Manual,
}

/// Manual sessions only: nothing is measured.
pub struct Manual;

impl ActivitySource for Manual {
    fn name(&self) -> SourceName {
        SourceName::Manual
    }

    fn idle_for(&mut self) -> Result<Option<Duration>, String> {
        Ok(None)
    }
}

/// The source asked for, or the best one this desktop offers: Wayland's idle
/// notifications where the compositor has them (under Wayland, X11's count
/// sees only XWayland clients); X11's own idle time, exact to the
/// millisecond; logind's hint, only as good as the desktop that sets it;
/// manual, which always works.
pub fn pick(
    choice: Option<SourceChoice>,
) -> Result<Box<dyn ActivitySource>, (SourceName, SourceTrouble)> {
    match choice {
        Some(SourceChoice::Wayland) => wayland::WaylandIdle::connect()
            .map(|s| Box::new(s) as Box<dyn ActivitySource>)
            .map_err(|e| (SourceName::Wayland, e)),
        Some(SourceChoice::X11) => x11::X11Idle::connect()
            .map(|s| Box::new(s) as Box<dyn ActivitySource>)
            .map_err(|e| (SourceName::X11, e)),
        Some(SourceChoice::Logind) => logind::LogindIdle::connect()
            .map(|s| Box::new(s) as Box<dyn ActivitySource>)
            .map_err(|e| (SourceName::Logind, e)),
        Some(SourceChoice::Manual) => Ok(Box::new(Manual)),
        None => Ok(wayland::WaylandIdle::connect()
            .map(|s| Box::new(s) as Box<dyn ActivitySource>)
            .or_else(|_| x11::X11Idle::connect().map(|s| Box::new(s) as _))
            .or_else(|_| logind::LogindIdle::connect().map(|s| Box::new(s) as _))
            .unwrap_or_else(|_| Box::new(Manual))),
    }
}
