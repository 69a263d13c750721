//! A real `iyashi watch` of manual sessions (it needs no desktop), for tests
//! that ask the daemon something; ended when dropped.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::Home;

pub struct ManualWatch(pub Child);

impl ManualWatch {
    /// Starts it in `home` and returns once its socket is there.
    pub fn start(home: &Home) -> ManualWatch {
        let child = home
            .std_cmd()
            .args(["watch", "--source", "manual"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for_socket(home);
        ManualWatch(child)
    }
}

/// Returns once a daemon's socket is in `home`.
pub fn wait_for_socket(home: &Home) {
    let socket = home.path().join("watch.sock");
    let waiting = Instant::now();
    while !socket.exists() {
        assert!(waiting.elapsed() < Duration::from_secs(30), "no socket");
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for ManualWatch {
    // SIGKILL ends a stopped (Ctrl-Z) daemon too.
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
