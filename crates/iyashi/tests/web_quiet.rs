//! Quiet from the web room: for an hour, until tomorrow, or off, the same
//! quiet `iyashi quiet` sets (what `iyashi why` reports), through the API
//! and, in a real browser (Debian's Chromium, headless), through the page's
//! buttons.
//!
//! The browser test needs `/usr/bin/chromium` and `/usr/bin/chromedriver`;
//! `.ci/run` installs them and runs it with `--ignored`.

#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use serde_json::{json, Value};

use common::Home;
use web_common::browser::Browser;
use web_common::Server;

fn why(home: &Home) -> Value {
    serde_json::from_str(&home.ok(&["why", "--json"])).unwrap()
}

/// `hh:mm` of an instant `why --json` gives, in Tokyo (the homes' zone).
fn tokyo(at: &Value) -> String {
    let at: jiff::Timestamp = at.as_str().unwrap().parse().unwrap();
    at.in_tz("Asia/Tokyo")
        .unwrap()
        .strftime("%H:%M")
        .to_string()
}

#[test]
fn the_page_sets_the_same_quiet_as_iyashi_quiet() {
    let home = Home::new(); // 21:30 in Tokyo
    let server = Server::start(&home);
    assert_eq!(server.get("/api/room").json()["quiet"], Value::Null);

    let answer = server.post("/api/quiet", r#"{"quiet":"hour"}"#);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(
        answer.json()["said"]
            .as_str()
            .unwrap()
            .starts_with("Quiet until 22:30 (1 hour)."),
        "{}",
        answer.body
    );
    assert_eq!(tokyo(&why(&home)["quiet_until"]), "22:30");
    assert_eq!(
        server.get("/api/room?lang=ja").json()["quiet"],
        json!("22:30まで静かな時間です。ピヨはお知らせを控えています。")
    );

    // Until tomorrow is the day's end, as `iyashi quiet today` sets it.
    server.post("/api/quiet", r#"{"quiet":"today","lang":"ja"}"#);
    let from_page = why(&home)["quiet_until"].clone();
    home.ok(&["quiet", "off"]);
    home.ok(&["quiet", "today"]);
    assert_eq!(why(&home)["quiet_until"], from_page);
    assert_eq!(tokyo(&from_page), "04:00");

    let answer = server.post("/api/quiet", r#"{"quiet":"off"}"#);
    assert_eq!(
        answer.json()["said"],
        "Quiet is off. Piyo will remind you again when it is time."
    );
    assert_eq!(why(&home)["quiet_until"], Value::Null);
    assert_eq!(server.get("/api/room").json()["quiet"], Value::Null);
}

#[test]
fn a_quiet_the_page_does_not_offer_is_refused_in_one_line_and_changes_nothing() {
    let home = Home::new();
    let server = Server::start(&home);
    for body in [
        r#"{"quiet":"forever"}"#,
        r#"{"quiet":"2h"}"#,
        r#"{"quiet":"hour","minutes":600}"#,
        r#"{}"#,
        "quiet",
    ] {
        let answer = server.post("/api/quiet", body);
        assert_eq!(answer.status, 400, "{body}: {}", answer.body);
        let error = answer.json()["error"].as_str().unwrap().to_string();
        assert!(
            error.starts_with("That request was not understood") && !error.contains('\n'),
            "{body}: {error}"
        );
    }
    assert_eq!(why(&home)["quiet_until"], Value::Null);
}

#[test]
#[ignore = "needs chromium"]
fn the_quiet_buttons_hold_reminders_and_end_the_quiet() {
    let home = Home::new();
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.getElementById('quiet-hour').textContent === 'Quiet for 1 hour'",
    );
    assert_eq!(
        browser.run(
            "return ['quiet-line', 'quiet-off'].map((id) => document.getElementById(id).hidden)"
        ),
        json!([true, true])
    );

    browser.click("#quiet-hour");
    browser.until(
        "quiet on",
        "return !document.getElementById('quiet-line').hidden",
    );
    assert_eq!(
        browser.text("#quiet-line"),
        "Quiet until 22:30: Piyo holds reminders back till then."
    );
    assert!(browser.text("#bubble").starts_with("Quiet until 22:30"));
    assert_eq!(tokyo(&why(&home)["quiet_until"]), "22:30");
    browser.screenshot("quiet-on.png");

    // From the keyboard: the off button is there now, and Enter presses it.
    browser.run("document.getElementById('quiet-today').focus()");
    browser.press(&["TAB", "ENTER"]);
    browser.until(
        "quiet off",
        "return document.getElementById('quiet-line').hidden && document.getElementById('quiet-off').hidden",
    );
    assert_eq!(why(&home)["quiet_until"], Value::Null);
    assert_eq!(
        browser.run("return document.activeElement.id"),
        json!("quiet-hour"),
        "the focus stays with the quiet buttons"
    );

    // Quiet set in a terminal shows on the open page by itself, in Japanese too.
    browser.click("#lang");
    browser.until("Japanese", "return document.documentElement.lang === 'ja'");
    home.ok(&["quiet", "today"]);
    browser.until(
        "the terminal's quiet",
        "return document.getElementById('quiet-line').textContent.startsWith('04:00まで')",
    );
    assert_eq!(browser.text("#quiet-today"), "明日まで静かにする");
}
