//! A tmux server of a test's own (its own socket), so nothing else's
//! sessions are touched: the real terminal a person runs iyashi in.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    /// A server for this test process; `name` keeps tests apart.
    pub fn new(name: &str) -> Tmux {
        Tmux::with_session(name, name)
    }

    /// A server for this test process named `name`, whose session is
    /// called `session` (a test may name it in its own tmux commands).
    pub fn with_session(name: &str, session: &str) -> Tmux {
        Tmux {
            socket: format!("iyashi-{name}-{}", std::process::id()),
            session: session.to_string(),
        }
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `command` in a detached session of `cols` x `rows`.
    pub fn start(&self, cols: u16, rows: u16, command: &str) {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        self.run(&[
            "new-session",
            "-d",
            "-s",
            &self.session,
            "-x",
            &cols,
            "-y",
            &rows,
            command,
        ]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    /// Waits until the screen shows something `pred` likes, and returns it.
    /// The screen must please `pred` twice in a row, so a frame caught half
    /// drawn is not taken for the whole.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut seen: Vec<String> = Vec::new();
        loop {
            let screen = self.screen();
            if pred(&screen) && seen.last().is_some_and(|last| pred(last)) {
                return screen;
            }
            if seen.last() != Some(&screen) {
                seen.push(screen.clone());
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what}; the screens were:\n{}",
                seen.join("\n----\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// `p` quoted for the shell tmux runs the command in.
pub fn sh_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}
