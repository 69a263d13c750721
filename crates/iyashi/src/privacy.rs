//! The home folder, and every file in it, readable by its owner alone.
//!
//! New files are made private as they are created (see
//! [`iyashi_store::private`]); this sweeps what an older iyashi, another
//! program or a loose umask left open. It runs at the start of every command,
//! costs one directory listing, and says so only when it changed something,
//! which happens once.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

use iyashi_store::private::{self, DIR_MODE, FILE_MODE};

/// Makes `dir` if it is missing, then closes it and its files to everyone
/// but their owner. True when something was open to others before.
///
/// Only what belongs to this user is touched, and never a shared folder
/// with the sticky bit (such as `/tmp`, should `IYASHI_HOME` point there).
/// Nothing here is worth stopping for: on a read-only disk it quietly
/// does what it can.
pub fn make_private(dir: &Path) -> bool {
    if !dir.exists() {
        let _ = private::create_dir(dir);
        return false;
    }
    let me = rustix::process::geteuid().as_raw();
    let mine = |meta: &fs::Metadata| meta.uid() == me;
    let Ok(meta) = fs::metadata(dir) else {
        return false;
    };
    let shared = meta.mode() & 0o1000 != 0;
    if !meta.is_dir() || !mine(&meta) || shared {
        return false;
    }
    let mut closed = close(dir, &meta, DIR_MODE);
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if !is_ours(&entry.file_name().to_string_lossy()) {
            continue;
        }
        if let Ok(meta) = entry.metadata() {
            // The watch daemon's socket too: its mode decides who may connect.
            if (meta.is_file() || meta.file_type().is_socket()) && mine(&meta) {
                closed |= close(&entry.path(), &meta, FILE_MODE);
            }
        }
    }
    closed
}

/// Files iyashi itself keeps in its home (the database with its WAL, shared
/// memory and backups, the config, the letters key and outbox, the web
/// room's secret, the daemon's lock and socket). Anything else a person
/// puts in the folder is theirs to set; the folder's 0700 covers it.
fn is_ours(name: &str) -> bool {
    const OURS: [&str; 5] = [
        "iyashi.db",
        "config.toml",
        "letters-",
        "web.token",
        "watch.",
    ];
    OURS.iter().any(|prefix| name.starts_with(prefix))
}

/// Sets `mode` when group or others had any permission; true if it did.
fn close(path: &Path, meta: &fs::Metadata, mode: u32) -> bool {
    meta.mode() & 0o077 != 0 && fs::set_permissions(path, fs::Permissions::from_mode(mode)).is_ok()
}
