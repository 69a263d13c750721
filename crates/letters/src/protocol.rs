//! The wire protocol shared by the client and the service: limits, the
//! signed-request scheme, and the JSON bodies.
//!
//! # Signed requests
//!
//! Every request that reads or writes letters carries four headers:
//!
//! | header | value |
//! |---|---|
//! | `x-iyashi-key` | the ed25519 public key, base64 (standard, padded) |
//! | `x-iyashi-time` | seconds since the Unix epoch, decimal |
//! | `x-iyashi-nonce` | 16 random bytes, lowercase hex |
//! | `x-iyashi-signature` | the ed25519 signature of [`signing_message`], base64 |
//!
//! The service refuses a time more than [`CLOCK_SKEW_SECS`] away from its
//! own and a `(key, nonce)` pair it has already seen, so a captured request
//! cannot be played again.
//!
//! # Presence tokens
//!
//! Heartbeats are frequent and carry nothing worth forging, so they do not
//! pay for a signature each: one signed `POST /v1/session` returns a short
//! lived bearer token (an HMAC over the key hash and an expiry) that
//! heartbeats present instead. A token only counts a person as resting; it
//! never reads or writes a letter.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The longest worry or wish, in characters (not bytes).
pub const LETTER_MAX_CHARS: usize = 600;
/// The longest kind answer, in characters.
pub const REPLY_MAX_CHARS: usize = 1000;
/// The largest request body the service reads, in bytes. Generous over the
/// character limits, because a Japanese character is three bytes of UTF-8.
pub const BODY_MAX_BYTES: usize = 8 * 1024;
/// How far a request's time may be from the service's clock.
pub const CLOCK_SKEW_SECS: i64 = 120;
/// A heartbeat within this many seconds means "resting now".
pub const PRESENCE_WINDOW_SECS: i64 = 90;
/// How many strangers a letter goes to.
pub const READERS_PER_LETTER: i64 = 3;

/// Header names of a signed request.
pub mod header {
    /// The public key, base64.
    pub const KEY: &str = "x-iyashi-key";
    /// Seconds since the epoch.
    pub const TIME: &str = "x-iyashi-time";
    /// 16 random bytes, hex.
    pub const NONCE: &str = "x-iyashi-nonce";
    /// The signature, base64.
    pub const SIGNATURE: &str = "x-iyashi-signature";
}

/// The bytes a client signs: the method, the path with its query, the time,
/// the nonce and a hash of the body, each on its own line, so no part can be
/// moved into another.
pub fn signing_message(method: &str, path: &str, time: i64, nonce: &str, body: &[u8]) -> Vec<u8> {
    let body_hash = hex::encode(Sha256::digest(body));
    format!("iyashi-letters-v1\n{method}\n{path}\n{time}\n{nonce}\n{body_hash}").into_bytes()
}

/// The hash of a public key: the only trace of a person the service keeps.
pub fn key_hash(key: &VerifyingKey) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// A person's anonymous identity: an ed25519 key pair, made on first use.
pub struct Identity {
    key: SigningKey,
}

impl Identity {
    /// A fresh key pair from the operating system's randomness.
    pub fn generate() -> Identity {
        Identity {
            key: SigningKey::generate(&mut rand_core::OsRng),
        }
    }

    /// The identity whose secret key is these 32 bytes.
    pub fn from_secret(secret: [u8; 32]) -> Identity {
        Identity {
            key: SigningKey::from_bytes(&secret),
        }
    }

    /// The 32 secret bytes, for keeping the identity in a file.
    pub fn secret(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// The public key, as sent in [`header::KEY`].
    pub fn public_base64(&self) -> String {
        B64.encode(self.key.verifying_key().as_bytes())
    }

    /// The hash the service knows this person by.
    pub fn key_hash(&self) -> [u8; 32] {
        key_hash(&self.key.verifying_key())
    }

    /// The four headers of a signed request, as `(name, value)` pairs.
    pub fn sign(
        &self,
        method: &str,
        path: &str,
        time: i64,
        body: &[u8],
    ) -> Vec<(&'static str, String)> {
        let mut nonce = [0u8; 16];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut nonce);
        let nonce = hex::encode(nonce);
        self.sign_with_nonce(method, path, time, &nonce, body)
    }

