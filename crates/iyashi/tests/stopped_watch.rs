//! A `watch` stopped with Ctrl-Z (SIGSTOP) still accepts connections on its
//! socket (the kernel does that for it) but never answers. Nobody who asks
//! it, `iyashi break` or the web room, may hang on it: each gives up within
//! a second and carries on.
//!
//! The limits below are deadlines for liveness, not speed targets: a client
//! used to wait 10 s for each request.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::watch::ManualWatch;
use common::Home;
use rustix::process::{Pid, Signal};
use web_common::Server;

/// What no single request may take with the daemon stopped.
const DEADLINE: Duration = Duration::from_secs(6);

/// A real `iyashi watch`, stopped as Ctrl-Z stops it.
fn stopped_watch(home: &Home) -> ManualWatch {
    let watch = ManualWatch::start(home);
    // It answers while it runs.
    assert!(home.ok(&["break"]).contains("iyashi watch is keeping time"));
    signal(&watch.0, Signal::STOP);
    watch
}

fn signal(child: &Child, which: Signal) {
    let pid = Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process(pid, which).unwrap();
}

/// Runs `iyashi ARGS…`, killing it at the deadline.
fn within_deadline(home: &Home, args: &[&str]) -> std::process::Output {
    let mut child = home
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("iyashi {args:?} hung on the stopped daemon");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_stopped_watch_does_not_hold_up_the_command_line() {
    let home = Home::new();
    let _watch = stopped_watch(&home);
    for args in [
        &["break"][..],
        &["work", "start"],
        &["--lang", "ja", "break"],
    ] {
        let out = within_deadline(&home, args);
        let err = String::from_utf8_lossy(&out.stderr);
        // It says so in one line rather than waiting.
        assert_eq!(err.lines().count(), 1, "iyashi {args:?}: {err}");
        assert!(!out.status.success(), "iyashi {args:?}");
    }
    // Writing down a joy never needed the daemon.
    within_deadline(&home, &["joy", "tea"]);
}

#[test]
fn a_stopped_watch_does_not_hold_up_the_web_room() {
    let home = Home::new();
    let _watch = stopped_watch(&home);
    let server = Server::start(&home);
    for _ in 0..3 {
        let asked = Instant::now();
        let room = server.get("/api/room");
        assert_eq!(room.status, 200, "{}", room.body);
        assert!(
            asked.elapsed() < DEADLINE,
            "the room waited {:?}",
            asked.elapsed()
        );
    }
    let asked = Instant::now();
    let started = server.post("/api/breaks", r#"{"action":"start"}"#);
    assert_eq!(started.status, 200, "{}", started.body);
    assert!(
        asked.elapsed() < DEADLINE,
        "the break waited {:?}",
        asked.elapsed()
    );
}
