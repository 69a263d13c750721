//! `work`, `break` and `week` without a daemon: the same engine keeps the
//! records from the command line.

mod common;

use common::Home;
use iyashi_core::rhythm::Activity;
use iyashi_core::Lang;

#[test]
fn a_manual_session_is_recorded_and_shows_in_the_week() {
    let mut home = Home::new();
    home.now = "2026-11-25T00:00:00Z".into(); // 09:00 in Tokyo
    assert_eq!(
        home.ok(&["work", "start"]),
        "Work started at 09:00. iyashi watch is not running, so reminders come only while the room is open in a terminal.\n"
    );
    assert!(home.ok(&["work", "start"]).contains("since 09:00"));
    home.now = "2026-11-25T02:30:00Z".into();
    let stopped = home.ok(&["work", "stop"]);
    assert!(stopped.contains("2h 30m"), "{stopped}");
    assert_eq!(home.ok(&["work", "stop"]), "No work session is open.\n");
    assert!(home
        .ok(&["break"])
        .contains("2h 30m of work recorded today"));

    let week: serde_json::Value = serde_json::from_str(&home.ok(&["week", "--json"])).unwrap();
    let text = week.to_string();
    assert!(text.contains("2026-11-25"), "{text}");
    insta::assert_snapshot!("week_en", home.ok(&["week"]));
    insta::assert_snapshot!("week_ja", home.ok(&["--lang", "ja", "week"]));
}

#[test]
fn a_break_taken_here_counts_down_and_is_recorded() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        "[rhythm]\nmicro_break_length = \"1s\"\nrest_break_length = \"2s\"\n",
    )
    .unwrap();
    let said = home.ok(&["break", "now"]);
    assert!(
        said.starts_with("Your break begins now, for 2 seconds.\n"),
        "{said}"
    );
    assert!(said.contains("Rested for 2s"), "{said}");
    let db = rusqlite::Connection::open(home.db()).unwrap();
    let (kind, outcome, activity): (String, String, String) = db
        .query_row("SELECT kind, outcome, activity FROM breaks", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((kind.as_str(), outcome.as_str()), ("rest", "taken"));
    // The break names the activity it was for, and keeps it, so the next
    // one today is another.
    let activity = Activity::by_id(&activity).unwrap();
    let words = activity.words(Lang::En);
    assert!(
        said.contains(&format!("{}: {}", words.title, words.steps)),
        "{said}"
    );
    let said = home.ok(&["--lang", "ja", "break", "now"]);
    let second: String = db
        .query_row("SELECT activity FROM breaks ORDER BY rowid DESC", [], |r| {
            r.get(0)
        })
        .unwrap();
    let second = Activity::by_id(&second).unwrap();
    assert_ne!(second, activity);
    assert!(said.contains(second.words(Lang::Ja).title), "{said}");
    assert!(said.contains("（Ctrl-C で早めに終われます）"), "{said}");
}

#[test]
fn a_second_watch_for_the_same_home_is_refused() {
    let home = Home::new();
    // Held as a running daemon holds it (made 0600, as iyashi makes it).
    use std::os::unix::fs::OpenOptionsExt;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(home.path().join("watch.lock"))
        .unwrap();
    lock.lock().unwrap();
    let out = home.run(&["watch", "--source", "manual"]);
    let line = common::refused(&out);
    assert!(line.contains("already running"), "{line}");
}

#[test]
fn quiet_says_until_when_ends_by_itself_and_why_tells_it() {
    let home = Home::new(); // 21:30 in Tokyo
    assert_eq!(
        home.ok(&["quiet", "30m"]),
        "Quiet until 22:00 (30 minutes). Piyo will hold reminders back until then; quiet ends by itself.\n"
    );
    let why = home.ok(&["why"]);
    assert!(
        why.contains("Quiet until 22:00; it ends by itself."),
        "{why}"
    );
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["why", "--json"])).unwrap();
    assert_eq!(json["quiet_until"], "2026-11-25T13:00:00Z");
    assert_eq!(json["watching"], false);
    // Half an hour later it has ended by itself.
    let mut later = Home {
        dir: home.dir,
        now: "2026-11-25T13:00:01Z".into(),
    };
    assert!(!later.ok(&["why"]).contains("Quiet until"));
    assert!(later.ok(&["quiet", "today"]).contains("until 04:00"));
    assert_eq!(
        later.ok(&["--lang", "ja", "quiet", "off"]),
        "静かな時間を終えました。また時間になったらピヨが知らせます。\n"
    );
    later.now = "2026-11-25T13:05:00Z".into();
    assert_eq!(later.ok(&["quiet", "off"]), "Quiet was not on.\n");
}
