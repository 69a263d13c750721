//! The store against a real SQLite file.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use std::path::Path;

use iyashi_core::day::DayRange;
use iyashi_core::entry::{Entry, EntryId, EntryKind, Mood};
use iyashi_store::{Store, StoreError, SCHEMA_VERSION};
use jiff::civil::{date, Date};

fn entry(n: u32, day: Date, kind: EntryKind, text: &str) -> Entry {
    Entry::new(
        EntryId::parse(&format!("00000000-0000-7000-8000-{n:012x}")).unwrap(),
        kind,
        (kind == EntryKind::Mood).then(|| Mood::new(3).unwrap()),
        text,
        jiff::Timestamp::from_second(1_764_000_000 + i64::from(n)).unwrap(),
        "Asia/Tokyo".to_string(),
        day,
    )
    .unwrap()
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("iyashi.db")).unwrap()
}

#[test]
fn japanese_words_are_found_inside_longer_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store
        .add_entry(&entry(1, date(2026, 11, 1), EntryKind::Joy, "温泉に行った"))
        .unwrap();
    store
        .add_entry(&entry(
            2,
            date(2026, 11, 2),
            EntryKind::Joy,
            "Warm TEA by the window",
        ))
        .unwrap();
    store
        .add_entry(&entry(
            3,
            date(2026, 11, 3),
            EntryKind::Note,
            "露天風呂の温泉、最高",
        ))
        .unwrap();

    let found = |words: &[&str]| -> Vec<String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        store
            .search(&words)
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect()
    };
    assert_eq!(found(&["温泉"]), ["温泉に行った", "露天風呂の温泉、最高"]);
    assert_eq!(found(&["温泉に"]), ["温泉に行った"]);
    assert_eq!(found(&["tea", "window"]), ["Warm TEA by the window"]);
    assert_eq!(found(&["露天", "最高"]), ["露天風呂の温泉、最高"]);
    assert!(found(&["coffee"]).is_empty());
    assert!(
        found(&["\"quoted\" AND"]).is_empty(),
        "search words are never FTS syntax"
    );
}

#[test]
fn tags_are_indexed_and_removed_with_their_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let tagged = entry(
        1,
        date(2026, 11, 1),
        EntryKind::Joy,
        "a walk #Outside #散歩",
    );
    store.add_entry(&tagged).unwrap();
    store
        .add_entry(&entry(2, date(2026, 11, 1), EntryKind::Joy, "no tags"))
        .unwrap();
    assert_eq!(
        store.entries_tagged("#outside").unwrap(),
        std::slice::from_ref(&tagged)
    );
    assert_eq!(
        store.entries_tagged("散歩").unwrap(),
        std::slice::from_ref(&tagged)
    );
    assert!(store.remove(&tagged.id).unwrap());
    assert!(store.entries_tagged("outside").unwrap().is_empty());
    assert!(
        store.search(&["walk".into()]).unwrap().is_empty(),
        "the index forgets it too"
    );
}

#[test]
fn importing_twice_adds_nothing_and_days_come_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let entries = [
        entry(2, date(2026, 11, 2), EntryKind::Mood, ""),
        entry(1, date(2026, 11, 1), EntryKind::Joy, "tea"),
        entry(3, date(2026, 11, 30), EntryKind::Note, "later"),
    ];
    assert_eq!(store.import(&entries).unwrap().added, 3);
    let again = store.import(&entries).unwrap();
    assert_eq!((again.added, again.already), (0, 3));
    let week = store
        .entries_in(DayRange::week_of(date(2026, 11, 1)))
        .unwrap();
    assert_eq!(week, [entries[1].clone()], "26 Oct – 1 Nov");
    assert_eq!(
        store
            .entries_in(DayRange::month_of(date(2026, 11, 9)))
            .unwrap()
            .len(),
        3
    );
    assert_eq!(store.last_added().unwrap(), Some(entries[2].clone()));
    assert_eq!(
        store.count_on(date(2026, 11, 2), EntryKind::Mood).unwrap(),
        1
    );
}

#[test]
fn a_file_of_random_bytes_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("iyashi.db");
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &noise).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotADatabase { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), noise);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no -wal or -shm beside it"
    );
}

#[test]
fn someone_elses_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("iyashi.db");
    let other = foreign_sqlite_file(&path);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotADatabase { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), other);
}

#[test]
fn a_newer_schema_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("iyashi.db");
    drop(Store::open(&path).unwrap());
    bump_version(&path, SCHEMA_VERSION + 1);
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::Newer {
            found, supported, ..
        }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected Newer, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Raises user_version by editing the header (bytes 60..64), the way a newer
