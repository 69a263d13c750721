//! Drives the real `iyashi` binary against a journal in a temporary home.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect
#![allow(dead_code)] // each test file uses its own part of this

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub mod tmux;
pub mod watch;

/// A home directory of its own, on a fixed day in Tokyo, with no locale or
/// colour leaking in from the machine running the tests.
pub struct Home {
    pub dir: tempfile::TempDir,
    pub now: String,
}

impl Home {
    pub fn new() -> Home {
        use std::os::unix::fs::PermissionsExt;
        Home {
            // Private, as iyashi makes its own home (a shared one it would
            // close, and say so on standard error).
            dir: tempfile::Builder::new()
                .permissions(std::fs::Permissions::from_mode(0o700))
                .tempdir()
                .unwrap(),
            // Wed 25 Nov 2026, 21:30 in Tokyo.
            now: "2026-11-25T12:30:00Z".to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("iyashi.db")
    }

    pub fn config(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    /// `iyashi` with this home and clock.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same, as a plain process (for spawning and killing).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("iyashi"));
        cmd.env_clear()
            .env("IYASHI_HOME", self.path())
            .env("IYASHI_NOW", &self.now)
            .env("TZ", "Asia/Tokyo")
            .env("LANG", "C.UTF-8");
        cmd
    }

    /// Runs `iyashi ARGS…` and expects it to succeed; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "iyashi {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Every entry, as the export sees it.
    pub fn export(&self) -> String {
        self.ok(&["export", "--format", "jsonl"])
    }

    /// Breaks taken this week, as `iyashi week --json` counts them.
    pub fn breaks_taken_this_week(&self) -> u64 {
        let week: serde_json::Value = serde_json::from_str(&self.ok(&["week", "--json"])).unwrap();
        week["days"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["breaks"]["taken"].as_u64())
            .sum()
    }

    pub fn count(&self) -> i64 {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap()
    }
}

/// Asserts the shape of every refusal: non-zero exit, nothing on stdout, one
/// line on stderr that starts with "iyashi: ". Returns that line.
pub fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "expected a refusal, got success");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("iyashi: "), "{err:?}");
    err.trim_end().to_string()
}
