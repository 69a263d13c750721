//! Rules the faces used to each decide for themselves, now decided once
//! (in iyashi-app) and followed by all: the same data through the command
//! line and the web room says the same thing.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use common::Home;
use web_common::Server;

/// Written at 21:30 in Tokyo, read in London (12:30 there): every face says
/// 21:30, the time on the clock where it was written.
#[test]
fn an_entry_shows_the_time_of_its_own_zone_in_every_face() {
    let home = Home::new();
    home.ok(&["joy", "tea"]);
    std::fs::write(home.config(), "timezone = \"Europe/London\"\n").unwrap();

    let today = home.ok(&["today"]);
    assert!(
        today.contains("21:30") && !today.contains("12:30"),
        "{today}"
    );

    let server = Server::start(&home);
    let room = server.get("/api/room").json();
    assert_eq!(room["entries"][0]["time"], "21:30", "{room}");
    assert_eq!(room["joys"][0]["time"], "21:30", "{room}");
}

/// A low mood answered by a better one later is not the day's mood: the
/// command line and the web room both tell the latest.
#[test]
fn the_days_mood_is_its_latest_in_every_face() {
    let home = Home::new();
    home.ok(&["mood", "1"]);
    home.ok(&["mood", "4"]);
    let cli: serde_json::Value = serde_json::from_str(&home.ok(&["today", "--json"])).unwrap();
    assert_eq!(cli["mood"], 4, "{cli}");
    let server = Server::start(&home);
    let room = server.get("/api/room").json();
    let summary = room["summary"].as_str().unwrap();
    let told = home.ok(&["today"]);
    assert!(told.contains(summary), "{summary:?} in {told}");
}

/// A rest taken by hand is kept from when it began, whichever face took
/// it: the web page says so when it ends (it used to keep the end as the
/// beginning), `iyashi break now` when it begins.
#[test]
fn a_break_taken_by_hand_is_kept_from_when_it_began_in_every_face() {
    let home = Home::new();
    let began_at = |home: &Home| -> Vec<i64> {
        let db = rusqlite::Connection::open(home.db()).unwrap();
        let mut rows = db.prepare("SELECT at_ns FROM breaks ORDER BY seq").unwrap();
        rows.query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let now_ns = home.now.parse::<jiff::Timestamp>().unwrap().as_nanosecond() as i64;
    let minute_ns = 60_000_000_000;

    let server = Server::start(&home);
    let done = server.post("/api/breaks", r#"{"action":"done","rested_secs":240}"#);
    assert_eq!(done.status, 200, "{}", done.body);
    let web = began_at(&home);
    assert_eq!(web.len(), 1);
    // Four minutes before it was said to be over (less than a minute of
    // this test's own time has passed since IYASHI_NOW).
    assert!(
        web[0] < now_ns - 3 * minute_ns && web[0] >= now_ns - 4 * minute_ns,
        "kept at {} for a break ended at about {now_ns}",
        web[0]
    );
}
