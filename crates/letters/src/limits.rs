//! Rate limits, kept only in memory.
//!
//! A limit is a fixed window per key: at most `per_minute` events in each
//! minute. Windows are coarse on purpose: they cost one lock and one
//! addition per request, and forget everything after two minutes, which is
//! what "kept only in memory" should mean. Behind a load balancer each
//! process counts for itself, so the effective limit is per process; that is
//! a limit on floods, not an accounting.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::net::IpAddr;

use parking_lot::Mutex;

/// Shards, so that two cores rarely wait on the same lock.
const SHARDS: usize = 32;

/// At most `per_minute` events per key in each minute.
pub struct RateLimit<K> {
    per_minute: u32,
    shards: Vec<Mutex<HashMap<K, (i64, u32)>>>,
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
    /// too many for this minute.
    pub fn allow(&self, key: &K, now: i64) -> bool {
        let minute = now.div_euclid(60);
        let shard = &self.shards[(self.hasher.hash_one(key) as usize) % SHARDS];
        let mut map = shard.lock();
        let entry = map.entry(key.clone()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        if entry.1 >= self.per_minute {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Forgets windows that ended before `now`'s minute.
    pub fn prune(&self, now: i64) {
        let minute = now.div_euclid(60);
        for shard in &self.shards {
            shard.lock().retain(|_, (m, _)| *m >= minute);
        }
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
    fn a_limit_refuses_past_its_count_and_forgives_next_minute() {
        let limit = RateLimit::new(3);
        assert!((0..3).all(|_| limit.allow(&"k", 60)));
        assert!(!limit.allow(&"k", 119));
        assert!(limit.allow(&"other", 119));
        assert!(limit.allow(&"k", 120));
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
