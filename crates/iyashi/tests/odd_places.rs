//! Odd things where the journal should be, and disks that cannot be
//! written: iyashi looks before SQLite touches anything, refuses in one true
//! line, and a full or read-only disk still lets a person read and copy
//! their journal out.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{refused, Home};

/// Runs `iyashi ARGS…`, killing it if it has not finished in 20 s (a FIFO
/// at the journal's path used to make every command wait forever).
fn run_or_kill(home: &Home, args: &[&str]) -> Output {
    let mut child = home
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("iyashi {args:?} was still waiting after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_fifo_at_the_journal_path_is_refused_without_waiting() {
    let home = Home::new();
    let made = Command::new("mkfifo").arg(home.db()).status().unwrap();
    assert!(made.success());
    for args in [&["today"][..], &["joy", "tea"], &["export"]] {
        let line = refused(&run_or_kill(&home, args));
        assert!(
            line.contains("named pipe (FIFO), not a journal file"),
            "{line}"
        );
        assert!(line.contains("left untouched"), "{line}");
    }
    let line = refused(&run_or_kill(&home, &["--lang", "ja", "today"]));
    assert!(line.contains("名前付きパイプ"), "{line}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(home.db())
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn a_folder_or_a_device_at_the_journal_path_is_refused() {
    let home = Home::new();
    std::fs::create_dir(home.db()).unwrap();
    std::fs::write(home.db().join("keep.txt"), "mine").unwrap();
    let line = refused(&run_or_kill(&home, &["today"]));
    assert!(line.contains("is a folder, not a journal file"), "{line}");
    assert_eq!(
        std::fs::read_to_string(home.db().join("keep.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_dir_all(home.db()).unwrap();

    for device in ["/dev/null", "/dev/zero"] {
        std::os::unix::fs::symlink(device, home.db()).unwrap();
        let line = refused(&run_or_kill(&home, &["joy", "tea"]));
        assert!(
            line.contains("is a device, not a journal file"),
            "{device}: {line}"
        );
        std::fs::remove_file(home.db()).unwrap();
    }
    assert!(!home.path().join("iyashi.db-wal").exists());
}

/// Someone else's database caught mid-transaction: pages of an unfinished
/// change already in the file, the originals in a hot rollback journal.
fn foreign_database_with_a_hot_journal(at: &Path) {
    let scratch = tempfile::tempdir().unwrap();
    let db = scratch.path().join("recipes.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE recipes (name TEXT);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO recipes SELECT 'miso soup, slowly, number ' || i FROM n;",
    )
    .unwrap();
    // A cache of a few pages makes SQLite write changed pages into the
    // file before the commit, as a large transaction would.
    conn.execute_batch(
        "PRAGMA cache_size = 2; BEGIN; UPDATE recipes SET name = 'instant ramen, ' || name;",
    )
    .unwrap();
    std::fs::copy(&db, at).unwrap();
    let journal = format!("{}-journal", at.display());
    std::fs::copy(format!("{}-journal", db.display()), &journal).unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
    for copied in [at.to_path_buf(), journal.into()] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(copied, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    assert_ne!(
        std::fs::read(&db).unwrap(),
        std::fs::read(at).unwrap(),
        "the copy holds the half-written change"
    );
}

#[test]
fn a_foreign_database_with_a_hot_journal_is_left_untouched() {
    let home = Home::new();
    foreign_database_with_a_hot_journal(&home.db());
    let journal = home.path().join("iyashi.db-journal");
    let (db_before, journal_before) = (
        std::fs::read(home.db()).unwrap(),
        std::fs::read(&journal).unwrap(),
    );
    for args in [&["today"][..], &["joy", "tea"]] {
        let line = refused(&run_or_kill(&home, args));
        assert!(line.contains("is not an iyashi database"), "{line}");
        assert!(line.contains("left untouched"), "{line}");
    }
    assert!(
        std::fs::read(home.db()).unwrap() == db_before,
        "the file was changed"
    );
    assert!(
        std::fs::read(&journal).unwrap() == journal_before,
        "the journal was touched"
    );
}

/// A small tmpfs mounted over a home's folder, unmounted when dropped.
struct Mounted<'a>(&'a Path);

impl<'a> Mounted<'a> {
    fn tmpfs(dir: &'a Path) -> Mounted<'a> {
        mount(&["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs"], dir);
        Mounted(dir)
    }

    fn read_only(&self) {
        mount(&["-o", "remount,ro"], self.0);
    }

    fn writable(&self) {
        mount(&["-o", "remount,rw"], self.0);
    }

    /// Fills the disk to its last byte.
    fn fill(&self) {
        use std::io::Write;
        let mut file = std::fs::File::create(self.0.join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let byte = [0u8; 1];
        while file.write_all(&byte).is_ok() {}
    }
}

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.0).status();
    }
}

fn mount(args: &[&str], dir: &Path) {
    let status = Command::new("mount").args(args).arg(dir).status().unwrap();
    assert!(status.success(), "mount {args:?} {}", dir.display());
}

/// What must still work when nothing can be written: reading, searching,
/// exporting to standard output and to another disk. A change is refused
/// in one calm line and changes nothing.
fn reading_still_works(home: &Home, how: &str) {
    for args in [
        &["today"][..],
        &["log"],
        &["search", "onsen"],
        &["export", "--format", "md"],
        &["episode"],
    ] {
        let out = home.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{how}: iyashi {args:?}: {err}");
        let shown = String::from_utf8(out.stdout).unwrap();
        assert!(shown.contains("onsen"), "{how}: iyashi {args:?}: {shown}");
        assert!(err.contains("only reading"), "{how}: {err}");
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("journal.jsonl");
    home.ok(&["export", "-o", copy.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&copy).unwrap().lines().count(), 2);

    let line = refused(&home.run(&["joy", "one more"]));
    assert!(
        line.contains("cannot be written to right now"),
        "{how}: {line}"
    );
    let line = refused(&home.run(&["--lang", "ja", "joy", "もうひとつ"]));
    assert!(line.contains("書き込めません"), "{how}: {line}");
}

#[test]
#[ignore = "needs root: mounts a small tmpfs read-only and full"]
fn a_read_only_or_full_disk_still_lets_the_journal_be_read_and_copied_out() {
    let home = Home::new();
    let disk = Mounted::tmpfs(home.path());
    home.ok(&["joy", "onsen in the snow"]);
    home.ok(&["note", "onsen again, and a long sleep"]);

    disk.read_only();
    reading_still_works(&home, "read-only");

    disk.writable();
    disk.fill();
    reading_still_works(&home, "full");
}

#[test]
#[ignore = "needs root: mounts a small tmpfs read-only"]
fn an_older_journal_on_a_read_only_disk_is_read_without_migrating_it() {
    let home = Home::new();
    let disk = Mounted::tmpfs(home.path());
    let conn = rusqlite::Connection::open(home.db()).unwrap();
    conn.execute_batch(include_str!("../../store/src/schema/v1.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1; PRAGMA application_id = 1769562483;
         INSERT INTO entries (id, kind, at_ns, tz, day, text) VALUES
         ('0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60', 'joy', 1795606200000000000, 'Asia/Tokyo',
          '2026-11-25', 'onsen from the first version'),
         ('0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f61', 'note', 1795606300000000000, 'Asia/Tokyo',
          '2026-11-25', 'a second onsen');",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(home.db()).unwrap();
    disk.read_only();
    reading_still_works(&home, "an older journal, read-only");
    disk.writable();
    assert!(
        std::fs::read(home.db()).unwrap() == before,
        "the file was migrated"
    );
    assert!(!home.path().join("iyashi.db.before-v2.bak").exists());
}
