//! iyashi's output going into another program: `iyashi man | head -1`,
//! `iyashi log --month | head`, `iyashi break now > file`.
//!
//! A reader that stops reading is an ordinary end, not a failure: every
//! command then ends quietly (exit 0, nothing on standard error). And what
//! only a terminal understands (`\r`, erase-line) is never written anywhere
//! else.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use std::process::{Output, Stdio};

use common::Home;

/// Runs `iyashi ARGS…` with its standard output a pipe whose reading end is
/// already closed, as after `head` has read its line and gone: the first
/// write meets a closed pipe, every time.
fn into_closed_pipe(home: &Home, args: &[&str]) -> Output {
    let mut child = home
        .std_cmd()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

fn a_journal() -> Home {
    let home = Home::new();
    for i in 0..40 {
        home.ok(&["joy", &format!("small joy number {i}")]);
    }
    home.ok(&["mood", "4", "a calm afternoon"]);
    home.ok(&["note", "a long day"]);
    home
}

#[test]
fn every_command_ends_quietly_when_its_reader_has_gone() {
    let home = a_journal();
    let commands: &[&[&str]] = &[
        &["man"],
        &["completions", "bash"],
        &["--help"],
        &["log", "--month"],
        &["log", "--json"],
        &["today"],
        &["search", "joy"],
        &["export", "--format", "jsonl"],
        &["export", "--format", "md"],
        &["week"],
        &["season", "--year", "2027"],
        &["episode"],
        &["plot", "year"],
        &["config", "show"],
        &["config", "path"],
        &["--lang", "ja", "log", "--month"],
    ];
    for args in commands {
        let out = into_closed_pipe(&home, args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(0), ""),
            "iyashi {args:?} into a closed pipe"
        );
    }
    // Nothing was lost or changed on the way.
    assert_eq!(home.count(), 42);
}

#[test]
fn a_break_counted_down_into_a_file_has_no_terminal_codes() {
    let home = Home::new();
    std::fs::write(
        home.config(),
        "[rhythm]\nmicro_break_length = \"1s\"\nrest_break_length = \"2s\"\n",
    )
    .unwrap();
    let out = home.run(&["break", "now"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\r') && !text.contains('\x1b'),
        "terminal codes in {text:?}"
    );
    assert!(!text.trim().is_empty());

    // And a closed pipe does not stop the break from being kept.
    let out = into_closed_pipe(&home, &["break", "now"]);
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (Some(0), "")
    );
    assert_eq!(home.breaks_taken_this_week(), 2);
}

/// Runs `iyashi ARGS…` with both its outputs one pipe whose reading end is
/// already closed, as in `iyashi … 2>&1 | head -1` once `head` has gone.
fn all_into_closed_pipe(home: &Home, args: &[&str]) -> Option<i32> {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = home
        .std_cmd()
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer.try_clone().unwrap())
        .stderr(writer)
        .spawn()
        .unwrap();
    child.wait().unwrap().code()
}

#[test]
fn a_word_on_standard_error_with_no_one_reading_it_ends_the_command_as_it_would_have() {
    let home = a_journal();
    // Refusals keep their exit code, a calm ending its 0: never a panic's 101.
    let cases: &[(&[&str], i32)] = &[
        (&["log", "--day", "2026-02-30"], 2),
        (&["mood", "9"], 2),
        (&["--lang", "ja", "no-such-command"], 2),
        (&["letters", "write", "hello"], 2),
        (&["today"], 0),
    ];
    for (args, code) in cases {
        assert_eq!(
            all_into_closed_pipe(&home, args),
            Some(*code),
            "iyashi {args:?} 2>&1 into a closed pipe"
        );
    }
    assert_eq!(home.count(), 42);
}
