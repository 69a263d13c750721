//! Every kind of bad input gets one clear line, a non-zero exit, and leaves
//! the journal exactly as it was.

mod common;

use std::os::unix::ffi::OsStrExt;

use common::{refused, Home};

/// A home with one entry in it, and its export to compare against later.
fn home_with_an_entry() -> (Home, String) {
    let home = Home::new();
    home.ok(&["joy", "already here"]);
    let before = home.export();
    (home, before)
}

#[test]
fn empty_text_is_refused() {
    let (home, before) = home_with_an_entry();
    for args in [&["joy", ""][..], &["note", "   "], &["joy", "\n\t"]] {
        let line = refused(&home.run(args));
        assert!(line.contains("the text is empty"), "{line}");
    }
    let line = refused(
        &home
            .cmd()
            .args(["joy", "-"])
            .write_stdin("")
            .output()
            .unwrap(),
    );
    assert!(line.contains("empty"), "{line}");
    assert_eq!(home.export(), before);
}

#[test]
fn text_over_ten_thousand_characters_is_refused_not_cut() {
    let (home, before) = home_with_an_entry();
    let long = "あ".repeat(10_001);
    let line = refused(&home.run(&["note", &long]));
    assert!(
        line.contains("10001 characters") && line.contains("10000"),
        "{line}"
    );
    let piped = home
        .cmd()
        .args(["joy", "-"])
        .write_stdin(long)
        .output()
        .unwrap();
    refused(&piped);
    assert_eq!(home.export(), before);
    home.ok(&["note", &"あ".repeat(10_000)]);
}

#[test]
fn moods_outside_one_to_five_are_refused() {
    let (home, before) = home_with_an_entry();
    for bad in ["0", "6", "abc"] {
        let line = refused(&home.run(&["mood", bad]));
        assert!(line.contains(&format!("“{bad}” is not a mood")), "{line}");
        assert!(line.contains("1 (heavy) to 5 (bright)"), "{line}");
    }
    let line = refused(&home.run(&["--lang", "ja", "mood", "0"]));
    assert!(line.contains("気分として使えません"), "{line}");
    assert_eq!(home.export(), before);
}

#[test]
fn an_impossible_day_is_refused() {
    let (home, _) = home_with_an_entry();
    for bad in ["2026-02-30", "2026-13-01", "next tuesday", "25/11/2026"] {
        let line = refused(&home.run(&["log", "--day", bad]));
        assert!(line.contains("is not a day on the calendar"), "{line}");
    }
}

#[test]
fn invalid_utf8_in_an_argument_is_refused() {
    let (home, before) = home_with_an_entry();
    let bad = std::ffi::OsStr::from_bytes(b"caf\xe9");
    let out = home.cmd().arg("joy").arg(bad).output().unwrap();
    assert!(refused(&out).contains("not valid UTF-8"));
    let out = home
        .cmd()
        .args(["joy", "-"])
        .write_stdin(&b"caf\xe9"[..])
        .output()
        .unwrap();
    assert!(refused(&out).contains("not valid UTF-8"));
    let out = home.cmd().args(["log", "--day"]).arg(bad).output().unwrap();
    refused(&out);
    assert_eq!(home.export(), before);
}

