//! Every sentence about work and rest says what is true, with and without
//! `iyashi watch`, with and without a session open: no reminder is promised
//! that nothing will send, no break counted down that nothing is timing, an
//! open session is counted, and a day without work is not "0m of work".

#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use common::watch::ManualWatch;
use common::Home;
use web_common::Server;

fn both(home: &Home, args: &[&str]) -> (String, String) {
    (
        home.ok(args),
        home.ok(&[&["--lang", "ja"][..], args].concat()),
    )
}

#[test]
fn without_watch_nothing_promises_reminders_or_counts_nothing_as_zero() {
    let mut home = Home::new();
    home.now = "2026-11-25T00:00:00Z".into(); // 09:00 in Tokyo

    // Nothing counted yet: no "0m of work", and no timer claimed.
    let (en, ja) = both(&home, &["break"]);
    assert!(!en.contains("0m") && !ja.contains("0分"), "{en}{ja}");
    assert!(en.contains("no break is being timed"), "{en}");
    assert!(ja.contains("休憩の時間は計っていません"), "{ja}");

    // A session by hand: reminders only where something will send them.
    let started = home.ok(&["work", "start"]);
    assert!(!started.contains("Piyo will remind you"), "{started}");
    assert!(
        started.contains("reminders come only while the room is open"),
        "{started}"
    );

    // An hour and a half in, `break` counts the open session.
    home.now = "2026-11-25T01:30:00Z".into();
    let (en, ja) = both(&home, &["break"]);
    assert!(en.contains("Working since 09:00: 1h 30m today."), "{en}");
    assert!(
        ja.contains("09:00から作業中で、今日は1時間30分です。"),
        "{ja}"
    );

    // The web room's line counts it too.
    let server = Server::start(&home);
    let line = server.get("/api/room").json()["rhythm"]["line"].clone();
    assert!(line.as_str().unwrap().contains("1h 30m"), "{line}");
    assert!(!line.as_str().unwrap().contains("a break in"), "{line}");
    drop(server);

    let stopped = home.ok(&["work", "stop"]);
    assert!(stopped.contains("1h 30m"), "{stopped}");
    let (en, _) = both(&home, &["break"]);
    assert!(en.starts_with("1h 30m of work recorded today."), "{en}");
}

#[test]
fn a_stop_without_any_work_counts_none() {
    let home = Home::new();
    home.ok(&["work", "start"]);
    let (en, ja) = both(&home, &["work", "stop"]);
    assert!(!en.contains("0m") && !ja.contains("0分"), "{en}{ja}");
}

#[test]
fn with_watch_running_the_next_break_is_told_only_while_a_session_counts() {
    let home = Home::new();
    let _watch = ManualWatch::start(&home);

    // Watching, but no session: no countdown.
    let (en, ja) = both(&home, &["break"]);
    assert!(en.contains("no work is being counted just now"), "{en}");
    assert!(!en.contains("Next eye rest"), "{en}");
    assert!(ja.contains("いまは作業を数えていません"), "{ja}");
    let server = Server::start(&home);
    let line = server.get("/api/room").json()["rhythm"]["line"].clone();
    assert!(!line.as_str().unwrap().contains("a break in"), "{line}");

    // A session through the daemon: reminders will come, and the countdown
    // is true.
    let started = home.ok(&["work", "start"]);
    assert!(
        started.contains("Piyo will remind you to rest."),
        "{started}"
    );
    let (en, ja) = both(&home, &["break"]);
    assert!(en.starts_with("Next eye rest in"), "{en}");
    assert!(ja.starts_with("次の目の休憩まで"), "{ja}");
    let line = server.get("/api/room").json()["rhythm"]["line"].clone();
    assert!(line.as_str().unwrap().contains("a break in"), "{line}");
}

/// The daemon keeps time with the one clock: `IYASHI_NOW` (21:30 in Tokyo
/// here) is its "now" as it is every command's, so a session it opens
/// begins then, not at the machine's time.
#[test]
fn the_daemon_keeps_the_time_iyashi_now_gives() {
    let home = Home::new();
    let _watch = ManualWatch::start(&home);
    let started = home.ok(&["--lang", "en", "work", "start"]);
    assert!(
        started.starts_with("Work started at 21:30. Piyo will remind you to rest."),
        "{started}"
    );
}
