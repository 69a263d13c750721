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
