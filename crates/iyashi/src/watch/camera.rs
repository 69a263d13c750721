//! The camera: is a video device open in another program? Linux keeps each
//! process's open files as links under `/proc/PID/fd`; one pointing at
//! `/dev/video*` means the camera is in use (a call, a recording).

use std::path::Path;

/// Whether this system shows processes' open files at all.
pub fn can_see() -> bool {
    Path::new("/proc/self/fd").exists()
}

/// Whether a process other than `own_pid` has a `/dev/video*` open, looking
/// under `proc_root` (`/proc`, or a directory a test lays out the same way).
/// Processes that cannot be read (another user's) are passed over.
pub fn in_use(proc_root: &Path, own_pid: u32) -> std::io::Result<bool> {
    for entry in std::fs::read_dir(proc_root)?.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        if pid == own_pid {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            if std::fs::read_link(fd.path())
                .is_ok_and(|target| target.to_string_lossy().starts_with("/dev/video"))
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A `/proc` of two processes: ours, which holds the camera (it must not
    /// count), and another with a terminal and a pipe open.
    fn fake_proc() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        for (pid, links) in [
            ("100", &["/dev/video0", "/dev/null"][..]),
            ("200", &["/dev/pts/3", "pipe:[4242]"][..]),
        ] {
            let fd = root.path().join(pid).join("fd");
            std::fs::create_dir_all(&fd).unwrap();
            for (i, target) in links.iter().enumerate() {
                symlink(target, fd.join(i.to_string())).unwrap();
            }
        }
        std::fs::create_dir_all(root.path().join("self")).unwrap();
        std::fs::write(root.path().join("uptime"), "1 1").unwrap();
        root
    }

    #[test]
    fn another_program_holding_a_video_device_is_the_camera_in_use() {
        let root = fake_proc();
        assert!(
            !in_use(root.path(), 100).unwrap(),
            "our own fd does not count"
        );
        assert!(in_use(root.path(), 1).unwrap());
        symlink("/dev/video2", root.path().join("200/fd/7")).unwrap();
        assert!(in_use(root.path(), 100).unwrap());
    }

    #[test]
    fn no_proc_is_an_error_not_a_camera() {
        assert!(in_use(Path::new("/nonexistent/proc"), 1).is_err());
        let root = tempfile::tempdir().unwrap();
        assert!(!in_use(root.path(), 1).unwrap());
    }
}
