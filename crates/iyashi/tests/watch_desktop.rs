//! `iyashi watch` on a real (virtual) desktop: Xvfb for the X server and its
//! idle time, a D-Bus session bus, dunst as the notification server, xdotool
//! as the person at the mouse, and dbus-monitor as the witness.
//!
//! Needs Debian's xvfb, dbus, dunst, xdotool (`.ci/run` installs them).

mod common;
mod desktop;

use std::fs;
use std::process::Command;
use std::time::Duration;

use common::Home;
use desktop::{wait_for, Desktop, SURELY_COMING};
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::BreakKind;
use iyashi_core::Lang;

#[test]
#[ignore = "needs Xvfb, dbus-daemon, dunst and xdotool"]
fn a_break_is_asked_for_postponed_taken_and_recorded() {
    let home = Home::new();
    fs::write(
        home.config(),
        "[rhythm]\nmicro_break_every = \"5s\"\nmicro_break_length = \"2s\"\n\
         rest_break_every = \"10m\"\nrest_break_length = \"1m\"\npostpone = \"3s\"\n\
         long_absence = \"5m\"\nworkdays = []\n",
    )
    .unwrap();
    let desktop = Desktop::start(home.path());
    let mut watch = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(["watch"])
        .env("IYASHI_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .env_remove("IYASHI_NOW")
        .stdout(fs::File::create(home.path().join("watch.log")).unwrap())
        .spawn()
        .unwrap();

    desktop.work_until("a break prompt", |d| !d.prompts().is_empty());
    let first = desktop.prompts()[0].clone();
    assert!(first.contains("2 seconds"), "{first}");

    desktop.press("Later");
    wait_for(SURELY_COMING, || {
        desktop.monitor().contains("string \"later\"")
            && desktop.monitor().contains("ActionInvoked")
    });
    // The reminder comes back after the postpone, more gently worded.
    desktop.work_until("a second, gentler prompt", |d| d.prompts().len() >= 2);
    let second = desktop.prompts()[1].clone();
    assert_ne!(
        first, second,
        "the second reminder should be worded more gently"
    );

    desktop.press("Take the break");
    wait_for(SURELY_COMING, || {
        desktop.monitor().matches("ActionInvoked").count() >= 2
    });
    // Rest without touching anything until Piyo says the break is over.
    let over = Piyo::BreakOver {
        kind: BreakKind::Micro,
    }
    .render(Lang::En);
    wait_for(Duration::from_secs(20), || {
        desktop.monitor().contains(&over)
    });

    let status = desktop
        .command(assert_cmd::cargo::cargo_bin("iyashi").to_str().unwrap())
        .args(["break"])
        .env("IYASHI_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&status.stdout);
    assert!(said.contains("Next eye rest in"), "{said}");

    // SIGTERM: the open session is saved before the daemon leaves.
    Command::new("kill")
        .arg(watch.id().to_string())
        .status()
        .unwrap();
    assert!(watch.wait().unwrap().success());
    let log = fs::read_to_string(home.path().join("watch.log")).unwrap();
    assert!(log.contains("Stopped watching"), "{log}");

    let db = rusqlite::Connection::open(home.db()).unwrap();
    let worked: i64 = db
        .query_row(
            "SELECT coalesce(sum(worked_ms), 0) FROM work_sessions",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(worked >= 5_000, "worked {worked} ms");
    let (outcome, postponed, asked): (String, i64, i64) = db
        .query_row(
            "SELECT outcome, postponed, asked FROM breaks WHERE outcome = 'taken'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((outcome.as_str(), postponed, asked), ("taken", 1, 1));
}