/// iyashi's migration would leave it, without needing SQLite here.
fn bump_version(path: &Path, version: i64) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&(version as u32).to_be_bytes());
    std::fs::write(path, bytes).unwrap();
}

/// A valid SQLite file that is not iyashi's: a real database with tables but
/// without iyashi's version and application id.
fn foreign_sqlite_file(path: &Path) -> Vec<u8> {
    let store = Store::open(&dir_sibling(path)).unwrap();
    drop(store);
    // Copy the structure of a valid file, then blank iyashi's identity so the
    // file reads as version 0 with tables: someone else's database.
    let mut bytes = std::fs::read(dir_sibling(path)).unwrap();
    bytes[60..64].copy_from_slice(&0u32.to_be_bytes());
    bytes[68..72].copy_from_slice(&0u32.to_be_bytes());
    std::fs::write(path, &bytes).unwrap();
    bytes
}

fn dir_sibling(path: &Path) -> std::path::PathBuf {
    path.with_file_name("template.db")
}

#[test]
fn rhythm_records_come_back_and_repeated_sessions_replace_themselves() {
    use iyashi_core::rhythm::{
        Activity, BreakKind, BreakOutcome, BreakRecord, HoldRecord, OvertimeRecord, Reason,
        Reasons, Record, SessionRecord,
    };
    use jiff::SignedDuration;
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    let session = |mins| {
        Record::Session(SessionRecord {
            day: date(2026, 11, 25),
            start: at("2026-11-25T00:00:00Z"),
            end: at("2026-11-25T01:00:00Z"),
            worked: SignedDuration::from_mins(mins),
            manual: false,
        })
    };
    let pause = Record::Break(BreakRecord {
        day: date(2026, 11, 25),
        kind: BreakKind::Rest,
        outcome: BreakOutcome::Natural,
        at: at("2026-11-25T00:50:00Z"),
        length: SignedDuration::from_secs(365),
        postponed: 1,
        asked: true,
        activity: Activity::by_id("breath-4-7-8"),
    });
    let held = |until: Option<&str>, reasons: &[Reason]| {
        Record::Held(HoldRecord {
            day: date(2026, 11, 25),
            kind: BreakKind::Micro,
            at: at("2026-11-25T00:20:00Z"),
            reasons: Reasons::of(reasons),
            until: until.map(at),
        })
    };
    let late = Record::Overtime(OvertimeRecord {
        day: date(2026, 11, 25),
        worked: SignedDuration::from_hours(9),
        daily_limit: SignedDuration::from_hours(8),
        beyond_limit: SignedDuration::from_hours(1),
        after_evening_stop: SignedDuration::ZERO,
        late_night: true,
        workday: true,
        outside_hours: SignedDuration::from_mins(70),
    });
    store
        .record(&[
            session(30),
            pause.clone(),
            held(None, &[Reason::Microphone]),
        ])
        .unwrap();
    // A hold sent again as it ends replaces its first copy.
    let ended = held(
        Some("2026-11-25T00:40:00Z"),
        &[Reason::Microphone, Reason::Quiet],
    );
    store
        .record(&[session(55), late.clone(), ended.clone()])
        .unwrap();
    let day = DayRange::single(date(2026, 11, 25));
    assert_eq!(
        store.records_in(day).unwrap(),
        [session(55), pause, late, ended]
    );
    assert!(store
        .records_in(DayRange::single(date(2026, 11, 26)))
        .unwrap()
        .is_empty());

    assert_eq!(store.manual_work().unwrap(), None);
    store.start_manual_work(at("2026-11-25T02:00:00Z")).unwrap();
    store.start_manual_work(at("2026-11-25T03:00:00Z")).unwrap();
    assert_eq!(
        store.manual_work().unwrap(),
        Some(at("2026-11-25T02:00:00Z"))
    );
    store.finish_manual_work(&[]).unwrap();
    assert_eq!(store.manual_work().unwrap(), None);

    assert_eq!(store.quiet_until().unwrap(), None);
    store
        .set_quiet_until(Some(at("2026-11-25T05:00:00Z")))
        .unwrap();
    store
        .set_quiet_until(Some(at("2026-11-25T06:00:00Z")))
        .unwrap();
    assert_eq!(
        store.quiet_until().unwrap(),
        Some(at("2026-11-25T06:00:00Z"))
    );
    store.set_quiet_until(None).unwrap();
    assert_eq!(store.quiet_until().unwrap(), None);
}
