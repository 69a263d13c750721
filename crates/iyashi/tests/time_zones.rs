//! However `TZ` names the zone (an IANA name, `:name`, a file, or a POSIX
//! string such as `JST-9`), the time shown is the local time, and the zone
//! stored with the entry means the same thing when it is read back.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::Home;

/// Runs `iyashi ARGS…` with `TZ` set to `tz`; returns stdout.
fn with_tz(home: &Home, tz: &str, args: &[&str]) -> String {
    let out = home.cmd().env("TZ", tz).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "TZ={tz} iyashi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn stored_zone(home: &Home) -> String {
    let export = home.export();
    let line: serde_json::Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    line["tz"].as_str().unwrap().to_string()
}

#[test]
fn every_way_of_naming_tokyo_shows_tokyo_time() {
    // 12:30 UTC is 21:30 in Tokyo.
    for tz in [
        "JST-9",
        "<+09>-9",
        ":Asia/Tokyo",
        "/usr/share/zoneinfo/Asia/Tokyo",
        ":/usr/share/zoneinfo/Asia/Tokyo",
    ] {
        let home = Home::new();
        with_tz(&home, tz, &["joy", "tea"]);
        let today = with_tz(&home, tz, &["today"]);
        assert!(today.contains("21:30  ✿ tea"), "TZ={tz}: {today}");

        // What is stored means the same zone: read anywhere else (here in
        // UTC), the entry still shows the time it was written.
        let zone = stored_zone(&home);
        assert_ne!(zone, "UTC", "TZ={tz}");
        let elsewhere = with_tz(&home, "UTC", &["log", "--day", "2026-11-25"]);
        assert!(
            elsewhere.contains("21:30  ✿ tea"),
            "TZ={tz}, stored {zone}: {elsewhere}"
        );

        // And an export of it imports again into a fresh journal.
        let file = home.path().join("export.jsonl");
        std::fs::write(&file, home.export()).unwrap();
        let other = Home::new();
        with_tz(&other, "UTC", &["import", file.to_str().unwrap()]);
        assert_eq!(stored_zone(&other), zone);
    }
}

#[test]
fn a_posix_zone_with_summer_time_keeps_its_rules() {
    let mut home = Home::new();
    let new_york = "EST5EDT,M3.2.0,M11.1.0";
    // 16:30 UTC in July is 12:30 in New York (summer time, UTC-4).
    home.now = "2026-07-15T16:30:00Z".to_string();
    with_tz(&home, new_york, &["joy", "a cold drink"]);
    let shown = with_tz(&home, "UTC", &["log", "--day", "2026-07-15"]);
    assert!(shown.contains("12:30  ✿ a cold drink"), "{shown}");
    assert_eq!(stored_zone(&home), new_york);
}
