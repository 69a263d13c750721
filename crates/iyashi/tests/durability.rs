//! No acknowledged entry is ever lost: writers killed with SIGKILL at random
//! moments, and writers racing each other.

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

#[test]
fn an_import_killed_part_way_keeps_all_of_it_or_none() {
    let source = Home::new();
    let lines: String = (0..20_000)
        .map(|i| {
            format!(
                "{{\"id\":\"00000000-0000-7000-8000-{i:012x}\",\"kind\":\"joy\",\"at\":\"2026-11-25T12:30:00Z\",\"tz\":\"Asia/Tokyo\",\"day\":\"2026-11-25\",\"text\":\"bulk {i}\"}}\n"
            )
        })
        .collect();
    let file = source.path().join("bulk.jsonl");
    std::fs::write(&file, lines).unwrap();
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
        let count = stored_texts(&home).len();
        assert!(
            count == 1 || count == 20_001,
            "half an import: {count} entries"
        );
        assert!(
            !finished || count == 20_001,
            "acknowledged but not all there"
        );
        outcomes.insert(count);
    }
    assert!(
        outcomes.contains(&1),
        "no kill landed mid-import; the test proved nothing"
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
