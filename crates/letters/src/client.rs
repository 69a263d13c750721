//! The client the `iyashi` binary (and its rooms) use to reach a letters
//! service. Blocking, on the standard library alone, so the binary gains no
//! async runtime or TLS stack for an opt-in feature; every call has a short
//! timeout, so an unreachable service is noticed quickly and calmly.
//!
//! Only `http://` addresses are spoken. A service on the open internet is
//! expected behind a TLS-terminating proxy that the person reaches through
//! a local tunnel or a proxy of their own; `https://` is refused with
//! [`ClientError::Unsupported`] rather than sent in the clear.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;

use crate::protocol::{
    new_idempotency_key, Created, ErrorBody, ErrorCode, Identity, Inbox, NewText, Presence, Report,
    ReportKind, Session, Thanks,
};
use crate::work::{self, Proof};

/// The most of an answer this client reads; a service that sends more is
/// not one it understands.
const ANSWER_MAX_BYTES: usize = 4 * 1024 * 1024;

/// Why a call did not succeed.
#[derive(Debug)]
pub enum ClientError {
    /// The service could not be reached (offline, down, slow).
    Unreachable(String),
    /// The service answered with a refusal.
    Refused {
        /// The HTTP status.
        status: u16,
        /// Its stable code and sentence.
        body: ErrorBody,
    },
    /// The address is not one this client speaks.
    Unsupported(String),
}

impl ClientError {
    /// The refusal's stable code, if the service refused.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Refused { body, .. } => Some(body.error),
            _ => None,
        }
    }

    /// Whether the same request may well succeed later (the service was
    /// unreachable, busy, or its database was away): a letter that met one
    /// of these is kept, never dropped.
    pub fn is_temporary(&self) -> bool {
        match self {
            ClientError::Unreachable(_) => true,
            ClientError::Refused { body, .. } => body.error.is_temporary(),
            ClientError::Unsupported(_) => false,
        }
    }

    fn refused(code: ErrorCode, message: &str) -> ClientError {
        ClientError::Refused {
            status: code.status(),
            body: ErrorBody {
                error: code,
                message: message.into(),
                work: None,
            },
        }
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Unreachable(e) => write!(f, "unreachable: {e}"),
            ClientError::Refused { status, body } => {
                write!(f, "{status} {:?}: {}", body.error, body.message)
            }
            ClientError::Unsupported(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ClientError {}

/// Reads the identity kept at `path`, or makes one and keeps it there
/// (readable by its owner only).
pub fn load_or_create_identity(path: &Path) -> std::io::Result<Identity> {
    if let Ok(text) = std::fs::read_to_string(path) {
        let bytes: Option<[u8; 32]> = hex::decode(text.trim())
            .ok()
            .and_then(|b| b.try_into().ok());
        return bytes.map(Identity::from_secret).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} is not a letters key", path.display()),
            )
        });
    }
    let identity = Identity::generate();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(hex::encode(identity.secret()).as_bytes())?;
    file.sync_all()?;
    Ok(identity)
}

/// A connection-less client for one service address and one identity.
pub struct Client {
    host: String,
    identity: Identity,
    timeout: Duration,
    token: Option<(String, Instant)>,
    /// The proof of work a new key showed the service, once asked for.
    proof: Mutex<Option<Proof>>,
}

impl Client {
    /// A client for `server` (`http://host:port` or `host:port`).
    pub fn new(server: &str, identity: Identity) -> Result<Client, ClientError> {
        let server = server.trim().trim_end_matches('/');
        if server.is_empty() {
            return Err(ClientError::Unsupported("no letters server is set".into()));
        }
        let host = match server.split_once("://") {
            Some(("http", rest)) => rest,
            Some((scheme, _)) => {
                return Err(ClientError::Unsupported(format!(
                    "{scheme}:// is not supported; use http://"
                )))
            }
            None => server,
        };
        Ok(Client {
            host: host.to_string(),
            identity,
            timeout: Duration::from_secs(5),
            token: None,
            proof: Mutex::new(None),
        })
    }

    /// Changes the time allowed for one request: connecting, sending and
    /// reading the whole answer, all within it.
    pub fn with_timeout(mut self, timeout: Duration) -> Client {
        self.timeout = timeout;
        self
    }

