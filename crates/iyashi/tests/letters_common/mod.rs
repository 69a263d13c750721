//! A real letters service for the faces' tests: the `iyashi-letters`
//! program (built beside `iyashi` by `cargo build --workspace`), on a
//! fresh SQLite file, on a port the system picks, stopped when dropped.
//! Keys are settled at once and a new key's proof of work is a token one,
//! so a test's fresh homes cost nothing.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)] // each test file uses its own part of this

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::Home;

pub struct LettersService {
    child: Child,
    pub url: String,
    dir: tempfile::TempDir,
}

impl Drop for LettersService {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn program() -> PathBuf {
    let iyashi = assert_cmd::cargo::cargo_bin("iyashi");
    let bin = iyashi.with_file_name(format!("iyashi-letters{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "build the workspace first (cargo build --workspace): {} is missing",
        bin.display()
    );
    bin
}

impl LettersService {
    pub fn start() -> LettersService {
        let dir = tempfile::tempdir().unwrap();
        let roomy = "100000";
        let mut child = Command::new(program())
            .args(["serve", "--listen", "127.0.0.1:0", "--database"])
            .arg(dir.path().join("letters.db"))
            .args(["--work-bits", "1", "--work-parts", "1"])
            .args([
                "--settle-secs",
                "0",
                "--first-dibs-secs",
                "0",
                "--flush-ms",
                "50",
            ])
            .args([
                "--signed-per-minute",
                roomy,
                "--heartbeats-per-minute",
                roomy,
            ])
            .args(["--network-per-minute", roomy, "--address-per-minute", roomy])
            .args(["--reads-per-minute", roomy, "--new-keys-per-minute", roomy])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("the service said {first:?}"))
            .to_string();
        LettersService { child, url, dir }
    }

    /// The rows of one table of the service's database, as its moderators'
    /// `admin dump` prints them (tab-separated, the table's name first).
    pub fn rows(&self, table: &str) -> Vec<String> {
        let out = Command::new(program())
            .arg("admin")
            .arg("--database")
            .arg(self.dir.path().join("letters.db"))
            .arg("dump")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|line| line.split('\t').next() == Some(table))
            .map(str::to_string)
            .collect()
    }
}

/// Turns letters on in the home whose config file is `config`, with
/// `server` as the service (what the file says before any `[letters]` is kept).
pub fn letters_on(config: &Path, server: &str) {
    let before = std::fs::read_to_string(config).unwrap_or_default();
    let kept: String = match before.find("[letters]") {
        Some(at) => before[..at].to_string(),
        None => before,
    };
    std::fs::write(
        config,
        format!("{kept}\n[letters]\nenabled = true\nserver = \"{server}\"\n"),
    )
    .unwrap();
}

/// Nothing listens on port 9 of loopback on a test machine.
pub const AWAY: &str = "http://127.0.0.1:9";

/// Makes the thanks figure kept in the home folder `home` an hour old, so
/// the next look asks the service again (a fresher one is not asked for).
pub fn an_hour_passes(home: &Path) {
    let path = home.join("letters-thanks.json");
    let mut known: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    known["asked_at"] = (known["asked_at"].as_i64().unwrap() - 3600).into();
    std::fs::write(&path, known.to_string()).unwrap();
}

/// `letters inbox --json` of a home, read.
pub fn inbox_json(home: &Home) -> serde_json::Value {
    serde_json::from_str(&home.ok(&["letters", "inbox", "--json"])).unwrap()
}

/// A real service, two homes using it, and the id of the letter the first
/// wrote and the second has just read.
pub fn a_letter_read() -> (LettersService, Home, Home, String) {
    let service = LettersService::start();
    let (writer, reader) = (Home::new(), Home::new());
    letters_on(&writer.config(), &service.url);
    letters_on(&reader.config(), &service.url);
    writer.ok(&["letters", "write", "Long day. The tea was good."]);
    let letter = inbox_json(&reader)["letters"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    (service, writer, reader, letter)
}
