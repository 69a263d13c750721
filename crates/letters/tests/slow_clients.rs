//! A slow-client flood against both of iyashi's servers, the letters
//! service and the web room (`iyashi web`): 1,100 connections that send
//! half a request head and wait. Each server runs as its own process with
//! an open file limit of 1,024, as on many systems, so the flood is more
//! than it can hold open. The server must go on answering others while the
//! flood is still there, and a body that never arrives must not hold a
//! handler.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const FLOOD: usize = 1_100;

struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `program args…` under `ulimit -n 1024`, and the first `http://` address
/// it prints.
fn start_with_few_files(
    program: &PathBuf,
    args: &[&str],
    home: Option<&std::path::Path>,
) -> (Process, SocketAddr) {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -n 1024 && exec \"$0\" \"$@\"")
        .arg(program)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(home) = home {
        command.env("IYASHI_HOME", home).env("LANG", "C.UTF-8");
    }
    let mut child = command.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let address = address.split('/').next().unwrap().parse().unwrap();
    (Process(child), address)
}

/// Opens the flood: each connection sends half a request head.
fn flood(addr: SocketAddr) -> Vec<TcpStream> {
    (0..FLOOD)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).unwrap();
            stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .unwrap();
            stream
        })
        .collect()
}

/// Sends `request` on a fresh connection; the status line of the answer,
/// or `None` if none came (the bound is only a safety net).
fn answer(addr: SocketAddr, request: &[u8]) -> Option<String> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&head).trim().to_string())
}

/// How many of the flood's connections the server has not closed.
fn still_open(flood: &[TcpStream]) -> usize {
    flood
        .iter()
        .filter(|s| {
            s.set_nonblocking(true).unwrap();
            let mut byte = [0u8; 1];
            matches!(s.peek(&mut byte), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
        })
        .count()
}

fn a_flood_leaves_it_answering(addr: SocketAddr, request: &[u8]) {
    let flood = flood(addr);
    let status = answer(addr, request);
    // Answered while the flood is still there: not once it has timed out.
    let open = still_open(&flood);
    assert!(status.is_some(), "no answer during the flood");
    assert!(status.unwrap().starts_with("HTTP/1.1 "));
    assert!(open > 0, "the flood was over before the answer came");
}

/// The letters service on a fresh SQLite file, with this time limit for
/// a request's head and body.
fn letters_service(request_timeout_secs: &str) -> (Process, SocketAddr, common::Backend) {
    let backend = common::sqlite();
    let program = PathBuf::from(env!("CARGO_BIN_EXE_iyashi-letters"));
    let (service, addr) = start_with_few_files(
        &program,
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--request-timeout-secs",
            request_timeout_secs,
            "--database",
            &backend.url,
        ],
        None,
    );
    (service, addr, backend)
}

#[test]
fn the_letters_service_answers_through_a_slow_client_flood() {
    // Long time limits: only making room can let the answer through.
    let (_service, addr, _db) = letters_service("300");
    a_flood_leaves_it_answering(
        addr,
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
}

#[test]
fn a_body_that_never_arrives_does_not_hold_the_letters_service() {
    let (_service, addr, _db) = letters_service("1");
    // A whole head promising 100 bytes, then one: the service gives up on
    // the body and says so, instead of waiting for the rest for ever.
    let status = answer(
        addr,
        b"POST /v1/letters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{",
    );
    let status = status.expect("an answer, not a wait");
    assert!(
        status.contains(" 400 ") || status.contains(" 401 "),
        "{status}"
    );
}

#[test]
#[ignore = "drives the iyashi program, which only a workspace build makes: cargo test --workspace -- --ignored"]
fn the_web_room_answers_through_a_slow_client_flood() {
    let letters = PathBuf::from(env!("CARGO_BIN_EXE_iyashi-letters"));
    let iyashi = letters.with_file_name(format!("iyashi{}", std::env::consts::EXE_SUFFIX));
    assert!(iyashi.exists(), "build the workspace first");
    let home = tempfile::tempdir().unwrap();
    let (_room, addr) = start_with_few_files(&iyashi, &["web", "--port", "0"], Some(home.path()));
    let request = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        addr.port()
    );
    a_flood_leaves_it_answering(addr, request.as_bytes());
}
