//! No acknowledged entry is ever lost: writers killed with SIGKILL at random
//! moments, and writers racing each other.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::Home;

fn writer(home: &Home) -> Command {
    let mut cmd = home.std_cmd();
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Texts of every entry, read straight from the file, after SQLite's own check.
fn stored_texts(home: &Home) -> HashSet<String> {
    let conn = rusqlite::Connection::open(home.db()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn.prepare("SELECT text FROM entries").unwrap();
    let texts = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    texts
}

/// How long one `iyashi joy` takes here, so kills land before, during and
/// after its write rather than always after.
fn one_write(home: &Home) -> Duration {
    let start = Instant::now();
    assert!(writer(home)
        .args(["joy", "warm-up"])
        .status()
        .unwrap()
        .success());
    start.elapsed()
}

#[test]
fn entries_acknowledged_before_a_sigkill_are_all_kept() {
    let home = Home::new();
    let typical = one_write(&home);
    let mut acknowledged = HashSet::from(["warm-up".to_string()]);
    let (mut killed, mut kept) = (0, 0);
    for round in 0..20 {
        // Two writers at once, each adding entries in a loop; each entry is
        // killed at a random moment within about one write's time.
        let results: Vec<(Vec<String>, usize)> = thread::scope(|scope| {
            let loops: Vec<_> = (0..2)
                .map(|w| {
                    let home = &home;
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        let mut killed = 0;
                        for i in 0..15 {
                            let text = format!("round {round} writer {w} entry {i}");
                            let mut child = writer(home).args(["joy", &text]).spawn().unwrap();
                            thread::sleep(typical.mul_f64(fastrand::f64() * 1.5));
                            let _ = child.kill(); // SIGKILL; harmless if it already exited
                            if child.wait().unwrap().success() {
                                done.push(text);
                            } else {
                                killed += 1;
                            }
                        }
                        (done, killed)
                    })
                })
                .collect();
            loops.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (done, k) in results {
            kept += done.len();
            killed += k;
            acknowledged.extend(done);
        }
        let stored = stored_texts(&home);
        let missing: Vec<_> = acknowledged.difference(&stored).collect();
        assert!(
            missing.is_empty(),
            "round {round}: acknowledged but lost: {missing:?}"
        );
    }
    // Not a timing assert: it checks the test exercised both outcomes.
    assert!(killed > 0 && kept > 0, "killed {killed}, kept {kept}");
    // And the journal still works after all that.
    home.ok(&["joy", "still here"]);
}

/// `count` joys in JSON Lines, dated 25 November 2026 in Tokyo.
fn bulk_file(home: &Home, count: usize) -> std::path::PathBuf {
    let lines: String = (0..count)
        .map(|i| {
            format!(
                "{{\"id\":\"00000000-0000-7000-8000-{i:012x}\",\"kind\":\"joy\",\"at\":\"2026-11-25T12:30:00Z\",\"tz\":\"Asia/Tokyo\",\"day\":\"2026-11-25\",\"text\":\"bulk {i}\"}}\n"
            )
        })
        .collect();
    let file = home.path().join("bulk.jsonl");
    std::fs::write(&file, lines).unwrap();
    file
}

/// Entries as the person sees them: through iyashi itself.
fn visible(home: &Home) -> usize {
    home.export().lines().count()
}

/// Rows in the entries table, seen or not (an import part-way writes rows
/// that nobody sees until it is done).
fn rows(home: &Home) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(
        home.db(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_import_killed_part_way_keeps_all_of_it_or_none() {
    let source = Home::new();
    let file = bulk_file(&source, 20_000);
    let mut outcomes = HashSet::new();
    for _ in 0..8 {
        let home = Home::new();
        home.ok(&["joy", "before"]);
        let mut child = writer(&home)
            .args(["import", file.to_str().unwrap()])
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_millis(fastrand::u64(50..600)));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        stored_texts(&home); // SQLite's own check of the file
        let count = visible(&home);
        assert!(
            count == 1 || count == 20_001,
            "half an import: {count} entries"
        );
        assert!(
            !finished || count == 20_001,
            "acknowledged but not all there"
        );
        // The first time a kill lands part-way: importing again finishes
        // the job and clears what the killed import left unseen, and a
        // third time adds nothing.
        if outcomes.insert(count) && count == 1 {
            home.ok(&["import", file.to_str().unwrap()]);
            assert_eq!((visible(&home), rows(&home)), (20_001, 20_001));
            let again = home.ok(&["import", file.to_str().unwrap()]);
            assert!(again.contains("20000 were already here"), "{again}");
        }
    }
    assert!(
        outcomes.contains(&1),
        "no kill landed mid-import; the test proved nothing"
    );
}

#[test]
fn a_joy_written_during_a_long_import_is_kept_without_waiting_for_it() {
    let home = Home::new();
    home.ok(&["joy", "before"]);
    let file = bulk_file(&home, 60_000);
    let mut import = writer(&home)
        .args(["import", file.to_str().unwrap()])
        .spawn()
        .unwrap();
    // Wait until the import has written something (a single long
    // transaction shows nothing until its very end).
    while rows(&home) == 1 && import.try_wait().unwrap().is_none() {
        thread::sleep(Duration::from_millis(20));
    }
    let joy = home.run(&["joy", "in between"]);
    assert!(
        joy.status.success(),
        "{}",
        String::from_utf8_lossy(&joy.stderr)
    );
    // Meanwhile a person sees all of the import or none of it.
    let seen = visible(&home);
    assert!(seen == 2 || seen == 60_002, "half an import: {seen}");
    assert!(import.wait().unwrap().success());
    assert_eq!(visible(&home), 60_002);

    // The joy was kept between the import's writes, not after them all.
    let conn = rusqlite::Connection::open(home.db()).unwrap();
    let (joy_seq, last_seq): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT seq FROM entries WHERE text = 'in between'),
                    (SELECT max(seq) FROM entries WHERE text LIKE 'bulk %')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        joy_seq < last_seq,
        "the joy waited for the whole import (seq {joy_seq} after {last_seq})"
    );
}

#[test]
fn four_writers_at_once_lose_nothing_and_never_see_a_lock() {
    let home = Home::new();
    home.ok(&["joy", "first"]); // create the file before the race
    let failures: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|w| {
                let home = &home;
                scope.spawn(move || {
                    (0..500)
                        .filter_map(|i| {
                            let out = writer(home)
                                .args(["joy", &format!("writer {w} entry {i}")])
                                .stderr(Stdio::piped())
                                .output()
                                .unwrap();
                            (!out.status.success())
                                .then(|| String::from_utf8_lossy(&out.stderr).into_owned())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failed, e.g. {:?}",
        failures.len(),
        failures.first()
    );
    assert_eq!(stored_texts(&home).len(), 2_001);
}