    /// The identity this client signs with.
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// Sends one heartbeat ("I am resting") and returns how many people are
    /// resting now, this person included. Fetches a session token on first
    /// use and again when it expires. This is what a room calls every 30
    /// seconds or so during a break.
    pub fn rest(&mut self) -> Result<u64, ClientError> {
        for _ in 0..2 {
            let token = match &self.token {
                Some((token, until)) if Instant::now() < *until => token.clone(),
                _ => {
                    let session: Session = self.signed("POST", "/v1/session", b"")?;
                    // Renew a little early, so a slow clock never sends a dead token.
                    let life = Duration::from_secs((session.expires_in - 30).max(1) as u64);
                    self.token = Some((session.token.clone(), Instant::now() + life));
                    session.token
                }
            };
            let auth = format!("Bearer {token}");
            match self.send::<Presence>("POST", "/v1/presence", &[("authorization", auth)], b"") {
                Err(ClientError::Refused { status: 401, .. }) => self.token = None,
                other => return other.map(|p| p.resting),
            }
        }
        Err(ClientError::Unreachable(
            "the session could not be renewed".into(),
        ))
    }

    /// A fresh presence token (one signed request). [`Client::rest`] does
    /// this by itself; load tests use it to prepare many clients.
    pub fn session(&self) -> Result<Session, ClientError> {
        self.signed("POST", "/v1/session", b"")
    }

    /// How many people are resting, without counting oneself.
    pub fn resting(&self) -> Result<u64, ClientError> {
        self.send::<Presence>("GET", "/v1/presence", &[], b"")
            .map(|p| p.resting)
    }

    /// Sends a worry or wish to a few strangers; returns its id.
    pub fn write(&self, body: &str) -> Result<String, ClientError> {
        self.write_once(body, &new_idempotency_key())
    }

    /// Sends a letter under an idempotency key chosen once for it: sending
    /// the same letter with the same key again, after a late answer or from
    /// the outbox, gives the first copy's id back and makes no second copy.
    pub fn write_once(&self, body: &str, idempotency_key: &str) -> Result<String, ClientError> {
        let json = new_text(body, idempotency_key);
        self.signed::<Created>("POST", "/v1/letters", &json)
            .map(|c| c.id)
    }

    /// Letters from strangers, and answers to this person's letters.
    pub fn inbox(&self) -> Result<Inbox, ClientError> {
        self.signed("GET", "/v1/inbox", b"")
    }

    /// Answers a stranger's letter kindly; returns the reply's id.
    pub fn reply(&self, letter_id: &str, body: &str) -> Result<String, ClientError> {
        self.reply_once(letter_id, body, &new_idempotency_key())
    }

    /// [`Client::reply`] under an idempotency key, as [`Client::write_once`].
    pub fn reply_once(
        &self,
        letter_id: &str,
        body: &str,
        idempotency_key: &str,
    ) -> Result<String, ClientError> {
        let json = new_text(body, idempotency_key);
        let path = format!("/v1/letters/{}/replies", path_segment(letter_id)?);
        self.signed::<Created>("POST", &path, &json).map(|c| c.id)
    }

    /// Thanks an answer to one of this person's letters.
    pub fn thank(&self, reply_id: &str) -> Result<(), ClientError> {
        let path = format!("/v1/replies/{}/thanks", path_segment(reply_id)?);
        self.signed::<serde_json::Value>("POST", &path, b"")
            .map(|_| ())
    }

    /// How this person's answers were thanked: all of them, or those
    /// thanked at or after `since` (seconds since the epoch).
    pub fn thanks(&self, since: Option<i64>) -> Result<Thanks, ClientError> {
        match since {
            Some(since) => self.signed("GET", &format!("/v1/thanks?since={since}"), b""),
            None => self.signed("GET", "/v1/thanks", b""),
        }
    }

    /// Reports a letter or reply that should not be there.
    pub fn report(&self, kind: ReportKind, id: &str) -> Result<(), ClientError> {
        let json = serde_json::to_vec(&Report {
            kind,
            id: id.into(),
        })
        .expect("plain data serialises");
        self.signed::<serde_json::Value>("POST", "/v1/reports", &json)
            .map(|_| ())
    }

