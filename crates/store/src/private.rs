//! Files only their owner may read, whatever the umask.
//!
//! A journal is a diary. Every file iyashi makes that holds any of it (the
//! database, its backups, exports, the letters outbox, the web room's
//! secret) is created 0600 and set to exactly that, and folders it makes for
//! them 0700: a umask can take permissions away, and a umask of 000 would
//! hand them out.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Read and write for the owner, nothing for anyone else.
pub const FILE_MODE: u32 = 0o600;
/// A folder only its owner may list or enter.
pub const DIR_MODE: u32 = 0o700;

/// Creates `path`, which must not exist yet, readable by its owner only.
pub fn create_new(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(path)?;
    file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

/// Opens `path` for appending or locking, creating it readable by its owner
/// only if it is not there yet.
pub fn open_or_create(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .open(path)?;
    if file.metadata()?.permissions().mode() & 0o777 != FILE_MODE {
        file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

/// Makes `dir` (and any missing parents) and leaves `dir` itself 0700.
/// Parents are made as the system would make them: they are not iyashi's.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    match fs::DirBuilder::new().mode(DIR_MODE).create(dir) {
        Ok(()) => fs::set_permissions(dir, Permissions::from_mode(DIR_MODE)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_folders_are_private_from_their_first_byte() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("a").join("home");
        create_dir(&home).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&home), DIR_MODE);
        let file = home.join("f");
        create_new(&file).unwrap();
        assert_eq!(mode(&file), FILE_MODE);
        assert!(
            create_new(&file).is_err(),
            "an existing file is not replaced"
        );
        fs::set_permissions(&file, Permissions::from_mode(0o644)).unwrap();
        open_or_create(&file).unwrap();
        assert_eq!(mode(&file), FILE_MODE);
    }
}
