//! No tray in this build: nothing to start, nothing to choose.

use std::sync::mpsc::Sender;

use iyashi_core::rhythm::Status;
use jiff::Timestamp;

use super::Then;
use crate::context::Context;
use crate::failure::Failure;
use crate::watch::{Daemon, Input};

/// A menu this build never shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {}

pub enum Tray {}

impl Tray {
    pub fn start(_: &Context, _: Sender<Input>, _: &Status, _: Timestamp) -> Option<Tray> {
        None
    }

    pub fn show(&mut self, _: &Context, _: &Status, _: Timestamp) {
        match *self {}
    }

    pub fn stop(self) {
        match self {}
    }
}

#[derive(Default)]
pub struct WebRoom {}

impl WebRoom {
    pub fn stop(&mut self) {}
}

pub fn choose(
    _: &mut Daemon,
    _: &Context,
    choice: Choice,
    _: Timestamp,
    _: &mut WebRoom,
) -> Result<Then, Failure> {
    match choice {}
}
