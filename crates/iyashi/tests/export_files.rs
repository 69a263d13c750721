//! `export -o` leaves either the finished file or what was there before:
//! never a half-written copy of the journal beside it, however it is
//! stopped, and never anything but a regular file in its place.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{refused, Home};
use rustix::process::{Pid, Signal};

/// A journal big enough (about 11 MB as JSON Lines) that an export takes a
/// while.
fn big_journal() -> Home {
    let home = Home::new();
    let lines: String = (0..20_000)
        .map(|i| {
            let text = format!("a long quiet evening, number {i}, ").repeat(12);
            format!(
                "{{\"id\":\"00000000-0000-7000-8000-{i:012x}\",\"kind\":\"note\",\"at\":\"2026-11-25T12:30:00Z\",\"tz\":\"Asia/Tokyo\",\"day\":\"2026-11-25\",\"text\":\"{text}\"}}\n"
            )
        })
        .collect();
    let file = home.path().join("big.jsonl");
    std::fs::write(&file, lines).unwrap();
    home.ok(&["import", file.to_str().unwrap()]);
    std::fs::remove_file(file).unwrap();
    home
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether process `pid` has a file open in `dir` (named or not).
fn writing_into(pid: u32, dir: &Path) -> bool {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target.starts_with(dir)))
}

/// Starts `export -o target` and sends `signal` once it is writing there.
/// False if it finished before it could be caught at it.
fn stop_mid_export(home: &Home, target: &Path, signal: Signal) -> bool {
    let dir = target.parent().unwrap();
    let mut child = home
        .std_cmd()
        .args(["export", "-o", target.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !writing_into(child.id(), dir) {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(1));
    }
    let pid = Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process(pid, signal).unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "{signal:?}: the export claimed success");
    true
}

#[test]
fn an_export_stopped_part_way_leaves_nothing_behind() {
    let home = big_journal();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("journal.jsonl");
    std::fs::write(&target, "the export from last week\n").unwrap();
    let mut caught = 0;
    for signal in [
        Signal::KILL,
        Signal::KILL,
        Signal::KILL,
        Signal::TERM,
        Signal::INT,
        Signal::HUP,
    ] {
        if stop_mid_export(&home, &target, signal) {
            caught += 1;
        }
        assert_eq!(names(out.path()), ["journal.jsonl"], "after {signal:?}");
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the export from last week\n",
            "after {signal:?}"
        );
    }
    assert!(
        caught > 0,
        "every export finished first; the test proved nothing"
    );
    // And an export that is left alone finishes, whole.
    home.ok(&["export", "-o", target.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap().lines().count(),
        20_000
    );
    assert_eq!(names(out.path()), ["journal.jsonl"]);
}

#[test]
fn an_export_goes_only_to_a_regular_file() {
    let home = Home::new();
    home.ok(&["joy", "tea"]);
    let out = tempfile::tempdir().unwrap();
    let real = out.path().join("real.md");
    std::fs::write(&real, "mine").unwrap();
    let link = out.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let fifo = out.path().join("fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let folder = out.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let cases: [(PathBuf, &str); 4] = [
        (link.clone(), "is a symbolic link"),
        (fifo.clone(), "is a named pipe (FIFO)"),
        (PathBuf::from("/dev/null"), "is a device"),
        (folder.clone(), "is a folder"),
    ];
    for (target, kind) in &cases {
        let line = refused(&home.run(&["export", "-o", target.to_str().unwrap()]));
        assert!(line.contains(kind), "{line}");
        assert!(
            line.contains("export writes only to a regular file"),
            "{line}"
        );
    }
    let line = refused(&home.run(&["--lang", "ja", "export", "-o", link.to_str().unwrap()]));
    assert!(line.contains("シンボリックリンク"), "{line}");
    // Each was left as it was.
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "mine");
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(std::fs::symlink_metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    assert_eq!(names(&folder), Vec::<String>::new());
}
