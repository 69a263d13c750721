//! Resting together: who has sent a heartbeat in the last 90 seconds.
//!
//! A heartbeat never touches the database. Each process keeps the key
//! hashes it heard from since its last flush in memory; once a second a
//! background task writes them in one batched statement, counts the keys
//! seen in the window with one query, and caches that count. Every answer
//! in between is the cached count, so a heartbeat costs a lock and a hash
//! map insert, and several processes on one PostgreSQL agree on the count
//! within a flush interval, because they all count the same table.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;

use crate::protocol::PRESENCE_WINDOW_SECS;
use crate::store::{KeyHash, Resting, Store};

/// New keys always count up to this many, however few settled people rest.
const NEW_KEYS_ALWAYS_COUNTED: u64 = 5;

/// The number shown: every settled key resting, and the new keys resting,
/// but never more new keys than settled ones (or
/// [`NEW_KEYS_ALWAYS_COUNTED`]), so a burst of fresh keys can at most
/// double the count instead of making it up.
pub fn honest_count(resting: Resting) -> u64 {
    let new = resting
        .new
        .min(resting.settled.max(NEW_KEYS_ALWAYS_COUNTED));
    resting.settled + new
}

const SHARDS: usize = 16;

/// Heartbeats heard but not yet written, and the last count.
pub struct Presence {
    pending: Vec<Mutex<HashMap<KeyHash, i64>>>,
    resting: AtomicU64,
}

impl Default for Presence {
    fn default() -> Self {
        Presence {
            pending: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            resting: AtomicU64::new(0),
        }
    }
}

impl Presence {
    /// Notes a heartbeat and answers how many people are resting, counting
    /// the person who sent it even before the next flush has seen them.
    pub fn beat(&self, key: KeyHash, now: i64) -> u64 {
        // The key is a SHA-256 output, so its first byte is already uniform.
        self.pending[key[0] as usize % SHARDS]
            .lock()
            .insert(key, now);
        self.resting().max(1)
    }

    /// The last counted number of people resting.
    pub fn resting(&self) -> u64 {
        self.resting.load(Ordering::Relaxed)
    }

    /// Writes pending heartbeats and refreshes the count; keys first seen
    /// after `settled_before` are new.
    pub async fn flush(
        &self,
        store: &Store,
        now: i64,
        settled_before: i64,
    ) -> crate::store::Result<u64> {
        let mut beats = Vec::new();
        for shard in &self.pending {
            beats.extend(std::mem::take(&mut *shard.lock()));
        }
        if let Err(e) = store.flush_presence(beats.clone()).await {
            // Put them back, so a database hiccup loses no one.
            for (key, at) in beats {
                self.pending[key[0] as usize % SHARDS]
                    .lock()
                    .entry(key)
                    .or_insert(at);
            }
            return Err(e);
        }
        let n = honest_count(
            store
                .count_resting(now - PRESENCE_WINDOW_SECS, settled_before)
                .await?,
        );
        self.resting.store(n, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_new_keys_cannot_make_up_a_crowd() {
        let count = |settled, new| honest_count(Resting { settled, new });
        assert_eq!(count(0, 250), 5);
        assert_eq!(count(3, 2), 5);
        assert_eq!(count(40, 250), 80);
        assert_eq!(count(1000, 30), 1030);
    }
}
