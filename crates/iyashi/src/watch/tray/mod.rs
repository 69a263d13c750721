//! Goro in the desktop's tray while `iyashi watch` runs: a
//! StatusNotifierItem whose face and tooltip say where the day stands and
//! whose menu takes a break, keeps things quiet, or opens a room.
//!
//! The item's D-Bus service runs beside the daemon's other D-Bus calls (see
//! `running`); the daemon's loop stays the one place where decisions are made. Where no tray host answers, the daemon
//! says so once and watches on without it.
//!
//! A build without it (not Linux, or the cargo feature `tray` off) has a
//! stand-in that never shows, and `watch` runs as it did before.

#[cfg(not(all(target_os = "linux", feature = "tray")))]
mod absent;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod bus;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod call;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod choose;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod dbusmenu;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod desk;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod icons;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod item;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod joy;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod letter_check;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod running;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod sni;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod terminal;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod view;
#[cfg(all(target_os = "linux", feature = "tray"))]
mod web_room;

#[cfg(not(all(target_os = "linux", feature = "tray")))]
pub use absent::{Choice, Tray, WebRoom};
#[cfg(all(target_os = "linux", feature = "tray"))]
pub use {item::Choice, running::Tray, web_room::WebRoom};

#[cfg(not(all(target_os = "linux", feature = "tray")))]
pub use absent::choose;
#[cfg(all(target_os = "linux", feature = "tray"))]
pub use choose::choose;
pub use iyashi_app::watch::Then;