#[test]
fn an_import_with_a_broken_line_imports_nothing_and_names_the_line() {
    let (home, before) = home_with_an_entry();
    let source = Home::new();
    for n in 0..5 {
        source.ok(&["joy", &format!("joy {n}")]);
    }
    let mut lines: Vec<String> = source.export().lines().map(str::to_string).collect();
    lines[3] = lines[3].replace("\"kind\":\"joy\"", "\"kind\":\"jy\"");
    let file = home.path().join("broken.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let line = refused(&home.run(&["import", file.to_str().unwrap()]));
    assert!(line.contains("broken.jsonl line 4:"), "{line}");
    assert!(line.contains("Nothing was imported"), "{line}");
    assert_eq!(home.export(), before);

    std::fs::write(
        &file,
        format!("{}\n\u{fffd}\n", lines[0]).replace('\u{fffd}', "\u{1}"),
    )
    .unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xff;
    std::fs::write(&file, bytes).unwrap();
    let line = refused(&home.run(&["import", file.to_str().unwrap()]));
    assert!(
        line.contains("broken.jsonl line 2: this line is not UTF-8"),
        "{line}"
    );
    std::fs::write(&file, "hello\n").unwrap();
    assert!(refused(&home.run(&["import", file.to_str().unwrap()])).contains("neither JSON Lines"));
    assert_eq!(home.export(), before);
}

#[test]
fn a_corrupt_database_is_refused_and_left_as_it_was() {
    let home = Home::new();
    let noise: Vec<u8> = (0..4096u32).map(|_| fastrand::u8(..)).collect();
    std::fs::write(home.db(), &noise).unwrap();
    // As iyashi keeps its file (a journal open to others would be closed,
    // and that said on a line of its own).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.db(), std::fs::Permissions::from_mode(0o600)).unwrap();
    for args in [&["joy", "tea"][..], &["log"], &["import", "/dev/null"]] {
        let line = refused(&home.run(args));
        assert!(line.contains("is not an iyashi database"), "{line}");
    }
    assert_eq!(std::fs::read(home.db()).unwrap(), noise);
}

#[test]
fn a_database_from_a_newer_iyashi_is_refused_and_left_as_it_was() {
    let (home, _) = home_with_an_entry();
    {
        let conn = rusqlite::Connection::open(home.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(home.db()).unwrap();
    let line = refused(&home.run(&["joy", "tea"]));
    assert!(line.contains("newer iyashi (schema 99"), "{line}");
    assert!(line.contains("please update iyashi"), "{line}");
    assert_eq!(std::fs::read(home.db()).unwrap(), before);
}

#[test]
fn a_config_with_a_syntax_error_names_the_line() {
    let (home, before) = home_with_an_entry();
    std::fs::write(
        home.config(),
        "# mine\nlanguage = \"ja\"\nday_starts_at = \n",
    )
    .unwrap();
    let line = refused(&home.run(&["joy", "tea"]));
    assert!(line.contains("config.toml line 3"), "{line}");
    // The config is broken, so not even the language in it applies.
    assert!(line.contains("Fix or remove that line"), "{line}");
    assert_eq!(
        home.ok(&["config", "path"]).trim(),
        home.config().to_str().unwrap()
    );
    std::fs::write(home.config(), "day_starts_at = 4\n").unwrap();
    assert_eq!(home.export(), before);
}

#[test]
fn a_config_with_an_unknown_key_names_the_line_and_key() {
    let (home, before) = home_with_an_entry();
    let config = "day_starts_at = 5\n\n[room]\nmotion = false\nsparkles = true\n";
    std::fs::write(home.config(), config).unwrap();
    let line = refused(&home.run(&["joy", "tea"]));
    assert!(
        line.contains("config.toml line 5, key “room.sparkles”"),
        "{line}"
    );
    assert!(line.contains("there is no such setting"), "{line}");
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        config,
        "config untouched"
    );

    std::fs::write(home.config(), "timezone = \"Mars/Olympus\"\n").unwrap();
    let line = refused(&home.run(&["today"]));
    assert!(
        line.contains("line 1, key “timezone”") && line.contains("Mars/Olympus"),
        "{line}"
    );
    std::fs::remove_file(home.config()).unwrap();
    assert_eq!(home.export(), before);
}

#[test]
fn usage_mistakes_are_one_line_too() {
    let home = Home::new();
    for args in [
        &["jot", "tea"][..],
        &["log", "--week", "--month"],
        &["--lang", "fr", "log"],
    ] {
        refused(&home.run(args));
    }
}

#[test]
fn a_quiet_time_iyashi_cannot_read_is_refused_and_quiet_stays_as_it_was() {
    let (home, _) = home_with_an_entry();
    home.ok(&["quiet", "1h"]);
    for bad in ["forever", "0m", "25h", "-1h"] {
        let line = refused(&home.run(&["quiet", "--", bad]));
        assert!(
            line.contains(&format!("“{bad}” is not a quiet time")),
            "{line}"
        );
        assert!(line.contains("30m, 1h, 2h"), "{line}");
    }
    let line = refused(&home.run(&["--lang", "ja", "quiet", "forever"]));
    assert!(line.contains("静かにする時間として読めません"), "{line}");
    // The quiet said before is still there.
    assert!(
        home.ok(&["why"]).contains("Quiet until"),
        "quiet was changed"
    );
}
