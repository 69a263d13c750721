//! The room in a real terminal: tmux runs the binary, keys add a joy, the
//! joy shows on the shelf, `q` leaves the terminal as it was, and the joy is
//! in the journal. And at 40×12, 80×24 and 120×40, in English and Japanese,
//! every key the key line offers shows something, and every page scrolls.

#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use std::path::Path;
use std::process::Command;

use iyashi_core::catalogue::room::{RoomAction, RoomText};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;

mod common;

use common::tmux::{sh_quote, Tmux};

/// The room in a tmux session of its own, `size` cells, at `now` in `home`;
/// when it closes, the pane says how it ended and stays for a while.
fn room(name: &str, home: &Path, now: &str, size: (u16, u16), args: &str) -> Tmux {
    let tmux = Tmux::with_session(&format!("room{name}"), "room");
    let command = format!(
        "env IYASHI_HOME={} IYASHI_NOW={now} TERM=xterm-256color {} {args}; \
         echo ROOM-CLOSED $?; sleep 60",
        sh_quote(home),
        sh_quote(Path::new(env!("CARGO_BIN_EXE_iyashi")))
    );
    tmux.start(size.0, size.1, &command);
    tmux
}

/// Esc, on its own (an Esc with a key right after it reads as Alt+key),
/// then waits for the room's own key line.
fn escape(tmux: &Tmux, at: &str) {
    tmux.keys(&["Escape"]);
    tmux.wait_for(&format!("{at}: back in the room"), |s| {
        s.lines().last().is_some_and(|l| l.contains(" ? "))
    });
}

/// A fresh home with this config.
fn home_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    home
}

#[test]
#[ignore = "needs tmux"]
fn a_joy_added_in_the_room_is_on_the_shelf_and_in_the_journal() {
    let home = home_with("language = \"en\"\ntimezone = \"Asia/Tokyo\"\n");
    let bin = Path::new(env!("CARGO_BIN_EXE_iyashi"));
    let tmux = room("", home.path(), "2026-11-25T03:30:00Z", (80, 24), "");
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
/// What `iyashi args` prints, in English, at `now`.
fn iyashi_says(home: &Path, now: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_iyashi"))
        .args(args)
        .env("IYASHI_HOME", home)
        .env("IYASHI_NOW", now)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

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

/// The number in the page frame's "↑ N more" (`up`) or "↓ N more" sign,
/// if the screen shows one (the key line's "↑↓" is not a sign).
fn sign(screen: &str, lang: Lang, up: bool) -> Option<usize> {
    let frame: Vec<&str> = screen.lines().collect();
    let frame = frame[..frame.len().saturating_sub(1)].join("\n");
    (1..2000).find(|&n| {
        let said = if up {
            RoomText::MoreAbove(n).render(lang)
        } else {
            RoomText::MoreBelow(n).render(lang)
        };
        frame.contains(&said)
    })
}

/// What a key of the room's key line should bring, in `lang`, and what a
/// test at one size does with it.
struct Visit<'a> {
    tmux: &'a Tmux,
    lang: Lang,
    at: String,
}

/// The screen's last two rows: the key line takes two when one cannot hold
/// every key.
fn key_rows(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(2)..].join("\n")
}