    /// A signed request; when the service asks a new key for its proof of
    /// work, solves it once and asks again.
    fn signed<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
    ) -> Result<T, ClientError> {
        match self.signed_once(method, path, body) {
            Err(ClientError::Refused {
                body:
                    ErrorBody {
                        error: ErrorCode::WorkNeeded,
                        work: Some(asked),
                        ..
                    },
                ..
            }) => {
                let proof = Proof::solve(&self.identity.public_bytes(), asked);
                *self.proof.lock().unwrap_or_else(|p| p.into_inner()) = Some(proof);
                self.signed_once(method, path, body)
            }
            other => other,
        }
    }

    fn signed_once<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
    ) -> Result<T, ClientError> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let mut headers: Vec<(&str, String)> = self.identity.sign(method, path, now, body);
        if let Some(proof) = &*self.proof.lock().unwrap_or_else(|p| p.into_inner()) {
            headers.push((work::HEADER, proof.to_header()));
        }
        self.send(method, path, &headers, body)
    }

    /// One request with one deadline: connecting, sending and reading the
    /// whole answer must all be done within the client's timeout, so a
    /// service that answers a byte at a time cannot hold a person's command.
    fn send<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &[u8],
    ) -> Result<T, ClientError> {
        let deadline = Deadline(Instant::now() + self.timeout);
        let unreachable = |e: std::io::Error| ClientError::Unreachable(e.to_string());
        let addr = self
            .host
            .to_socket_addrs()
            .map_err(unreachable)?
            .next()
            .ok_or_else(|| ClientError::Unreachable(format!("{} has no address", self.host)))?;
        let mut stream =
            TcpStream::connect_timeout(&addr, deadline.left()?).map_err(unreachable)?;
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
            self.host,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let mut outgoing = request.into_bytes();
        outgoing.extend_from_slice(body);
        let mut sent = 0;
        while sent < outgoing.len() {
            stream
                .set_write_timeout(Some(deadline.left()?))
                .map_err(unreachable)?;
            match stream.write(&outgoing[sent..]) {
                Ok(0) => return Err(ClientError::Unreachable("the service hung up".into())),
                Ok(n) => sent += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(deadline.or(e)),
            }
        }
        let mut response = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            stream
                .set_read_timeout(Some(deadline.left()?))
                .map_err(unreachable)?;
            match stream.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => response.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(deadline.or(e)),
            }
            if response.len() > ANSWER_MAX_BYTES {
                return Err(ClientError::Unreachable("the answer was too long".into()));
            }
        }
        let (status, body) = parse_response(&response)
            .ok_or_else(|| ClientError::Unreachable("the answer was not HTTP".into()))?;
        if (200..300).contains(&status) {
            serde_json::from_slice(body).map_err(|e| {
                ClientError::Unreachable(format!("the answer was not understood: {e}"))
            })
        } else {
            let body = serde_json::from_slice(body).unwrap_or(ErrorBody {
                error: if status >= 500 {
                    ErrorCode::Unavailable
                } else {
                    ErrorCode::Unknown
                },
                message: String::from_utf8_lossy(body).into_owned(),
                work: None,
            });
            Err(ClientError::Refused { status, body })
        }
    }
}

/// The moment a request must be done by.
struct Deadline(Instant);

impl Deadline {
    /// The time left, or the error of having none.
    fn left(&self) -> Result<Duration, ClientError> {
        let left = self.0.saturating_duration_since(Instant::now());
        if left.is_zero() {
            Err(ClientError::Unreachable("the service took too long".into()))
        } else {
            Ok(left)
        }
    }

    /// An I/O error, or "too long" when the deadline is what ended it.
    fn or(&self, e: std::io::Error) -> ClientError {
        match self.left() {
            Err(late) => late,
            Ok(_) => ClientError::Unreachable(e.to_string()),
        }
    }
}

fn new_text(body: &str, idempotency_key: &str) -> Vec<u8> {
    serde_json::to_vec(&NewText {
        body: body.into(),
        idempotency_key: Some(idempotency_key.into()),
    })
    .expect("strings serialise")
}

/// An id as one path segment: ids are hex, so anything else is refused
/// rather than escaped.
fn path_segment(id: &str) -> Result<&str, ClientError> {
    let id = id.trim();
    if crate::protocol::is_item_id(id) {
        Ok(id)
    } else {
        Err(ClientError::refused(
            ErrorCode::NotFound,
            "That is not a letter's id.",
        ))
    }
}

/// The status and body of an HTTP/1.1 answer read to its end.
fn parse_response(raw: &[u8]) -> Option<(u16, &[u8])> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let body = &raw[split + 4..];
    let length = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())?
    });
    Some((status, length.map_or(body, |n| &body[..n.min(body.len())])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_split_into_status_and_body() {
        let raw = b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 8\r\n\r\n{\"a\":1}\n";
        assert_eq!(parse_response(raw), Some((201, &b"{\"a\":1}\n"[..])));
    }

    #[test]
    fn only_plain_http_addresses_are_spoken() {
        assert!(Client::new("https://example.invalid", Identity::generate()).is_err());
        assert!(Client::new("", Identity::generate()).is_err());
        assert!(Client::new("http://127.0.0.1:1/", Identity::generate()).is_ok());
    }

    #[test]
    fn an_unreachable_service_is_told_apart_from_a_refusal() {
        // Port 9 on loopback: nothing listens there on a test machine.
        let client = Client::new("127.0.0.1:9", Identity::generate()).unwrap();
        assert!(matches!(client.inbox(), Err(ClientError::Unreachable(_))));
    }

    #[test]
    fn an_identity_is_kept_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letters-key");
        let first = load_or_create_identity(&path).unwrap();
        let again = load_or_create_identity(&path).unwrap();
        assert_eq!(first.key_hash(), again.key_hash());
    }
}
