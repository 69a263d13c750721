//! Files that appear whole or not at all, and leave nothing behind when
//! they do not.
//!
//! The bytes are written to a file with no name (Linux's `O_TMPFILE`),
//! which the kernel throws away if the process dies, however it dies;
//! only when all of it is on disk is the file given a name, for an instant,
//! and renamed over its destination. Where a filesystem cannot make a file
//! without a name (FAT on a USB stick, some network filesystems), a hidden
//! `.iyashi-….tmp` beside the destination is used instead: it is removed on
//! any error, and one left by a process killed with SIGKILL is removed by
//! the next write into that folder (a live writer holds a lock on its own).
//! Either way the file is readable by its owner only.

use std::fs::{self, File, TryLockError};
use std::io::{self, Seek, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use iyashi_store::private::FILE_MODE;
use rustix::fs::{AtFlags, Mode, OFlags, CWD};

const NAMED_PREFIX: &str = ".iyashi-";
const NAMED_SUFFIX: &str = ".tmp";

/// A file being written, put in place by [`AtomicFile::commit`].
pub struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    file: Temp,
}

enum Temp {
    /// No name: nothing to clean up, ever.
    Unnamed(File),
    /// A named file in the destination's folder, removed when dropped.
    Named(tempfile::NamedTempFile),
}

impl AtomicFile {
    /// A file that will become `path` once [`AtomicFile::commit`]ted, and
    /// until then is nowhere a reader could find it half written.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        fs::create_dir_all(&dir)?;
        clear_left_behind(&dir);
        let file = match unnamed_in(&dir) {
            Ok(file) => Temp::Unnamed(file),
            Err(_) => Temp::Named(named_in(&dir)?),
        };
        Ok(AtomicFile {
            path: path.to_path_buf(),
            dir,
            file,
        })
    }

    /// Where to write the contents.
    pub fn writer(&mut self) -> &mut File {
        match &mut self.file {
            Temp::Unnamed(file) => file,
            Temp::Named(named) => named.as_file_mut(),
        }
    }

    /// Syncs the data and puts the file in place.
    pub fn commit(self) -> io::Result<()> {
        match self.file {
            Temp::Named(named) => {
                named.as_file().sync_all()?;
                named.persist(&self.path).map_err(|e| e.error)?;
            }
            Temp::Unnamed(mut file) => {
                file.sync_all()?;
                // A name for an instant, then the destination's name.
                let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
                let linked = tempfile::Builder::new()
                    .prefix(NAMED_PREFIX)
                    .suffix(NAMED_SUFFIX)
                    .make_in(&self.dir, |name| {
                        rustix::fs::linkat(CWD, &proc_path, CWD, name, AtFlags::SYMLINK_FOLLOW)
                            .map_err(io::Error::from)
                    });
                match linked {
                    Ok(linked) => linked.persist(&self.path).map(drop).map_err(|e| e.error)?,
                    // No /proc to link through: copy into a named file.
                    Err(_) => {
                        let mut named = named_in(&self.dir)?;
                        file.rewind()?;
                        io::copy(&mut file, named.as_file_mut())?;
                        named.as_file().sync_all()?;
                        named.persist(&self.path).map_err(|e| e.error)?;
                    }
                }
            }
        }
        // The rename itself is on disk once the folder is.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// A file with no name in `dir`, readable and writable by its owner only.
fn unnamed_in(dir: &Path) -> io::Result<File> {
    let fd = rustix::fs::openat(
        CWD,
        dir,
        OFlags::RDWR | OFlags::TMPFILE | OFlags::CLOEXEC,
        Mode::from_raw_mode(FILE_MODE),
    )?;
    let file = File::from(fd);
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(FILE_MODE))?;
    Ok(file)
}

/// A hidden named file in `dir`, locked while it is written so that no
/// other iyashi mistakes it for one left behind.
fn named_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let named = tempfile::Builder::new()
        .prefix(NAMED_PREFIX)
        .suffix(NAMED_SUFFIX)
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(FILE_MODE))
        .tempfile_in(dir)?;
    named.as_file().lock()?;
    Ok(named)
}

/// Removes the named temporary files of writers that died (their lock is
/// gone with them) from `dir`. Never a live writer's, nor anyone else's.
pub fn clear_left_behind(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(NAMED_PREFIX) && name.ends_with(NAMED_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {
                let _ = fs::remove_file(&path);
            }
            Err(TryLockError::WouldBlock | TryLockError::Error(_)) => {}
        }
    }
}

/// [`AtomicFile`] for bytes already in memory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.writer().write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_appears_whole_and_private_with_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut file = AtomicFile::create(&path).unwrap();
        file.writer().write_all(b"half").unwrap();
        assert_eq!(names(dir.path()), Vec::<String>::new(), "nothing named yet");
        file.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"half");
        assert_eq!(names(dir.path()), ["out.txt"]);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );

        // An abandoned write leaves the old file as it was, and nothing else.
        let mut again = AtomicFile::create(&path).unwrap();
        again.writer().write_all(b"other").unwrap();
        drop(again);
        assert_eq!(fs::read(&path).unwrap(), b"half");
        assert_eq!(names(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_named_file_left_by_a_dead_writer_is_cleared_and_a_live_ones_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let live = named_in(dir.path()).unwrap();
        let dead = dir.path().join(".iyashi-dead1.tmp");
        fs::write(&dead, "journal text").unwrap();
        let someone_elses = dir.path().join(".tmp12345");
        fs::write(&someone_elses, "not ours").unwrap();
        clear_left_behind(dir.path());
        assert!(!dead.exists());
        assert!(live.path().exists());
        assert!(someone_elses.exists());
    }
}
