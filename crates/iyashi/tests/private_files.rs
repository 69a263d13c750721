//! The journal is nobody else's business: the home folder is 0700 and every
//! file iyashi writes in it (and every export) 0600, whatever the umask; a
//! home left open by an older iyashi is closed, and that is said once.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::Home;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// `iyashi ARGS…` for `home`, started by a shell under umask 000: the
/// loosest a person's setup could be.
fn loose(home: &Home, args: &[&str]) -> Command {
    let iyashi = home.std_cmd();
    let mut cmd = Command::new("sh");
    cmd.env_clear();
    for (key, value) in iyashi.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.args(["-c", "umask 000 && exec \"$@\"", "sh"])
        .arg(iyashi.get_program())
        .args(args);
    cmd
}

fn loose_ok(home: &Home, args: &[&str]) -> Output {
    let out = loose(home, args).output().unwrap();
    assert!(
        out.status.success(),
        "iyashi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn everything_iyashi_writes_is_its_owners_alone_whatever_the_umask() {
    // The home folder does not exist yet: iyashi makes it.
    let writer = Home::new();
    std::fs::remove_dir(writer.path()).unwrap();

    loose_ok(&writer, &["joy", "tea"]);
    assert_eq!(mode(writer.path()), 0o700, "the home folder");
    for file in ["iyashi.db", "config.toml"] {
        assert_eq!(mode(&writer.path().join(file)), 0o600, "{file}");
    }

    // While the daemon runs, the database's WAL and shared memory, its lock
    // and its socket.
    let mut watch = loose(&writer, &["watch", "--source", "manual"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let socket = writer.path().join("watch.sock");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !socket.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    loose_ok(&writer, &["work", "start"]);
    for file in ["iyashi.db-wal", "iyashi.db-shm", "watch.lock", "watch.sock"] {
        assert_eq!(mode(&writer.path().join(file)), 0o600, "{file}");
    }
    let _ = watch.kill();
    let _ = watch.wait();

    // Exports, in the home and anywhere else.
    let elsewhere = tempfile::tempdir().unwrap();
    for to in [
        writer.path().join("journal.md"),
        elsewhere.path().join("journal.jsonl"),
    ] {
        loose_ok(&writer, &["export", "-o", to.to_str().unwrap()]);
        assert_eq!(mode(&to), 0o600, "{}", to.display());
    }

    // The letters key and the outbox of a letter written offline.
    std::fs::write(
        writer.path().join("config.toml"),
        "[letters]\nenabled = true\nserver = \"http://127.0.0.1:9\"\n",
    )
    .unwrap();
    loose_ok(&writer, &["letters", "write", "a quiet evening"]);
    for file in ["letters-key", "letters-outbox.jsonl"] {
        assert_eq!(mode(&writer.path().join(file)), 0o600, "{file}");
    }

    // The web room's secret.
    let server = web_common::Server::start(&writer);
    drop(server);
    assert_eq!(mode(&writer.path().join("web.token")), 0o600, "web.token");

    // Nothing in the folder is open to anyone else.
    for entry in std::fs::read_dir(writer.path()).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path) & 0o077, 0, "{}", path.display());
    }
}

#[test]
fn the_backup_made_before_a_migration_is_private() {
    let home = Home::new();
    let conn = rusqlite::Connection::open(home.db()).unwrap();
    conn.execute_batch(include_str!("../../store/src/schema/v1.sql"))
        .unwrap();
    conn.execute_batch("PRAGMA user_version = 1; PRAGMA application_id = 1769562483;")
        .unwrap();
    drop(conn);
    std::fs::set_permissions(home.db(), std::fs::Permissions::from_mode(0o600)).unwrap();
    loose_ok(&home, &["today"]);
    let backup = home.path().join("iyashi.db.before-v2.bak");
    assert_eq!(mode(&backup), 0o600);
}

#[test]
fn a_home_left_open_is_closed_and_that_is_said_once() {
    for (lang, said) in [
        ("en", "it is now readable by you alone"),
        ("ja", "今はあなただけが読めるようにしました"),
    ] {
        let home = Home::new();
        home.ok(&["joy", "tea"]);
        // As an older iyashi under a usual umask left it.
        for (path, m) in [
            (home.path().to_path_buf(), 0o755),
            (home.db(), 0o644),
            (home.config(), 0o644),
        ] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(m)).unwrap();
        }
        let first = home.run(&["--lang", lang, "today"]);
        assert!(first.status.success());
        let err = String::from_utf8(first.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(said), "{err}");
        assert!(err.contains(&home.path().display().to_string()), "{err}");
        assert_eq!(mode(home.path()), 0o700);
        assert_eq!(mode(&home.db()), 0o600);
        assert_eq!(mode(&home.config()), 0o600);

        let second = home.run(&["--lang", lang, "today"]);
        assert!(second.status.success());
        assert!(second.stderr.is_empty(), "said again: {:?}", second.stderr);
    }
}
