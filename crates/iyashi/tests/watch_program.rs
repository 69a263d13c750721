//! `iyashi watch` is what people type; the daemon that keeps running is the
//! small `iyashi-watch` beside it (the same process: `iyashi` hands over by
//! exec), and that program, started by hand, says to use `iyashi watch`.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::io::Read;
use std::process::Stdio;

use common::watch::wait_for_socket;
use common::{refused, Home};
use rustix::process::{Pid, Signal};

#[test]
fn iyashi_watch_becomes_the_small_daemon_and_answers_as_before() {
    let home = Home::new();
    let mut child = home
        .std_cmd()
        .args(["--lang", "ja", "watch", "--source", "manual", "--no-tray"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_socket(&home);
    let exe = std::fs::read_link(format!("/proc/{}/exe", child.id())).unwrap();
    assert_eq!(exe.file_name().unwrap(), "iyashi-watch", "{exe:?}");
    assert!(home.ok(&["break"]).contains("iyashi watch is keeping time"));

    let pid = Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process(pid, Signal::TERM).unwrap();
    assert!(child.wait().unwrap().success());
    let mut said = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut said)
        .unwrap();
    // In the language `iyashi` was asked for, from start to stop.
    assert!(said.contains("見守っています"), "{said}");
    assert!(
        said.lines().last().unwrap().contains("見守りを終えました"),
        "{said}"
    );
}

#[test]
fn the_small_daemon_started_by_hand_says_to_run_iyashi_watch() {
    let home = Home::new();
    let daemon = assert_cmd::cargo::cargo_bin("iyashi-watch");
    for (args, lang, words) in [
        (&["watch"][..], "C.UTF-8", "run iyashi watch"),
        (&["--lang", "fr"], "C.UTF-8", "run iyashi watch"),
        (&["--install"], "C.UTF-8", "run iyashi watch"),
        (
            &["--no-tray", "--no-tray"],
            "ja_JP.UTF-8",
            "iyashi watch を使って",
        ),
    ] {
        let out = std::process::Command::new(&daemon)
            .env_clear()
            .env("IYASHI_HOME", home.path())
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(refused(&out).contains(words), "{args:?}");
    }
    // Nothing was made or touched.
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

#[test]
fn an_older_small_daemon_left_beside_iyashi_is_not_handed_over_to() {
    // `cargo run` builds only `iyashi`: an `iyashi-watch` from an earlier
    // build may sit beside it. Here a stand-in that says another stamp and
    // leaves a mark if it is ever run as the daemon.
    let bin = tempfile::tempdir().unwrap();
    let iyashi = bin.path().join("iyashi");
    std::fs::copy(env!("CARGO_BIN_EXE_iyashi"), &iyashi).unwrap();
    let mark = bin.path().join("older-daemon-ran");
    let older = bin.path().join("iyashi-watch");
    std::fs::write(
        &older,
        format!(
            "#!/bin/sh\n[ \"$1\" = --build-stamp ] && {{ echo 1; exit 0; }}\ntouch '{}'\n",
            mark.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&older, std::fs::Permissions::from_mode(0o755)).unwrap();

    let home = Home::new();
    let mut child = std::process::Command::new(&iyashi)
        .env("IYASHI_HOME", home.path())
        .env("IYASHI_NOW", &home.now)
        .env("TZ", "Asia/Tokyo")
        .env("LANG", "C.UTF-8")
        .args(["watch", "--source", "manual", "--no-tray"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_socket(&home);
    // `iyashi` runs the daemon itself, and it answers.
    let exe = std::fs::read_link(format!("/proc/{}/exe", child.id())).unwrap();
    assert_eq!(exe, iyashi);
    assert!(home.ok(&["break"]).contains("iyashi watch is keeping time"));
    assert!(!mark.exists(), "the older daemon was run");
    let _ = child.kill();
    let _ = child.wait();
}
