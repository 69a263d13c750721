//! The client against services that misbehave on the wire: one whose answer
//! arrives after the client gave up (a real service behind a slow proxy),
//! and one that answers a byte at a time.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::Service;
use iyashi_letters::client::{Client, ClientError};
use iyashi_letters::protocol::{new_idempotency_key, Identity};

/// A proxy in front of `target` that passes each request on at once and
/// holds the answer back for `delay` before passing it back.
fn late_proxy(target: std::net::SocketAddr, delay: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            std::thread::spawn(move || relay_late(client, target, delay));
        }
    });
    format!("http://{addr}")
}

fn relay_late(mut client: TcpStream, target: std::net::SocketAddr, delay: Duration) {
    let request = read_request(&mut client);
    let mut upstream = TcpStream::connect(target).unwrap();
    upstream.write_all(&request).unwrap();
    let mut answer = Vec::new();
    upstream.read_to_end(&mut answer).unwrap();
    std::thread::sleep(delay);
    let _ = client.write_all(&answer);
}

/// One whole HTTP request (head and content-length body).
fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).unwrap_or(0) == 0 {
            return raw;
        }
        raw.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&raw).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).unwrap();
    raw.extend(body);
    raw
}

#[test]
fn a_letter_sent_again_after_a_late_answer_is_stored_once() {
    let backend = common::sqlite();
    let service = Service::relaxed(&backend.url);
    let identity = Identity::generate();
    let secret = identity.secret();
    // Known to the service first, so the test is about the letter alone.
    Client::new(&service.url(), Identity::from_secret(secret))
        .unwrap()
        .inbox()
        .unwrap();
    let slow = late_proxy(service.addr, Duration::from_millis(1500));
    let impatient = Client::new(&slow, identity)
        .unwrap()
        .with_timeout(Duration::from_millis(500));
    let key = new_idempotency_key();
    let body = "Is anyone else awake? The night is long.";
    assert!(matches!(
        impatient.write_once(body, &key),
        Err(ClientError::Unreachable(_))
    ));
    // The service did store it; sending it again under its key is no copy.
    let patient = Client::new(&service.url(), Identity::from_secret(secret)).unwrap();
    let id = patient.write_once(body, &key).unwrap();
    assert_eq!(patient.write_once(body, &key).unwrap(), id);
    let readers: Vec<Client> = (0..3).map(|_| service.client()).collect();
    for reader in &readers {
        let letters = reader.inbox().unwrap().letters;
        assert_eq!(letters.len(), 1, "one letter, not two");
        assert_eq!(letters[0].id, id);
    }
    // A reply sent twice under one key is one reply, with one id.
    let reply_key = new_idempotency_key();
    let first = readers[0]
        .reply_once(&id, "Awake too. Have some tea.", &reply_key)
        .unwrap();
    let again = readers[0]
        .reply_once(&id, "Awake too. Have some tea.", &reply_key)
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(patient.inbox().unwrap().replies.len(), 1);
}

/// A server that accepts, reads the request, and answers a valid HTTP
/// response one byte every 200 ms, until `stop`.
fn dribbling_server(stop: Arc<AtomicBool>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut client in listener.incoming().flatten() {
            let stop = stop.clone();
            std::thread::spawn(move || {
                read_request(&mut client);
                let body = r#"{"resting":3}"#;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                for byte in answer.bytes() {
                    if stop.load(Ordering::Relaxed) || client.write_all(&[byte]).is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
        }
    });
    format!("http://{addr}")
}

#[test]
fn a_service_that_answers_a_byte_at_a_time_is_given_up_on() {
    let stop = Arc::new(AtomicBool::new(false));
    let url = dribbling_server(stop.clone());
    let client = Client::new(&url, Identity::generate())
        .unwrap()
        .with_timeout(Duration::from_secs(1));
    // Every byte comes well within a second of the last, but the whole
    // answer (about 90 bytes) would take 18 s: one deadline for the whole
    // request ends it, where a time limit per read never would.
    let outcome = client.resting();
    stop.store(true, Ordering::Relaxed);
    assert!(
        matches!(outcome, Err(ClientError::Unreachable(_))),
        "{outcome:?}"
    );
}
