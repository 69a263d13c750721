//! The one "now" of a run, through core's [`Clock`]: the system clock, or
//! with `IYASHI_NOW` set, that instant moving on at the pace of real time,
//! so a test or a demo can live a working day that starts when it likes,
//! in every face (the daemon, the rooms and the commands alike).

use std::time::Instant;

use iyashi_core::catalogue::Problem;
use iyashi_core::Clock;
use jiff::{SignedDuration, Timestamp};

/// The clock a run keeps time with.
#[derive(Clone, Debug)]
pub enum RunningClock {
    /// The system's clock.
    System,
    /// `at` when the run started, then moving on as real time does.
    From {
        /// The instant the run started at.
        at: Timestamp,
        /// When, in real time, the run started.
        since: Instant,
    },
}

impl RunningClock {
    /// The system clock, or `IYASHI_NOW` (an RFC 3339 instant) moving on;
    /// an unreadable `IYASHI_NOW` is the person's mistake to correct.
    pub fn from_env() -> Result<RunningClock, Problem> {
        match std::env::var_os("IYASHI_NOW") {
            None => Ok(RunningClock::System),
            Some(value) => value
                .to_str()
                .and_then(|v| v.parse::<Timestamp>().ok())
                .map(|at| RunningClock::From {
                    at,
                    since: Instant::now(),
                })
                .ok_or_else(|| Problem::BadNow(value.to_string_lossy().into_owned())),
        }
    }

    /// The instant the run began: exactly `IYASHI_NOW` when it is set, so
    /// what a command writes at its start is what the test asked for.
    pub fn start(&self) -> Timestamp {
        match self {
            RunningClock::System => Timestamp::now(),
            RunningClock::From { at, .. } => *at,
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
        assert_eq!(clock.start(), at);
        std::thread::sleep(std::time::Duration::from_millis(20));
        let now = clock.now();
        assert!(now > at && now < at + SignedDuration::from_secs(5), "{now}");
    }
}
