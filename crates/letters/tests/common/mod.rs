//! A letters service started inside the test process, on loopback, over a
//! fresh SQLite file or a fresh PostgreSQL database, plus raw HTTP for the
//! requests a well-behaved client never sends.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use iyashi_letters::limits::Limits;
use iyashi_letters::server::{self, Config};
use iyashi_letters::store::Store;

/// Runs each named scenario `fn(Backend)` as two tests: on SQLite, and on
/// PostgreSQL (ignored unless asked for; CI asks).
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(super::common::sqlite());
            }
            #[test]
            #[ignore = "needs postgres"]
            fn postgres() {
                super::$name(super::common::postgres());
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use on_both_backends;

/// The environment variable with a PostgreSQL URL whose user may create databases.
pub const PG_ENV: &str = "IYASHI_LETTERS_TEST_PG";

/// A backend for one test: the URL, and what keeps it alive.
pub struct Backend {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh SQLite file.
pub fn sqlite() -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let url = dir.path().join("letters.db").display().to_string();
    Backend {
        url,
        _dir: Some(dir),
    }
}

/// A fresh PostgreSQL database on the server named by [`PG_ENV`].
pub fn postgres() -> Backend {
    let base =
        std::env::var(PG_ENV).unwrap_or_else(|_| panic!("set {PG_ENV} to a postgres:// URL"));
    let name = format!("letters_test_{}", hex::encode(rand_bytes()));
    runtime().block_on(async {
        use sqlx::Executor;
        let pool = sqlx::PgPool::connect(&base).await.unwrap();
        pool.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
    });
    let url = match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => unreachable!("a postgres URL has a path"),
    };
    Backend { url, _dir: None }
}

fn rand_bytes() -> [u8; 6] {
    let mut b = [0u8; 6];
    getrandom(&mut b);
    b
}

fn getrandom(buf: &mut [u8]) {
    // Key generation already draws on the OS; borrow it for names.
    let id = iyashi_letters::protocol::Identity::generate();
    buf.copy_from_slice(&id.secret()[..buf.len()]);
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A running service; it stops when the test's process ends.
pub struct Service {
    pub addr: SocketAddr,
    _runtime: tokio::runtime::Runtime,
}

impl Service {
    /// Starts a service on `url` with quick flushes and the given limits,
    /// where every key is settled at once and a new key's proof of work is
    /// a token one (the tests of those rules set their own).
    pub fn start(url: &str, limits: Limits, hide_after: i64) -> Service {
        Service::with(
            url,
            Config {
                limits,
                hide_after,
                ..test_config()
            },
        )
    }

    /// Starts a service on `url` with this configuration.
    pub fn with(url: &str, config: Config) -> Service {
        let runtime = runtime();
        let addr = runtime.block_on(async {
            let store = Store::open(url).await.unwrap();
            let state = server::state(store, config).await.unwrap();
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            tokio::spawn(server::serve(listener, state));
            addr
        });
        Service {
            addr,
            _runtime: runtime,
        }
    }

    /// With limits high enough never to matter.
    pub fn relaxed(url: &str) -> Service {
        Service::start(url, roomy(), 3)
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn client(&self) -> iyashi_letters::client::Client {
        iyashi_letters::client::Client::new(
            &self.url(),
            iyashi_letters::protocol::Identity::generate(),
        )
        .unwrap()
    }

    /// Sends a raw request; returns the status, the headers (lowercase) and the body.
    pub fn raw(&self, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Answer {
        self.raw_from("127.0.0.1", method, path, headers, body)
    }

    /// [`Service::raw`] from another loopback address (127.0.0.2 is a
    /// neighbour of 127.0.0.1 in the same /24).
    pub fn raw_from(
        &self,
        source: &str,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &[u8],
    ) -> Answer {
        let mut stream = connect_from(source, self.addr);
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
            self.addr,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        // The service may refuse an oversize body before reading it all.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP answer");
        let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        Answer {
            status,
            head,
            body: String::from_utf8_lossy(&raw[split + 4..]).into_owned(),
        }
    }
}

/// A connection to `to` from the loopback address `source`.
pub fn connect_from(source: &str, to: SocketAddr) -> TcpStream {
    runtime().block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(format!("{source}:0").parse().unwrap()).unwrap();
        let stream = socket.connect(to).await.unwrap().into_std().unwrap();
        stream.set_nonblocking(false).unwrap();
        stream
    })
}

pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

pub fn roomy() -> Limits {
    Limits {
        signed_per_key: 10_000,
        heartbeats_per_key: 10_000,
        per_network: 100_000,
        per_address: 100_000,
        reads_per_address: 100_000,
        new_keys_per_address: 100_000,
    }
}

/// Quick flushes, roomy limits, keys settled at once, and a proof of work
/// of one easy part, so a test's many fresh keys cost nothing.
pub fn test_config() -> Config {
    Config {
        limits: roomy(),
        flush_every: Duration::from_millis(50),
        work: iyashi_letters::work::WorkAsked { bits: 1, parts: 1 },
        settle_secs: 0,
        first_dibs_secs: 0,
        ..Config::default()
    }
}

pub fn now() -> i64 {
    iyashi_letters::server::now()
}

/// Waits, up to a generous bound, for `check` to hold; the bound is only a
/// safety net, never what the test measures.
pub fn eventually(mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// A signed request's headers, with the proof of work the test services
/// ask of a new key.
pub fn signed_headers(
    id: &iyashi_letters::protocol::Identity,
    method: &str,
    path: &str,
    body: &[u8],
) -> Vec<(&'static str, String)> {
    let mut headers = id.sign(method, path, now(), body);
    let proof = iyashi_letters::work::Proof::solve(&id.public_bytes(), test_config().work);
    headers.push((iyashi_letters::work::HEADER, proof.to_header()));
    headers
}
