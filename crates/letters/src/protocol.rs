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

pub use crate::work::WorkAsked;

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

    /// The public key's 32 bytes.
    pub fn public_bytes(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
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
    /// Chosen by the client, once per letter or reply: the same key sent
    /// again (after an answer that came too late, or from the outbox) gets
    /// the first copy's id back instead of a second copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// A fresh idempotency key: 16 random bytes, hex.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    hex::encode(bytes)
}

/// Whether `key` is a usable idempotency key: 8 to 64 letters, digits,
/// `-` or `_`.
pub fn is_idempotency_key(key: &str) -> bool {
    (8..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `id` could be a letter's or a reply's id (1 to 64 letters and
/// digits): anything else is refused before a request is made, or kept.
pub fn is_item_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
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

/// How this person's kind answers were thanked: the answers to others'
/// letters that their writers thanked. It never says who thanked, and no
/// one but the answers' writer can ask for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Thanks {
    /// How many of this person's answers were thanked (since the time
    /// asked for, if one was).
    pub total: u64,
    /// The thanked answers, latest thanks first, at most
    /// [`THANKED_LISTED`] of them.
    pub answers: Vec<ThankedAnswer>,
}

/// One of this person's answers that its letter's writer thanked.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ThankedAnswer {
    /// The letter it answered (one this person received).
    pub letter_id: String,
    /// The answer's own id.
    pub reply_id: String,
}

/// The most thanked answers one `GET /v1/thanks` lists; the total counts
/// them all.
pub const THANKED_LISTED: i64 = 100;

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
    /// Stable, for programs; a client turns it into a sentence of its own.
    pub error: ErrorCode,
    /// For the service's operators and for programs, in English; never
    /// shown to a person, who reads the client's sentence for the code.
    pub message: String,
    /// With [`ErrorCode::WorkNeeded`]: the proof of work the service asks of a
    /// new key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<WorkAsked>,
}

/// The codes the service refuses with: one list, shared by the service
/// (which sends them) and the client (which turns each into a sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is not signed, or its signature or token does not hold.
    Unauthorized,
    /// The request's clock is more than [`CLOCK_SKEW_SECS`] from the service's.
    ClockSkew,
    /// A new key's first request came without a good proof of work.
    WorkNeeded,
    /// The same signed request again.
    Replayed,
    /// Too many requests from this key or address this minute.
    RateLimited,
    /// A moderator blocked this key.
    Blocked,
    /// Nothing here for this person (or no such route).
    NotFound,
    /// Already answered, thanked or reported.
    AlreadyDone,
    /// The body is over [`BODY_MAX_BYTES`].
    TooLarge,
    /// The body could not be read (cut off, or too slow).
    BadBody,
    /// The body is not the JSON the route takes.
    BadJson,
    /// No words.
    Empty,
    /// Over the limit in characters.
    TooLong,
    /// The word filter caught something.
    UnkindWords,
    /// The service cannot store anything just now (database down or lost).
    Unavailable,
    /// Something the service did not expect.
    Internal,
    /// A code this client does not know yet (from a newer service).
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code the service sends (all but [`ErrorCode::Unknown`]).
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::Unauthorized,
        ErrorCode::ClockSkew,
        ErrorCode::WorkNeeded,
        ErrorCode::Replayed,
        ErrorCode::RateLimited,
        ErrorCode::Blocked,
        ErrorCode::NotFound,
        ErrorCode::AlreadyDone,
        ErrorCode::TooLarge,
        ErrorCode::BadBody,
        ErrorCode::BadJson,
        ErrorCode::Empty,
        ErrorCode::TooLong,
        ErrorCode::UnkindWords,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    /// The HTTP status the service answers with.
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            Unauthorized | ClockSkew | WorkNeeded => 401,
            Blocked => 403,
            NotFound => 404,
            Replayed | AlreadyDone => 409,
            TooLarge => 413,
            BadBody | BadJson => 400,
            Empty | TooLong | UnkindWords => 422,
            RateLimited => 429,
            Internal | Unknown => 500,
            Unavailable => 503,
        }
    }

    /// Whether the same request may well succeed later: a letter refused
    /// for one of these reasons is kept to be sent again, never dropped.
    pub fn is_temporary(self) -> bool {
        matches!(
            self,
            ErrorCode::RateLimited
                | ErrorCode::Unavailable
                | ErrorCode::Internal
                | ErrorCode::Unknown
                | ErrorCode::ClockSkew
        )
    }

    /// The service's plain English sentence for operators and programs.
    pub fn sentence(self) -> &'static str {
        use ErrorCode::*;
        match self {
            Unauthorized => "This needs a signed request.",
            ClockSkew => "The request's clock is too far from ours.",
            WorkNeeded => "A new key needs a proof of work on its first request.",
            Replayed => "This request was already received.",
            RateLimited => "That is a lot at once. Please try again in a minute.",
            Blocked => "This key can no longer use the service.",
            NotFound => "There is nothing here for you.",
            AlreadyDone => "That is already done.",
            TooLarge => "That is more than the service reads.",
            BadBody => "The request body could not be read.",
            BadJson => "The request body is not what was expected.",
            Empty => "There are no words yet.",
            TooLong => "That is a little long. Could it be shorter?",
            UnkindWords => "Some words in this could hurt someone. Could you say it more gently?",
            Unavailable => "The service is resting. Please try again later.",
            Internal => "Something went wrong on the service's side.",
            Unknown => "The service refused this.",
        }
    }
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
    fn error_codes_travel_as_snake_case_and_unknown_ones_are_read() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"error":"unkind_words","message":"…"}"#).unwrap();
        assert_eq!(body.error, ErrorCode::UnkindWords);
        let newer: ErrorBody =
            serde_json::from_str(r#"{"error":"from_the_future","message":"…"}"#).unwrap();
        assert_eq!(newer.error, ErrorCode::Unknown);
        for code in ErrorCode::ALL {
            let text = serde_json::to_string(&code).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&text).unwrap(), code);
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
