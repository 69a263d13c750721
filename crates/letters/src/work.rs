//! The proof of work a new identity pays once, on its first request.
//!
//! Keys are free to make, so without a price one person could be three
//! hundred strangers. The price is small for a person (a fraction of a
//! second, once per device) and adds up for someone making keys by the
//! hundred. The work is bound to the public key, so it cannot be spent
//! twice, and it is split into several parts: the time one part takes is
//! a matter of luck, but the sum of several parts is steady, so a person's
//! first letter is never the unlucky one that takes ten seconds.
//!
//! A part `i` is solved by a nonce `n` when SHA-256 of
//! `"iyashi-letters-work-v1" ‖ public key ‖ i (u32, big-endian) ‖ n (u64,
//! big-endian)` starts with `bits` zero bits. The service checks `parts`
//! hashes, which costs it microseconds.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The header a new key's first request carries its proof in.
pub const HEADER: &str = "x-iyashi-work";

/// What the service asks of a new key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAsked {
    /// Leading zero bits each part's hash must have.
    pub bits: u32,
    /// How many parts.
    pub parts: u32,
}

impl Default for WorkAsked {
    /// About 0.1 s of one core in a release build: 16 parts of 2^16
    /// hashes on average (`bench/letters_first_letter.sh` times a
    /// person's whole first letter).
    fn default() -> Self {
        WorkAsked {
            bits: 16,
            parts: 16,
        }
    }
}

/// A solved proof: one nonce per part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    /// The difficulty it was solved at.
    pub bits: u32,
    /// The nonce of each part, in order.
    pub nonces: Vec<u64>,
}

impl Proof {
    /// Solves `asked` for `public_key`, on as many threads as the machine
    /// has cores.
    pub fn solve(public_key: &[u8; 32], asked: WorkAsked) -> Proof {
        let parts = asked.parts.min(MAX_PARTS);
        let next = AtomicU32::new(0);
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(parts.max(1) as usize);
        let mut nonces = vec![0u64; parts as usize];
        let solved: Vec<(u32, u64)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let part = next.fetch_add(1, Ordering::Relaxed);
                            if part >= parts {
                                return mine;
                            }
                            let nonce = (0u64..)
                                .find(|n| solves(public_key, part, *n, asked.bits))
                                .unwrap_or_default();
                            mine.push((part, nonce));
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        });
        for (part, nonce) in solved {
            nonces[part as usize] = nonce;
        }
        Proof {
            bits: asked.bits,
            nonces,
        }
    }

    /// Whether this proof pays for `asked` on `public_key`.
    pub fn pays(&self, public_key: &[u8; 32], asked: WorkAsked) -> bool {
        self.bits >= asked.bits
            && self.nonces.len() >= asked.parts as usize
            && self
                .nonces
                .iter()
                .enumerate()
                .all(|(part, n)| solves(public_key, part as u32, *n, self.bits))
    }

    /// The header value: `bits:n1,n2,…`.
    pub fn to_header(&self) -> String {
        let nonces: Vec<String> = self.nonces.iter().map(u64::to_string).collect();
        format!("{}:{}", self.bits, nonces.join(","))
    }

    /// Reads a header value; `None` if it is not one.
    pub fn from_header(text: &str) -> Option<Proof> {
        let (bits, nonces) = text.trim().split_once(':')?;
        let bits: u32 = bits.parse().ok()?;
        let nonces: Vec<u64> = nonces
            .split(',')
            .map(|n| n.parse().ok())
            .collect::<Option<_>>()?;
        (bits <= 64 && nonces.len() <= MAX_PARTS as usize).then_some(Proof { bits, nonces })
    }
}

/// More parts than this are refused unread, so a header cannot make the
/// service hash for long.
const MAX_PARTS: u32 = 256;

fn solves(public_key: &[u8; 32], part: u32, nonce: u64, bits: u32) -> bool {
    let hash = Sha256::new()
        .chain_update(b"iyashi-letters-work-v1")
        .chain_update(public_key)
        .chain_update(part.to_be_bytes())
        .chain_update(nonce.to_be_bytes())
        .finalize();
    leading_zero_bits(&hash) >= bits
}

fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut zeros = 0;
    for byte in hash {
        if *byte == 0 {
            zeros += 8;
        } else {
            return zeros + byte.leading_zeros();
        }
    }
    zeros
}

#[cfg(test)]
mod tests {
    use super::*;

    const EASY: WorkAsked = WorkAsked { bits: 6, parts: 5 };

    #[test]
    fn a_proof_pays_for_its_own_key_only() {
        let key = [7u8; 32];
        let proof = Proof::solve(&key, EASY);
        assert!(proof.pays(&key, EASY));
        assert!(!proof.pays(&[8u8; 32], EASY));
        let again = Proof::from_header(&proof.to_header()).unwrap();
        assert_eq!(again, proof);
    }

    #[test]
    fn a_cheaper_proof_does_not_pay_for_more() {
        let key = [1u8; 32];
        let proof = Proof::solve(&key, EASY);
        assert!(!proof.pays(&key, WorkAsked { bits: 30, parts: 5 }));
        assert!(!proof.pays(&key, WorkAsked { bits: 6, parts: 6 }));
        let mut moved = proof.clone();
        moved.nonces.swap(0, 1);
        assert!(!moved.pays(&key, EASY) || proof.nonces[0] == proof.nonces[1]);
    }

    #[test]
    fn unreadable_headers_are_refused() {
        for text in ["", "abc", "10:", "10:1,x", "99:1", "10:-1"] {
            assert!(Proof::from_header(text).is_none(), "{text:?}");
        }
    }
}
