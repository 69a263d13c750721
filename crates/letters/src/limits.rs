//! Rate limits, kept only in memory.
//!
//! A limit is a sliding minute per key, estimated from two fixed windows:
//! the events of this minute plus the last minute's, weighted by how much of
//! it still lies within sixty seconds. A plain fixed window let a burst that
//! straddled a minute boundary through twice (the count at the end of one
//! minute and again at the start of the next). The estimate costs one lock
//! and a few multiplications per request and forgets everything after two
//! minutes, which is what "kept only in memory" should mean. Behind a load balancer each
//! process counts for itself, so the effective limit is per process; that is
//! a limit on floods, not an accounting.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::net::IpAddr;

use parking_lot::Mutex;

/// Shards, so that two cores rarely wait on the same lock.
const SHARDS: usize = 32;

/// At most `per_minute` events per key in any sixty seconds (estimated).
pub struct RateLimit<K> {
    per_minute: u32,
    shards: Vec<Mutex<HashMap<K, Windows>>>,
    hasher: std::collections::hash_map::RandomState,
}

impl<K: Hash + Eq + Clone> RateLimit<K> {
    /// A limit of `per_minute` events per key per minute.
    pub fn new(per_minute: u32) -> Self {
        RateLimit {
            per_minute,
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            hasher: Default::default(),
        }
    }

    /// Counts one event for `key` at `now` (seconds); `false` if it is one
    /// too many for the last sixty seconds.
    pub fn allow(&self, key: &K, now: i64) -> bool {
        let minute = now.div_euclid(60);
        let into_minute = now.rem_euclid(60) as u64;
        let shard = &self.shards[(self.hasher.hash_one(key) as usize) % SHARDS];
        let mut map = shard.lock();
        let windows = map.entry(key.clone()).or_insert(Windows {
            minute,
            previous: 0,
            current: 0,
        });
        windows.move_to(minute);
        // In sixtieths of an event, so the weighting stays in integers.
        let estimate =
            u64::from(windows.previous) * (60 - into_minute) + u64::from(windows.current) * 60;
        if estimate >= u64::from(self.per_minute) * 60 {
            return false;
        }
        windows.current += 1;
        true
    }

    /// Forgets keys with no event in this minute or the one before, which
    /// no longer weigh on anything.
    pub fn prune(&self, now: i64) {
        let minute = now.div_euclid(60);
        for shard in &self.shards {
            shard
                .lock()
                .retain(|_, windows| windows.minute >= minute - 1);
        }
    }
}

/// One key's counts: this minute's and the one before.
struct Windows {
    minute: i64,
    previous: u32,
    current: u32,
}

impl Windows {
    fn move_to(&mut self, minute: i64) {
        if minute == self.minute {
            return;
        }
        self.previous = if minute == self.minute + 1 {
            self.current
        } else {
            0
        };
        self.current = 0;
        self.minute = minute;
    }
}

/// The network an address belongs to: its /24 for IPv4 and /48 for IPv6,
/// because one person can easily hold many addresses of one network. Only
/// this prefix is ever used, and only in memory.
pub fn network_of(ip: IpAddr) -> [u8; 6] {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            [4, o[0], o[1], o[2], 0, 0]
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => network_of(IpAddr::V4(v4)),
            None => {
                let o = v6.octets();
                [o[0], o[1], o[2], o[3], o[4], o[5]]
            }
        },
    }
}

/// One address: an IPv4 address, or the /64 of an IPv6 one (what one
/// household or device is usually given). Only in memory, like the network.
pub fn address_of(ip: IpAddr) -> [u8; 9] {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            [4, o[0], o[1], o[2], o[3], 0, 0, 0, 0]
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => address_of(IpAddr::V4(v4)),
            None => {
                let o = v6.octets();
                [6, o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7]]
            }
        },
    }
}

/// The limits a service runs with; all per minute.
///
/// Budgets are kept apart so that spending one never spends another:
/// unsigned reads (`GET /v1/presence`, `/openapi.json`) have their own, per
/// address, and the network budget that signed requests and heartbeats
/// share can be spent by one address only up to `per_address`, so one
/// client cannot lock its neighbours out.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Signed requests (letters, inbox, replies...) per key.
    pub signed_per_key: u32,
    /// Heartbeats per key.
    pub heartbeats_per_key: u32,
    /// Signed requests and heartbeats per network (/24, /48).
    pub per_network: u32,
    /// Signed requests and heartbeats per address (IPv4, IPv6 /64): less
    /// than `per_network`, so one address never spends its network's budget.
    pub per_address: u32,
    /// Unsigned reads per address.
    pub reads_per_address: u32,
    /// New keys (first requests) per address.
    pub new_keys_per_address: u32,
}

impl Default for Limits {
    /// Enough for a person, far too little for a flood: a heartbeat every
    /// 30 seconds is 2 a minute.
    fn default() -> Self {
        Limits {
            signed_per_key: 30,
            heartbeats_per_key: 10,
            per_network: 600,
            per_address: 120,
            reads_per_address: 60,
            new_keys_per_address: 10,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_refuses_past_its_count_and_forgives_as_the_minute_slides() {
        let limit = RateLimit::new(3);
        assert!((0..3).all(|_| limit.allow(&"k", 60)));
        assert!(!limit.allow(&"k", 119));
        assert!(limit.allow(&"other", 119));
        // At 120 the three events are still within sixty seconds...
        assert!(!limit.allow(&"k", 120));
        // ...and at 140 a third of their minute has slid past them.
        assert!(limit.allow(&"k", 140));
        assert!(!limit.allow(&"k", 140));
        // A quiet minute and more forgets them all.
        assert!((0..3).all(|_| limit.allow(&"k", 300)));
    }

    #[test]
    fn a_burst_across_a_minute_boundary_gets_the_count_once() {
        let limit = RateLimit::new(60);
        let at_end = (0..100).filter(|_| limit.allow(&"k", 119)).count();
        let at_start = (0..100).filter(|_| limit.allow(&"k", 120)).count();
        assert_eq!(at_end + at_start, 60);
    }

    #[test]
    fn pruning_keeps_what_still_weighs() {
        let limit = RateLimit::new(1);
        assert!(limit.allow(&"k", 59));
        limit.prune(60);
        assert!(!limit.allow(&"k", 60));
        limit.prune(180);
        assert!(limit.allow(&"k", 180));
    }

    #[test]
    fn neighbours_share_a_network() {
        let a = network_of("192.0.2.1".parse().unwrap());
        let b = network_of("192.0.2.200".parse().unwrap());
        let c = network_of("192.0.3.1".parse().unwrap());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(network_of("::ffff:192.0.2.9".parse().unwrap()), a);
        assert_ne!(
            address_of("192.0.2.1".parse().unwrap()),
            address_of("192.0.2.200".parse().unwrap())
        );
        assert_eq!(
            address_of("2001:db8:1:2::1".parse().unwrap()),
            address_of("2001:db8:1:2::ffff".parse().unwrap())
        );
    }
}
