//! Debian's Chromium, headless, driven through chromedriver's WebDriver
//! protocol (plain HTTP and JSON, spoken here in a few lines rather than
//! through a client library). Needs `/usr/bin/chromium` and
//! `/usr/bin/chromedriver` (`apt-get install chromium chromium-driver`).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

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

pub fn free_port() -> u16 {
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

pub struct Browser {
    driver: Driver,
    session: String,
    shots: PathBuf,
}

impl Browser {
    pub fn open() -> Browser {
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

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        call(self.driver.port, method, &path, body)
    }

    pub fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// A browser on the room at `url`, once `ready` (a script) says the
    /// page is there.
    pub fn in_room(url: &str, ready: &str) -> Browser {
        let browser = Browser::open();
        browser.go(url);
        browser.until("the room", ready);
        browser
    }

    pub fn run(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Runs `script`, which calls `arguments[0]` with its answer when done.
    pub fn run_async(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Presses keys as a person would, one after another, on whatever has
    /// the focus: WebDriver's key codes (`TAB`, `ENTER`, `ESCAPE`) or
    /// characters (`" "` is the space bar).
    pub fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            let value = match *key {
                "TAB" => "\u{E004}",
                "ENTER" => "\u{E007}",
                "ESCAPE" => "\u{E00C}",
                "SHIFT" => "\u{E008}",
                other => other,
            };
            actions.push(json!({"type": "keyDown", "value": value}));
            actions.push(json!({"type": "keyUp", "value": value}));
        }
        self.call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// A command of the Chrome DevTools protocol (emulation, mostly).
    pub fn devtools(&self, cmd: &str, params: Value) -> Value {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    /// Shows the page as a screen `width` × `height` CSS pixels would (a
    /// phone's, touch and all, below 600).
    pub fn screen(&self, width: u32, height: u32) {
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
    }

    pub fn find(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    pub fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Waits until `script` returns true.
    pub fn until(&self, what: &str, script: &str) {
        let started = Instant::now();
        while self.run(script) != Value::Bool(true) {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "waited in vain for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn text(&self, css: &str) -> String {
        let script = format!("return document.querySelector({css:?}).textContent");
        self.run(&script).as_str().unwrap_or_default().to_string()
    }

    pub fn screenshot(&self, name: &str) -> PathBuf {
        let data = self.call("GET", "/screenshot", None);
        let png = base64(data.as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"));
        let path = self.shots.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }

    /// A screenshot, saved as [`Browser::screenshot`] does, and its pixels.
    pub fn picture(&self, name: &str) -> Picture {
        let path = self.screenshot(name);
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        let channels = info.color_type.samples();
        Picture {
            width: info.width,
            height: info.height,
            channels,
            pixels,
        }
    }
}

/// A screenshot's pixels.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    channels: usize,
    pixels: Vec<u8>,
}

impl Picture {
    /// The colour at `(x, y)`.
    pub fn at(&self, x: u32, y: u32) -> (u8, u8, u8) {
        let i = (y as usize * self.width as usize + x as usize) * self.channels;
        (self.pixels[i], self.pixels[i + 1], self.pixels[i + 2])
    }

    /// The mean colour of a rectangle.
    pub fn mean(&self, (x, y, w, h): (u32, u32, u32, u32)) -> [f64; 3] {
        let mut sum = [0.0; 3];
        let mut n = 0.0;
        for py in y..(y + h).min(self.height) {
            for px in x..(x + w).min(self.width) {
                let (r, g, b) = self.at(px, py);
                sum[0] += f64::from(r);
                sum[1] += f64::from(g);
                sum[2] += f64::from(b);
                n += 1.0;
            }
        }
        sum.map(|s| s / f64::max(n, 1.0))
    }

    /// The share of the pixels in a rectangle that are within `tolerance`
    /// (in each channel) of one of `colours`.
    pub fn share_of(
        &self,
        (x, y, w, h): (u32, u32, u32, u32),
        colours: &[(u8, u8, u8)],
        tolerance: u8,
    ) -> f64 {
        let near = |a: u8, b: u8| a.abs_diff(b) <= tolerance;
        let mut hits = 0;
        let mut all = 0;
        for py in y..(y + h).min(self.height) {
            for px in x..(x + w).min(self.width) {
                let (r, g, b) = self.at(px, py);
                all += 1;
                if colours
                    .iter()
                    .any(|c| near(r, c.0) && near(g, c.1) && near(b, c.2))
                {
                    hits += 1;
                }
            }
        }
        f64::from(hits) / f64::from(all.max(1))
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