impl Visit<'_> {
    /// The key line's keys (the room's, in the order shown), on its one
    /// or two rows.
    fn offered(&self, screen: &str) -> Vec<String> {
        let rows = key_rows(screen);
        let words: Vec<&str> = rows.split_whitespace().collect();
        let labels: Vec<&str> = RoomAction::ALL.iter().map(|a| a.label(self.lang)).collect();
        words
            .windows(2)
            .filter(|w| labels.contains(&w[1]) && w[0].chars().count() == 1)
            .map(|w| w[0].to_string())
            .collect()
    }

    /// Types into the box the key opened, sees every character, lets it go.
    fn typing(&self, key: &str, prompt: RoomText) {
        let at = &self.at;
        self.tmux.keys(&[key]);
        self.tmux.wait_for(&format!("{at}: {key}'s prompt"), |s| {
            reads(s, &prompt.render(self.lang))
        });
        self.tmux
            .run(&["send-keys", "-t", "room", "-l", "good plum tea"]);
        self.tmux
            .wait_for(&format!("{at}: {key}: what was typed"), |s| {
                s.lines()
                    .last()
                    .is_some_and(|l| l.contains("good plum tea"))
            });
        if key == "m" {
            self.tmux.keys(&["Enter"]);
            self.tmux
                .wait_for(&format!("{at}: why the mood was not kept"), |s| {
                    reads(s, &RoomText::MoodNeedsNumber.render(self.lang))
                        && s.contains("◌ good plum tea")
                });
        }
        escape(self.tmux, at);
    }

    /// Opens a page with `key`, waits for `shows`, and (when the key line
    /// offers scrolling) goes through it with every scrolling key.
    fn page(&self, key: &str, shows: &str, first: &str) {
        let (at, lang, tmux) = (&self.at, self.lang, self.tmux);
        tmux.keys(&[key]);
        let opened = tmux.wait_for(&format!("{at}: {key}'s page"), |s| {
            reads(s, shows) && s.lines().last().is_some_and(|l| l.contains("Esc"))
        });
        let scrolls = key_rows(&opened).contains("↑↓");
        if !scrolls {
            assert!(
                sign(&opened, lang, true).is_none() && sign(&opened, lang, false).is_none(),
                "{at}: {key} shows a sign but no way to scroll\n{opened}"
            );
            assert!(reads(&opened, first), "{at}: {key}: no {first:?}\n{opened}");
            return escape(tmux, at);
        }
        let step = |keys: &str, what: &str, pred: &dyn Fn(&str) -> bool| {
            tmux.keys(&[keys]);
            tmux.wait_for(&format!("{at}: {key}, {keys}: {what}"), pred)
        };
        let top = step("Home", "at the top", &|s| {
            sign(s, lang, true).is_none() && sign(s, lang, false).is_some()
        });
        assert!(reads(&top, first), "{at}: {key}'s top, no {first:?}\n{top}");
        let below = sign(&top, lang, false).unwrap_or_default();
        step("Down", "one line on", &|s| sign(s, lang, true) == Some(1));
        step("Up", "back at the top", &|s| sign(s, lang, true).is_none());
        let screenful = step("PageDown", "a screen on", &|s| {
            sign(s, lang, true).is_some_and(|n| n > 1 || n == below)
        });
        let rows = sign(&screenful, lang, true).unwrap_or_default();
        assert!(
            rows == below || sign(&screenful, lang, false) == Some(below - rows),
            "{at}: {key}: a screen on is {rows} of {below}\n{screenful}"
        );
        step("PageUp", "a screen back", &|s| {
            sign(s, lang, true).is_none()
        });
        step("End", "at the end", &|s| {
            sign(s, lang, false).is_none() && sign(s, lang, true) == Some(below)
        });
        step("Home", "at the top again", &|s| reads(s, first));
        escape(tmux, at);
    }
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
    for (lang, [help_first, today, monday, episode_first]) in [
        (
            Lang::En,
            [
                "keep a small joy",
                "Sun 29 Nov 2026",
                "Mon 23 Nov 2026",
                "Episode 11",
            ],
        ),
        (
            Lang::Ja,
            [
                "小さな幸せを書き留める",
                "2026年11月29日（日）",
                "2026年11月23日（月）",
                "第11話",
            ],
        ),
    ] {
        for (w, h) in [(40, 12), (80, 24), (120, 40)] {
            let code = lang.pick("en", "ja");
            let tmux = room(
                &format!("-{code}-{w}"),
                home.path(),
                "2026-11-29T08:00:00Z",
                (w, h),
                &format!("--lang {code}"),
            );
            let visit = Visit {
                tmux: &tmux,
                lang,
                at: format!("{code} {w}x{h}"),
            };
            let at = &visit.at;
            let room = tmux.wait_for(&format!("{at}: the room"), |s| {
                s.lines().last().is_some_and(|l| l.contains(" q "))
            });
            let filled = room.lines().filter(|l| !l.trim().is_empty()).count();
            assert!(
                filled * 3 >= room.lines().count() * 2,
                "{at}: mostly blank\n{room}"
            );
            let offered = visit.offered(&room);
            for must in ["j", "m", "n", "?", "q"] {
                assert!(
                    offered.iter().any(|k| k == must),
                    "{at}: no {must} in\n{room}"
                );
            }
            // From 80 columns every key shows (on two rows when one cannot
            // hold them).
            if w != 40 {
                assert_eq!(offered.len(), RoomAction::ALL.len(), "{at}:\n{room}");
            }
            // Every key the line offers, the break and leaving last.
            for key in offered.iter().filter(|k| !matches!(k.as_str(), "b" | "q")) {
                let key = key.as_str();
                match key {
                    "j" => visit.typing(key, RoomText::AskJoy),
                    "m" => visit.typing(key, RoomText::AskMood),
                    "n" => visit.typing(key, RoomText::AskNote),
                    "?" => visit.page(key, &RoomText::HelpTitle.render(lang), help_first),
                    "s" => visit.page(key, &RoomText::SeasonsTitle.render(lang), "朔風払葉"),
                    "e" => visit.page(key, &RoomText::EpisodeTitle.render(lang), episode_first),
                    "l" => {
                        // The week opens on today, with a sign that there
                        // is more above.
                        tmux.keys(&["l"]);
                        let log = tmux.wait_for(&format!("{at}: the log"), |s| {
                            s.contains(today) && sign(s, lang, true).is_some()
                        });
                        assert!(sign(&log, lang, false).is_none(), "{at}:\n{log}");
                        escape(&tmux, at);
                        visit.page(key, &RoomText::LogTitle.render(lang), monday);
                    }
                    "w" => {
                        tmux.keys(&["w"]);
                        tmux.wait_for(&format!("{at}: work counted"), |s| {
                            reads(s, &RoomText::WorkingManually { work_key: "w" }.render(lang))
                        });
                        tmux.keys(&["w"]);
                        tmux.wait_for(&format!("{at}: work no longer counted"), |s| {
                            !reads(s, &RoomText::WorkingManually { work_key: "w" }.render(lang))
                        });
                    }
                    "z" => {
                        // Quiet for an hour, kept where `iyashi why` reads it,
                        // then off again.
                        tmux.keys(&["z"]);
                        let hour = lang.pick("quiet for an hour", "1時間静かに");
                        tmux.wait_for(&format!("{at}: the quiet choice"), |s| reads(s, hour));
                        tmux.keys(&["1"]);
                        // Piyo says until when (the time shows nowhere else).
                        tmux.wait_for(&format!("{at}: quiet"), |s| s.contains("18:00"));
                        let why = iyashi_says(home.path(), "2026-11-29T08:01:00Z", &["why"]);
                        assert!(why.contains("Quiet until 18:00"), "{at}: {why}");
                        tmux.keys(&["z"]);
                        tmux.wait_for(&format!("{at}: the quiet choice"), |s| reads(s, hour));
                        tmux.keys(&["0"]);
                        tmux.wait_for(&format!("{at}: quiet off"), |s| !s.contains("18:00"));
                        let why = iyashi_says(home.path(), "2026-11-29T08:01:00Z", &["why"]);
                        assert!(!why.contains("Quiet until"), "{at}: {why}");
                    }
                    other => panic!("{at}: {other} is offered but not tried"),
                }
            }
            if offered.iter().any(|k| k == "b") {
                tmux.keys(&["b"]);
                let resting = RoomText::OnBreak(jiff::SignedDuration::from_mins(5)).render(lang);
                tmux.wait_for(&format!("{at}: a break"), |s| reads(s, &resting));
            }
            tmux.keys(&["q"]);
            tmux.wait_for(&format!("{at}: closed"), |s| s.contains("ROOM-CLOSED 0"));
        }
    }
}
