//! The injected clock: core logic is handed instants, never reads them.

use jiff::Timestamp;

/// Where "now" comes from. The binary uses the system clock; tests use
/// [`FixedClock`] so a whole week runs in milliseconds.
pub trait Clock {
    /// The present instant.
    fn now(&self) -> Timestamp;
}

/// A clock that always says the same instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}