    /// Like [`Identity::sign`] with a chosen nonce; tests use it to replay.
    pub fn sign_with_nonce(
        &self,
        method: &str,
        path: &str,
        time: i64,
        nonce: &str,
        body: &[u8],
    ) -> Vec<(&'static str, String)> {
        let signature = self
            .key
            .sign(&signing_message(method, path, time, nonce, body));
        vec![
            (header::KEY, self.public_base64()),
            (header::TIME, time.to_string()),
            (header::NONCE, nonce.to_string()),
            (header::SIGNATURE, B64.encode(signature.to_bytes())),
        ]
    }
}

/// Decodes a base64 public key, or `None` if it is not one.
pub fn parse_public_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = B64.decode(text).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Decodes a base64 signature, or `None`.
pub fn parse_signature(text: &str) -> Option<ed25519_dalek::Signature> {
    let bytes: [u8; 64] = B64.decode(text).ok()?.try_into().ok()?;
    Some(ed25519_dalek::Signature::from_bytes(&bytes))
}

/// The answer to `POST /v1/session`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// The bearer token for heartbeats.
    pub token: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
}

/// The answer to a heartbeat: how many people are resting now, you included.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Presence {
    /// People with a heartbeat in the last [`PRESENCE_WINDOW_SECS`].
    pub resting: u64,
}

/// The body of a new letter or a reply.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewText {
    /// What the person wrote.
    pub body: String,
}

/// The answer to a write: the new item's opaque id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Created {
    /// Random, so it says nothing about who wrote it or when.
    pub id: String,
}

/// A stranger's letter that reached this person.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ReceivedLetter {
    /// The letter's id, for replying.
    pub id: String,
    /// The worry or wish.
    pub body: String,
    /// Whether this person has already answered it.
    pub answered: bool,
}

/// A kind answer to one of this person's own letters.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ReceivedReply {
    /// The reply's id, for thanking.
    pub id: String,
    /// The letter it answers (this person's own).
    pub letter_id: String,
    /// What this person wrote, so the answer has its context.
    pub letter_body: String,
    /// The kind answer.
    pub body: String,
    /// Whether this person has thanked it.
    pub thanked: bool,
}

/// A person's inbox: letters to them, and answers to their letters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Inbox {
    /// Strangers' letters, oldest first.
    pub letters: Vec<ReceivedLetter>,
    /// Answers to this person's letters, oldest first.
    pub replies: Vec<ReceivedReply>,
}

/// What a report is about.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    /// A letter.
    Letter,
    /// A reply.
    Reply,
}

/// The body of `POST /v1/reports`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// A letter or a reply.
    pub kind: ReportKind,
    /// Its id.
    pub id: String,
}

/// Every refusal from the service: a stable code and a plain sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable, for programs: `too_long`, `rate_limited`, `replayed`, ...
    pub error: String,
    /// For people, in English.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::Verifier;

    #[test]
    fn a_signature_covers_every_part_of_the_request() {
        let me = Identity::generate();
        let headers = me.sign_with_nonce("POST", "/v1/letters", 1000, "ab", b"{}");
        let key = parse_public_key(&headers[0].1).unwrap();
        let sig = parse_signature(&headers[3].1).unwrap();
        assert!(key
            .verify(
                &signing_message("POST", "/v1/letters", 1000, "ab", b"{}"),
                &sig
            )
            .is_ok());
        for changed in [
            signing_message("GET", "/v1/letters", 1000, "ab", b"{}"),
            signing_message("POST", "/v1/inbox", 1000, "ab", b"{}"),
            signing_message("POST", "/v1/letters", 1001, "ab", b"{}"),
            signing_message("POST", "/v1/letters", 1000, "ac", b"{}"),
            signing_message("POST", "/v1/letters", 1000, "ab", b"{ }"),
        ] {
            assert!(key.verify(&changed, &sig).is_err());
        }
    }

    #[test]
    fn an_identity_survives_being_kept_as_its_secret() {
        let me = Identity::generate();
        let again = Identity::from_secret(me.secret());
        assert_eq!(me.key_hash(), again.key_hash());
        assert_eq!(me.public_base64(), again.public_base64());
    }
}
