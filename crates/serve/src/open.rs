//! The connections a server has open, and which one goes when it is full.
//!
//! A connection is *idle* while it has no request in progress: before its
//! first request head is complete, and between requests. When the server
//! is full, the connection idle the longest is let go to make room: a
//! half-sent request has been idle since it connected, while a person's
//! request is answered in milliseconds, so a flood of half-sent requests
//! pushes out its own oldest members. If every connection is busy, the
//! newcomer waits for one to end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use tokio::sync::Notify;

/// The open connections.
pub struct Open {
    cap: usize,
    started: Instant,
    next_id: AtomicU64,
    slots: Mutex<HashMap<u64, Arc<Shared>>>,
    freed: Notify,
}

struct Shared {
    /// Microseconds since the server started at which the connection last
    /// became idle, plus one; 0 while a request is in progress.
    idle_since: AtomicU64,
    go: Notify,
}

/// One open connection's place; dropping it frees the place.
pub struct Slot {
    id: u64,
    open: Arc<Open>,
    shared: Arc<Shared>,
}

impl Open {
    pub fn new(cap: usize) -> Open {
        Open {
            cap,
            started: Instant::now(),
            next_id: AtomicU64::new(0),
            slots: Mutex::new(HashMap::new()),
            freed: Notify::new(),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX - 1) + 1
    }

    /// A place for a new connection: at once if there is room, else by
    /// letting the longest-idle connection go, else when one ends.
    pub async fn admit(self: &Arc<Self>) -> Slot {
        loop {
            let freed = self.freed.notified();
            {
                let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
                if slots.len() >= self.cap {
                    let oldest_idle = slots
                        .iter()
                        .filter_map(|(id, s)| {
                            let since = s.idle_since.load(Ordering::Relaxed);
                            (since > 0).then_some((since, *id))
                        })
                        .min();
                    if let Some((_, id)) = oldest_idle {
                        if let Some(shared) = slots.remove(&id) {
                            shared.go.notify_one();
                        }
                    }
                }
                if slots.len() < self.cap {
                    let id = self.next_id.fetch_add(1, Ordering::Relaxed);
                    let shared = Arc::new(Shared {
                        idle_since: AtomicU64::new(self.now()),
                        go: Notify::new(),
                    });
                    slots.insert(id, shared.clone());
                    return Slot {
                        id,
                        open: self.clone(),
                        shared,
                    };
                }
            }
            freed.await;
        }
    }
}

impl Slot {
    /// A request is in progress.
    pub fn busy(&self) {
        self.shared.idle_since.store(0, Ordering::Relaxed);
    }

    /// The last response was sent; the connection waits for another.
    pub fn idle(&self) {
        self.shared
            .idle_since
            .store(self.open.now(), Ordering::Relaxed);
    }

    /// Completes when the server lets this connection go.
    pub async fn let_go(&self) {
        self.shared.go.notified().await;
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut slots = self
            .open
            .slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        slots.remove(&self.id);
        drop(slots);
        self.open.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn when_full_the_longest_idle_goes_and_the_busy_stay() {
        let open = Arc::new(Open::new(2));
        let first = open.admit().await;
        let second = open.admit().await;
        second.busy();
        // Full: the idle first one is let go for the third.
        let third = open.admit().await;
        tokio::time::timeout(std::time::Duration::from_secs(5), first.let_go())
            .await
            .expect("the idle one is let go");
        third.busy();
        // Now both are busy: a fourth waits until one ends.
        let waiting = tokio::spawn({
            let open = open.clone();
            async move { open.admit().await.id }
        });
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        drop(second);
        let fourth = tokio::time::timeout(std::time::Duration::from_secs(5), waiting)
            .await
            .expect("a place frees when a connection ends");
        assert!(fourth.is_ok());
    }
}
