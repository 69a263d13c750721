//! "N of you are resting right now": while a break lasts, the room sends the
//! letters service a heartbeat every half minute, from a thread of its own so
//! the room never waits on the network. Only when letters are turned on.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use iyashi_app::letters::RestTogether;

/// How often a resting room says it is still resting (the service counts
/// heartbeats from the last 90 seconds).
const BEAT_EVERY: Duration = Duration::from_secs(30);

pub struct Together {
    resting: Sender<bool>,
    was_resting: bool,
    /// The last count heard; 0 for none (not resting, or offline).
    count: Arc<AtomicU64>,
}

impl Together {
    pub fn start(mut rest: RestTogether) -> Together {
        let (resting, news) = mpsc::channel::<bool>();
        let count = Arc::new(AtomicU64::new(0));
        let heard = Arc::clone(&count);
        std::thread::spawn(move || {
            let mut now_resting = false;
            loop {
                let next = if now_resting {
                    news.recv_timeout(BEAT_EVERY)
                } else {
                    news.recv().map_err(|_| RecvTimeoutError::Disconnected)
                };
                match next {
                    Ok(r) => now_resting = r,
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                }
                let n = if now_resting {
                    rest.beat().unwrap_or(0)
                } else {
                    0
                };
                heard.store(n, Ordering::Relaxed);
            }
        });
        Together {
            resting,
            was_resting: false,
            count,
        }
    }

    /// Tells the heartbeat thread whether a break is under way (only when
    /// that changes).
    pub fn set_resting(&mut self, resting: bool) {
        if resting != self.was_resting {
            self.was_resting = resting;
            let _ = self.resting.send(resting);
        }
    }

    /// How many people are resting, this one included, if known.
    pub fn count(&self) -> Option<u64> {
        Some(self.count.load(Ordering::Relaxed)).filter(|&n| n > 0)
    }
}
