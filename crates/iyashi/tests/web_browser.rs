//! The web room in a real browser: Debian's Chromium, headless, driven
//! through chromedriver's WebDriver protocol (plain HTTP and JSON, spoken
//! here in a few lines rather than through a client library).
//!
//! Open the room from the printed link, type a joy and keep it, see it on
//! the shelf, reload and still see it, see a joy from the CLI arrive by
//! itself, switch to 日本語, open the episode, and save screenshots of each
//! (to `$IYASHI_SCREENSHOTS`, or `target/tmp/web-screenshots`).
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (`apt-get install chromium chromium-driver`); `.ci/run` installs them and
//! runs this with `--include-ignored`.

mod common;
mod web_common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use common::Home;
use web_common::Server;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One WebDriver call.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // chromedriver may keep the connection open, so the body is read by its
    // length (or its chunks), not to the end of the stream.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let text = loop {
        let n = stream.read(&mut buf).unwrap();
        raw.extend_from_slice(&buf[..n]);
        if let Some(body) = complete_body(&raw) {
            break body;
        }
        assert!(n > 0, "chromedriver closed the connection early");
    };
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert!(
        value["value"]["error"].is_null(),
        "{method} {path}: {}",
        value["value"]
    );
    value["value"].clone()
}

/// The body once all of it has arrived.
fn complete_body(raw: &[u8]) -> Option<String> {
    let raw = std::str::from_utf8(raw).ok()?;
    let (head, rest) = raw.split_once("\r\n\r\n")?;
    let head = head.to_ascii_lowercase();
    if head.contains("transfer-encoding: chunked") {
        let mut text = String::new();
        let mut rest = rest;
        loop {
            let (size, after) = rest.split_once("\r\n")?;
            let n = usize::from_str_radix(size.trim(), 16).ok()?;
            if n == 0 {
                return Some(text);
            }
            text.push_str(after.get(..n)?);
            rest = after.get(n + 2..)?;
        }
    }
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())?;
    (rest.len() >= length).then(|| rest[..length].to_string())
}

struct Browser {
    driver: Driver,
    session: String,
    shots: PathBuf,
}

impl Browser {
    fn open() -> Browser {
        let port = free_port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (apt-get install chromium-driver)");
        let driver = Driver { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no chromedriver"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--lang=en-GB"]
            }
        }}});
        let session = call(port, "POST", "/session", Some(capabilities))["sessionId"]
            .as_str()
            .unwrap()
            .to_string();
        let shots = std::env::var_os("IYASHI_SCREENSHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screenshots"));
        std::fs::create_dir_all(&shots).unwrap();
        Browser {
            driver,
            session,
            shots,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        call(self.driver.port, method, &path, body)
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn run(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    fn find(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Waits until `script` returns true.
    fn until(&self, what: &str, script: &str) {
        let started = Instant::now();
        while self.run(script) != Value::Bool(true) {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "waited in vain for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn text(&self, css: &str) -> String {
        let script = format!("return document.querySelector({css:?}).textContent");
        self.run(&script).as_str().unwrap_or_default().to_string()
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let data = self.call("GET", "/screenshot", None);
        let png = base64(data.as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"));
        let path = self.shots.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        let _ = std::panic::catch_unwind(|| call(self.driver.port, "DELETE", &path, None));
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, c)| {
            acc | u32::from(value(*c)) << (18 - 6 * i)
        });
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[test]
#[ignore = "needs chromium"]
fn the_room_in_a_real_browser() {
    let home = Home::new();
    home.ok(&["mood", "3", "a long day"]);
    let server = Server::start(&home);
    let browser = Browser::open();

    // The printed link: its token becomes a cookie and leaves the address.
    browser.go(&server.url);
    browser.until(
        "the room",
        "return document.getElementById('day').textContent.length > 0",
    );
    let address = browser.run("return location.href");
    assert_eq!(address, json!(format!("{}/", server.origin())));
    assert_eq!(browser.text("#shelf-title"), "Today's small joys");
    // The companions are drawn from the film: Goro has his sprite sheet.
    let goro =
        browser.run("return getComputedStyle(document.querySelector('.goro')).backgroundImage");
    assert!(
        goro.as_str().unwrap().contains("/sprites/goro.svg"),
        "{goro}"
    );
    browser.screenshot("1-room-en.png");

    // A joy, typed and kept, with a script that must stay words.
    let words = "warm tea <script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\">";
    browser.type_into("#joy-text", words);
    browser.click("#joy-form button");
    browser.until(
        "the joy on the shelf",
        "return document.querySelectorAll('#joys li').length === 1",
    );
    assert_eq!(browser.text("#joys li .text"), words);
    assert_eq!(browser.text("#said"), "Kept. That's 1 small joy today.");
    assert_eq!(
        browser.run("return [window.pwned === undefined, document.querySelectorAll('#joys script, #joys img').length]"),
        json!([true, 0])
    );
    browser.screenshot("2-joy-kept.png");

    // Still there after a reload: it is in the journal, not just the page.
    browser.call("POST", "/refresh", Some(json!({})));
    browser.until(
        "the shelf after a reload",
        "return document.querySelectorAll('#joys li').length === 1",
    );
    assert_eq!(browser.text("#joys li .text"), words);

    // A joy from the terminal arrives without a reload.
    home.ok(&["joy", "a cat on the wall"]);
    browser.until(
        "the CLI's joy",
        "return document.querySelectorAll('#joys li').length === 2",
    );
    assert!(browser.text("#joys").contains("a cat on the wall"));

    // 日本語.
    browser.click("#lang");
    browser.until(
        "Japanese",
        "return document.getElementById('shelf-title').textContent === '今日の小さな幸せ'",
    );
    assert_eq!(browser.run("return document.documentElement.lang"), "ja");
    assert_eq!(browser.text("#lang"), "English");
    browser.screenshot("3-room-ja.png");

    // This month's episode, with its charts.
    browser.click("#episode-open");
    browser.until(
        "the episode",
        "return document.getElementById('episode').open",
    );
    assert!(
        browser.text("#episode-title").starts_with("第11話"),
        "{}",
        browser.text("#episode-title")
    );
    assert!(browser.text("#episode-text").contains("a cat on the wall"));
    let marks = browser.run(
        "return [document.querySelectorAll('#chart-mood circle').length, \
         document.querySelectorAll('#chart-work text').length]",
    );
    assert_eq!(marks[0], json!(1), "one mood check-in, one dot");
    assert!(marks[1].as_u64().unwrap() > 3, "days along the axis");
    let shot = browser.screenshot("4-episode-ja.png");
    eprintln!("screenshots in {}", shot.parent().unwrap().display());
}
