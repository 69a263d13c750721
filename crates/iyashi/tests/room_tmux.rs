//! The room in a real terminal: tmux runs the binary, keys add a joy, the
//! joy shows on the shelf, `q` leaves the terminal as it was, and the joy is
//! in the journal. And at 40×12, 80×24 and 120×40, in English and Japanese,
//! every key the key line offers shows something, and every page scrolls.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of this test's own, so nothing else's sessions are touched.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// The room in a session of its own, `size` cells, at `now` in `home`;
    /// when it closes, the pane says how it ended and stays for a while.
    fn start(name: &str, home: &Path, now: &str, size: (&str, &str), args: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("iyashi-room-test-{}{name}", std::process::id()),
        };
        let command = format!(
            "env IYASHI_HOME={} IYASHI_NOW={now} TERM=xterm-256color {} {args}; \
             echo ROOM-CLOSED $?; sleep 60",
            sh_quote(home),
            sh_quote(Path::new(env!("CARGO_BIN_EXE_iyashi")))
        );
        let (w, h) = size;
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "room",
            "-x",
            w,
            "-y",
            h,
            &command,
        ]);
        tmux
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "room"];
        args.extend(keys);
        self.run(&args);
    }

    /// Esc, on its own (an Esc with a key right after it reads as Alt+key),
    /// then waits for the room's own key line.
    fn escape(&self, at: &str) {
        self.keys(&["Escape"]);
        self.wait_for(&format!("{at}: back in the room"), |s| {
            s.lines().last().is_some_and(|l| l.contains(" ? "))
        });
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
        let mut seen: Vec<String> = Vec::new();
        loop {
            let screen = self.screen();
            if pred(&screen) {
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

/// A fresh home with this config.
fn home_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    home
}

fn sh_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

#[test]
#[ignore = "needs tmux"]
fn a_joy_added_in_the_room_is_on_the_shelf_and_in_the_journal() {
    let home = home_with("language = \"en\"\ntimezone = \"Asia/Tokyo\"\n");
    let bin = Path::new(env!("CARGO_BIN_EXE_iyashi"));
    let tmux = Tmux::start("", home.path(), "2026-11-25T03:30:00Z", ("80", "24"), "");
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

/// Runs `iyashi` with `args` against `home` at `now`, for setting up.
fn iyashi(home: &Path, now: &str, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_iyashi"))
        .args(args)
        .env("IYASHI_HOME", home)
        .env("IYASHI_NOW", now)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
}

/// Whether the screen shows `words`, perhaps wrapped over several rows.
fn reads(screen: &str, words: &str) -> bool {
    let bare = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"│╭╮╰╯─".contains(*c))
            .collect::<String>()
    };
    bare(screen).contains(&bare(words))
}

#[test]
#[ignore = "needs tmux"]
fn every_key_and_every_page_at_small_and_large_sizes_in_both_languages() {
    let home = home_with("timezone = \"Asia/Tokyo\"\n");
    // A full week: enough to scroll at every size.
    for day in 23..=29 {
        for hour in ["00", "03", "06", "09"] {
            let now = format!("2026-11-{day}T{hour}:10:00Z");
            iyashi(
                home.path(),
                &now,
                &["joy", "warm tea by the window, and a long walk home"],
            );
        }
        let now = format!("2026-11-{day}T05:00:00Z");
        iyashi(home.path(), &now, &["mood", "4", "calm afternoon"]);
    }
    for (lang, [help, seasons, episode, week, monday, more, ask_mood, needs_number, resting]) in [
        (
            "en",
            [
                "keep a plain note",
                "The season outside",
                "This month's episode",
                "Sun 29 Nov 2026",
                "Mon 23 Nov 2026",
                "more",
                "Mood 1–5, then words if you like:",
                "Start with a number: 1 heavy, 2 low, 3 so-so, 4 good, 5 bright.",
                "resting",
            ],
        ),
        (
            "ja",
            [
                "ふつうのメモを残す",
                "窓の外の季節",
                "今月のエピソード",
                "2026年11月29日(日)",
                "2026年11月23日(月)",
                "あと",
                "気分 1〜5、よければひとこと:",
                "数字から始めてね",
                "休憩中",
            ],
        ),
    ] {
        for (w, h) in [("40", "12"), ("80", "24"), ("120", "40")] {
            let tmux = Tmux::start(
                &format!("-{lang}-{w}"),
                home.path(),
                "2026-11-29T08:00:00Z",
                (w, h),
                &format!("--lang {lang}"),
            );
            let at = format!("{lang} {w}x{h}");
            let room = tmux.wait_for(&format!("{at}: the room"), |s| {
                s.lines().last().is_some_and(|l| l.contains(" q "))
            });
            let filled = room.lines().filter(|l| !l.trim().is_empty()).count();
            assert!(
                filled * 3 >= room.lines().count() * 2,
                "{at}: mostly blank\n{room}"
            );

            tmux.keys(&["?"]);
            tmux.wait_for(&format!("{at}: help"), |s| reads(s, help));
            tmux.keys(&["End"]);
            tmux.wait_for(&format!("{at}: help's end"), |s| {
                s.contains("Goro") || s.contains("ゴロ")
            });
            tmux.escape(&at);
            tmux.keys(&["s"]);
            tmux.wait_for(&format!("{at}: seasons"), |s| s.contains(seasons));
            tmux.escape(&at);
            tmux.keys(&["e"]);
            tmux.wait_for(&format!("{at}: the episode"), |s| s.contains(episode));
            // "↑ N more" (not the key line's "↑↓"): the page has scrolled.
            let episode_shown = tmux.screen();
            if episode_shown.contains(more) {
                tmux.keys(&["PageDown"]);
                tmux.wait_for(&format!("{at}: the episode, further on"), |s| {
                    s.contains("↑ ")
                });
            }
            tmux.escape(&at);
            tmux.keys(&["l"]);
            // The week opens on today, with the sign that there is more above.
            let log = tmux.wait_for(&format!("{at}: the log"), |s| {
                s.contains(week) && s.contains(more)
            });
            assert!(log.contains("↑ "), "{at}:\n{log}");
            tmux.keys(&["Home"]);
            tmux.wait_for(&format!("{at}: the log's beginning"), |s| {
                s.contains(monday)
            });
            tmux.escape(&at);
            tmux.keys(&["m"]);
            tmux.wait_for(&format!("{at}: the mood prompt"), |s| reads(s, ask_mood));
            tmux.run(&["send-keys", "-t", "room", "-l", "good"]);
            tmux.keys(&["Enter"]);
            let typed = tmux.wait_for(&format!("{at}: the reason"), |s| reads(s, needs_number));
            assert!(typed.contains("◌ good"), "{at}: what was typed\n{typed}");
            tmux.keys(&["Escape"]);
            tmux.wait_for(&format!("{at}: the prompt gone"), |s| !s.contains("◌ good"));
            tmux.keys(&["b"]);
            tmux.wait_for(&format!("{at}: a break"), |s| s.contains(resting));
            tmux.keys(&["q"]);
            tmux.wait_for(&format!("{at}: closed"), |s| s.contains("ROOM-CLOSED 0"));
        }
    }
}
