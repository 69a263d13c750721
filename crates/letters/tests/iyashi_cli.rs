//! `iyashi letters` end to end: the real `iyashi` binary, two people (two
//! homes), one service on loopback. Offline first, then online.
//!
//! The `iyashi` binary is another package's; `cargo test --workspace` builds
//! it beside this one, so the test is ignored in a lone `cargo test -p
//! iyashi-letters` and run by CI with `--include-ignored`.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn iyashi_bin() -> PathBuf {
    let letters = PathBuf::from(env!("CARGO_BIN_EXE_iyashi-letters"));
    let bin = letters.with_file_name(format!("iyashi{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "build the workspace first: {} is missing",
        bin.display()
    );
    bin
}

fn home(server: &str, enabled: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("language = \"en\"\n[letters]\nenabled = {enabled}\nserver = \"{server}\"\n"),
    )
    .unwrap();
    dir
}

/// Turns letters on in `home` with `server` as the service.
fn point_at(home: &Path, server: &str) {
    std::fs::write(
        home.join("config.toml"),
        format!("language = \"en\"\n[letters]\nenabled = true\nserver = \"{server}\"\n"),
    )
    .unwrap();
}

fn iyashi(home: &Path, args: &[&str]) -> Output {
    Command::new(iyashi_bin())
        .args(["letters"])
        .args(args)
        .env("IYASHI_HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
#[ignore = "drives the iyashi program, which only a workspace build makes: cargo test --workspace -- --ignored"]
fn letters_are_off_until_a_person_turns_them_on() {
    let off = home("http://127.0.0.1:9", false);
    let out = iyashi(off.path(), &["rest"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("opt-in"));
    assert!(
        !off.path().join("letters-key").exists(),
        "no key is made while letters are off"
    );
}

#[test]
#[ignore = "drives the iyashi program, which only a workspace build makes: cargo test --workspace -- --ignored"]
fn a_letter_written_offline_is_sent_later_and_answered() {
    let backend = common::sqlite();
    let service = common::Service::relaxed(&backend.url);

    // Offline: calm, successful, and the letter is kept.
    let writer = home("http://127.0.0.1:9", true);
    let out = iyashi(
        writer.path(),
        &[
            "write", "Tired", "today,", "but", "the", "tea", "was", "good.",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("cannot be reached"));
    assert!(writer.path().join("letters-outbox.jsonl").exists());

    // Online: the kept letter goes out with the next command.
    point_at(writer.path(), &service.url());
    let out = iyashi(writer.path(), &["inbox"]);
    assert!(stdout(&out).contains("has been sent"), "{}", stdout(&out));
    assert!(!writer.path().join("letters-outbox.jsonl").exists());

    let reader = home(&service.url(), true);
    let out = iyashi(reader.path(), &["inbox", "--json"]);
    let inbox: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        inbox["letters"][0]["body"],
        "Tired today, but the tea was good."
    );
    let letter = inbox["letters"][0]["id"].as_str().unwrap().to_string();
    let out = iyashi(
        reader.path(),
        &["reply", &letter, "Good", "tea", "is", "a", "lot."],
    );
    assert!(out.status.success(), "{out:?}");

    let out = iyashi(writer.path(), &["inbox", "--json"]);
    let inbox: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reply = inbox["replies"][0]["id"].as_str().unwrap().to_string();
    assert!(iyashi(writer.path(), &["thank", &reply]).status.success());
    let out = iyashi(writer.path(), &["inbox"]);
    assert!(stdout(&out).contains("Good tea is a lot."));
    assert!(stdout(&out).contains("(done)"));

    // A refusal is a plain sentence and a non-zero exit.
    let out = iyashi(reader.path(), &["reply", &letter, "again"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already done"));

    let out = iyashi(reader.path(), &["rest"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("resting"), "{}", stdout(&out));
}

fn outbox_lines(home: &Path) -> usize {
    std::fs::read_to_string(home.join("letters-outbox.jsonl"))
        .unwrap_or_default()
        .lines()
        .count()
}

#[test]
#[ignore = "drives the iyashi program, which only a workspace build makes: cargo test --workspace -- --ignored"]
fn a_letter_the_service_cannot_store_now_is_kept() {
    let backend = common::sqlite();
    let service = common::Service::relaxed(&backend.url);
    let writer = home(&service.url(), true);
    assert!(iyashi(writer.path(), &["inbox"]).status.success());
    // The service answers, but cannot store: its database is gone (503).
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", backend.url));
    }
    let out = iyashi(writer.path(), &["write", "Please", "keep", "this", "one."]);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("kept here"), "{}", stdout(&out));
    assert_eq!(outbox_lines(writer.path()), 1);

    // A service that can store takes it with the next command.
    let fresh = common::sqlite();
    let service = common::Service::relaxed(&fresh.url);
    point_at(writer.path(), &service.url());
    let out = iyashi(writer.path(), &["inbox"]);
    assert!(stdout(&out).contains("has been sent"), "{}", stdout(&out));
    assert_eq!(outbox_lines(writer.path()), 0);
}

#[test]
#[ignore = "drives the iyashi program, which only a workspace build makes: cargo test --workspace -- --ignored"]
fn twenty_letters_written_offline_at_once_are_twenty_kept() {
    let writer = home("http://127.0.0.1:9", true);
    // One run first, so the twenty do not also race to make the key.
    assert!(iyashi(writer.path(), &["rest"]).status.success());
    let runs: Vec<_> = (0..20)
        .map(|n| {
            Command::new(iyashi_bin())
                .args(["letters", "write", &format!("Letter number {n}.")])
                .env("IYASHI_HOME", writer.path())
                .env("NO_COLOR", "1")
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut run in runs {
        assert!(run.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(writer.path().join("letters-outbox.jsonl")).unwrap();
    let mut bodies: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["body"].to_string())
        .collect();
    bodies.sort();
    bodies.dedup();
    assert_eq!(bodies.len(), 20, "{text}");
}
