//! The daemon's "now", through core's [`Clock`]: the system clock, or with
//! `IYASHI_NOW` set, that instant moving on at the pace of real time, so a
//! test or a demo can run a working day that starts when it likes.

use std::time::Instant;

use iyashi_core::Clock;
use jiff::{SignedDuration, Timestamp};

pub enum RunningClock {
    System,
    /// Starts at `at` when the daemon started, then runs as real time does.
    From {
        at: Timestamp,
        since: Instant,
    },
}

impl RunningClock {
    /// The system clock, or `start` moving on when `IYASHI_NOW` chose it.
    pub fn new(start: Timestamp) -> RunningClock {
        if std::env::var_os("IYASHI_NOW").is_some() {
            RunningClock::From {
                at: start,
                since: Instant::now(),
            }
        } else {
            RunningClock::System
        }
    }
}

impl Clock for RunningClock {
    fn now(&self) -> Timestamp {
        match self {
            RunningClock::System => Timestamp::now(),
            RunningClock::From { at, since } => {
                let run = SignedDuration::try_from(since.elapsed()).unwrap_or(SignedDuration::MAX);
                at.saturating_add(run).unwrap_or(*at)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_start_moves_on_with_real_time() {
        let at: Timestamp = "2026-11-25T05:00:00Z".parse().unwrap();
        let clock = RunningClock::From {
            at,
            since: Instant::now(),
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        let now = clock.now();
        assert!(now > at && now < at + SignedDuration::from_secs(5), "{now}");
    }
}
