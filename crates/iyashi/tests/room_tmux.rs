//! The room in a real terminal: tmux runs the binary, keys add a joy, the
//! joy shows on the shelf, `q` leaves the terminal as it was, and the joy is
//! in the journal.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of this test's own, so nothing else's sessions are touched.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new() -> Tmux {
        Tmux {
            socket: format!("iyashi-room-test-{}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "room"])
    }

    /// Waits until the screen shows something `pred` likes, and returns it.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what}; the screen is:\n{screen}"
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

fn sh_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

#[test]
#[ignore = "needs tmux"]
fn a_joy_added_in_the_room_is_on_the_shelf_and_in_the_journal() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "language = \"en\"\ntimezone = \"Asia/Tokyo\"\n",
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_iyashi"));
    let command = format!(
        "env IYASHI_HOME={} IYASHI_NOW=2026-11-25T03:30:00Z TERM=xterm-256color {}; \
         echo ROOM-CLOSED $?; sleep 60",
        sh_quote(home.path()),
        sh_quote(bin)
    );
    let tmux = Tmux::new();
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "room",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);
    tmux.wait_for("the room", |s| s.contains("Today's small joys"));
    let before = tmux.run(&["display", "-p", "-t", "room", "#{alternate_on}"]);
    assert_eq!(before.trim(), "1", "the room draws on the alternate screen");

    tmux.run(&["send-keys", "-t", "room", "j"]);
    tmux.wait_for("the input box", |s| s.contains("A small joy:"));
    tmux.run(&["send-keys", "-t", "room", "-l", "warm tea 温かいお茶"]);
    tmux.run(&["send-keys", "-t", "room", "Enter"]);
    let screen = tmux.wait_for("the joy on the shelf", |s| {
        s.lines()
            .any(|l| l.contains("│ ✿ warm tea 温かいお茶") || l.contains("│ ✿ warm tea 温か"))
    });
    assert!(
        screen.contains("Kept. That's 1 small joy today."),
        "{screen}"
    );

    tmux.run(&["send-keys", "-t", "room", "q"]);
    let screen = tmux.wait_for("the room to close", |s| s.contains("ROOM-CLOSED"));
    // Restored: the normal screen, a visible cursor, and cooked mode (the
    // shell's line starts at the left edge, not wherever raw mode left it).
    assert!(
        screen.lines().any(|l| l == "ROOM-CLOSED 0"),
        "the room did not close cleanly:\n{screen}"
    );
    let flags = tmux.run(&[
        "display",
        "-p",
        "-t",
        "room",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(flags.trim(), "0 1");
    assert!(!screen.contains("Today's small joys"), "{screen}");

    let out = Command::new(bin)
        .args(["today", "--json"])
        .env("IYASHI_HOME", home.path())
        .env("IYASHI_NOW", "2026-11-25T04:00:00Z")
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("\"text\": \"warm tea 温かいお茶\""), "{json}");
    assert!(json.contains("\"kind\": \"joy\""), "{json}");
}
