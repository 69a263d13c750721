//! Words left in the joy window when it closed without keeping them. They
//! wait in one small file in the home (written whole or not at all) and
//! fill the field the next time the window opens: closing a window is easy
//! to do by accident, and a person asked nothing on the way out has one
//! thing less to decide.

use std::io::ErrorKind;

use iyashi_app::home::Home;
use iyashi_app::whole_file::write_atomically;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::Problem;

use crate::failure::Failure;

/// The words left last time, if any.
pub fn read(home: &Home) -> Option<String> {
    std::fs::read_to_string(home.joy_draft()).ok()
}

/// Keeps `text` for next time; with nothing worth keeping in it, forgets
/// any earlier draft.
pub fn leave(home: &Home, text: &str) -> Result<(), Failure> {
    let path = home.joy_draft();
    let done = if text.trim().is_empty() {
        std::fs::remove_file(&path).or_else(|e| match e.kind() {
            ErrorKind::NotFound => Ok(()),
            _ => Err(e),
        })
    } else {
        write_atomically(&path, text.as_bytes())
    };
    done.map_err(|e| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    })
}
