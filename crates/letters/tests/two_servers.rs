//! Two service processes on one PostgreSQL, as behind a load balancer: a
//! letter written through one is answered through the other, and both count
//! the same people resting. Each server here is its own `iyashi-letters`
//! process, so nothing is shared but the database.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use iyashi_letters::client::Client;
use iyashi_letters::protocol::Identity;

struct Process {
    child: Child,
    url: String,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(database: &str) -> Process {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iyashi-letters"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--flush-ms",
            "100",
            "--threads",
            "1",
            // Every key settled at once and a token proof of work: this
            // test is about two processes, not about new keys.
            "--settle-secs",
            "0",
            "--first-dibs-secs",
            "0",
            "--work-bits",
            "2",
            "--database",
            database,
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the listening line")
        .to_string();
    Process { child, url }
}

#[test]
#[ignore = "needs postgres"]
fn two_servers_on_one_database_are_one_service() {
    let backend = common::postgres();
    let one = serve(&backend.url);
    let two = serve(&backend.url);
    let writer_key = Identity::generate();
    let reader_key = Identity::generate();
    let writer_secret = writer_key.secret();
    let reader_secret = reader_key.secret();
    let mut writer = Client::new(&one.url, writer_key).unwrap();
    let mut reader = Client::new(&two.url, reader_key).unwrap();

    let letter = writer.write("Is anyone else still at their desk?").unwrap();
    let inbox = reader.inbox().unwrap();
    assert_eq!(inbox.letters[0].id, letter);
    let reply = reader
        .reply(&letter, "I am, and I am about to stop. You can too.")
        .unwrap();
    let answers = writer.inbox().unwrap().replies;
    assert_eq!(answers[0].id, reply);
    writer.thank(&reply).unwrap();
    // Seen through the other server, and with the same keys.
    let writer_elsewhere = Client::new(&two.url, Identity::from_secret(writer_secret)).unwrap();
    assert!(writer_elsewhere.inbox().unwrap().replies[0].thanked);

    // A token from one server works on the other: they share the secret.
    writer.rest().unwrap();
    reader.rest().unwrap();
    let mut reader_on_one = Client::new(&one.url, Identity::from_secret(reader_secret)).unwrap();
    reader_on_one.rest().unwrap();
    let watcher_one = Client::new(&one.url, Identity::generate()).unwrap();
    let watcher_two = Client::new(&two.url, Identity::generate()).unwrap();
    assert!(common::eventually(
        || watcher_one.resting().unwrap() == 2 && watcher_two.resting().unwrap() == 2
    ));

    // A request replayed against the other server is still a replay.
    let body = br#"{"body":"once only"}"#;
    let headers =
        Identity::from_secret(writer_secret).sign("POST", "/v1/letters", common::now(), body);
    let raw = |url: &str| {
        let addr = url.strip_prefix("http://").unwrap().parse().unwrap();
        let service = RawTarget(addr);
        service.post(&headers, body)
    };
    assert_eq!(raw(&one.url), 201);
    assert_eq!(raw(&two.url), 409);
}

struct RawTarget(std::net::SocketAddr);

impl RawTarget {
    fn post(&self, headers: &[(&str, String)], body: &[u8]) -> u16 {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(self.0).unwrap();
        let mut request = format!(
            "POST /v1/letters HTTP/1.1\r\nhost: {}\r\nconnection: close\r\ncontent-length: {}\r\n",
            self.0,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
}
