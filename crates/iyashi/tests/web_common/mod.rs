//! A running `iyashi web` and a tiny HTTP client that says exactly what a
//! test tells it to (any Host, any Origin, any cookie), which a browser or
//! a polite client library would not.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)] // each test file uses its own part of this

pub mod axe;
pub mod browser;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::common::Home;

/// `iyashi web --port 0` in a home of its own, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub token: String,
    pub url: String,
    /// What the link's answer set: the cookie (`iyashi-PORT=…`) and the
    /// page's key (from the address's fragment).
    pub cookie: String,
    pub key: String,
}

impl Server {
    pub fn start(home: &Home) -> Server {
        let mut child = home
            .std_cmd()
            .args(["web", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("iyashi web starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no link in {first:?}"))
            .to_string();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap();
        let (port, query) = rest.split_once('/').unwrap();
        let token = query.strip_prefix("?token=").unwrap().to_string();
        let mut server = Server {
            child,
            port: port.parse().unwrap(),
            token,
            url,
            cookie: String::new(),
            key: String::new(),
        };
        let link = server.send("GET", &format!("/?token={}", server.token), &[], "");
        assert_eq!(link.status, 303, "{link:?}");
        server.cookie = link
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .unwrap_or_default()
            .to_string();
        server.key = link
            .header("location")
            .and_then(|l| l.strip_prefix("/#key="))
            .unwrap_or_default()
            .to_string();
        server
    }

    /// The Host header a browser at the printed link sends.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The room's own origin.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The cookie the link sets.
    pub fn cookie(&self) -> String {
        self.cookie.clone()
    }

    /// A GET as the room's page makes it.
    pub fn get(&self, path: &str) -> Reply {
        let headers = [
            ("Cookie", self.cookie.as_str()),
            ("X-Iyashi-Key", &self.key),
        ];
        self.send("GET", path, &headers, "")
    }

    /// A POST of JSON as the room's page makes it.
    pub fn post(&self, path: &str, json: &str) -> Reply {
        let origin = self.origin();
        self.send(
            "POST",
            path,
            &[
                ("Cookie", &self.cookie),
                ("X-Iyashi-Key", &self.key),
                ("Origin", &origin),
                ("Content-Type", "application/json"),
            ],
            json,
        )
    }

    /// Any request, with the room's Host unless `headers` gives another.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head += &format!("Host: {}\r\n", self.host());
        }
        for (k, v) in headers {
            head += &format!("{k}: {v}\r\n");
        }
        head += &format!("Content-Length: {}\r\n\r\n{body}", body.len());
        stream.write_all(head.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&String::from_utf8(raw).unwrap())
    }

    /// Opens the event stream and returns it once the headers are read.
    pub fn events(&self) -> BufReader<TcpStream> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let head = format!(
            "GET /api/events HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nX-Iyashi-Key: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.host(),
            self.cookie,
            self.key
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.contains(" 200 "), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                return reader;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    fn parse(raw: &str) -> Reply {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
        let mut lines = head.lines();
        let status = lines.next().unwrap().split_whitespace().nth(1).unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status: status.parse().unwrap(),
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}
