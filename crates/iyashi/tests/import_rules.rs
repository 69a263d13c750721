//! What an import file may not say: one id for two different entries (in
//! the file, or against the journal), or a day its instant cannot have. Each
//! is refused in one line naming the line (both lines, for a reused id),
//! and nothing at all is imported.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::{refused, Home};

/// A joy written at 21:30 in Tokyo on 25 November 2026.
fn joy(n: u32, text: &str) -> String {
    serde_json::json!({
        "id": format!("00000000-0000-7000-8000-{n:012x}"),
        "kind": "joy",
        "at": "2026-11-25T12:30:00Z",
        "tz": "Asia/Tokyo",
        "day": "2026-11-25",
        "text": text,
    })
    .to_string()
}

fn import(home: &Home, lines: &[String]) -> std::process::Output {
    let file = home.path().join("in.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    home.run(&["import", file.to_str().unwrap()])
}

#[test]
fn one_id_for_two_different_entries_is_a_conflict_that_imports_nothing() {
    let home = Home::new();
    home.ok(&["joy", "already here"]);
    let before = home.export();
    let lines = [joy(1, "tea"), joy(2, "cake"), joy(1, "coffee")];
    let line = refused(&import(&home, &lines));
    assert!(line.contains("line 3: line 1 has the same id"), "{line}");
    assert!(line.contains("Nothing was imported"), "{line}");
    assert_eq!(home.export(), before);

    let file = home.path().join("in.jsonl");
    let out = home.run(&["--lang", "ja", "import", file.to_str().unwrap()]);
    let line = refused(&out);
    assert!(
        line.contains("3行目") && line.contains("1行目と同じID"),
        "{line}"
    );
    assert_eq!(home.export(), before);
}

#[test]
fn a_line_repeated_exactly_is_read_once() {
    let home = Home::new();
    let said = String::from_utf8(import(&home, &[joy(1, "tea"), joy(1, "tea")]).stdout).unwrap();
    assert!(said.contains("Imported 1 entr"), "{said}");
    assert_eq!(home.export().lines().count(), 1);
}

#[test]
fn an_id_the_journal_holds_for_a_different_entry_imports_nothing() {
    let home = Home::new();
    import(&home, &[joy(7, "tea")]);
    let before = home.export();
    // The same file again adds nothing and says so; a different entry under
    // a kept id is refused, and the new entry beside it is not imported.
    let again = String::from_utf8(import(&home, &[joy(7, "tea")]).stdout).unwrap();
    assert!(again.contains("1 were already here"), "{again}");
    let line = refused(&import(&home, &[joy(8, "new"), joy(7, "not tea")]));
    assert!(
        line.contains("line 2: the journal already holds a different entry"),
        "{line}"
    );
    assert_eq!(home.export(), before);
}

#[test]
fn a_day_that_contradicts_the_instant_is_refused() {
    let home = Home::new();
    home.ok(&["joy", "already here"]);
    let before = home.export();
    // 21:30 in Tokyo on the 25th belongs to the 25th (or, with a late
    // rollover hour, the 24th); never the 26th, nor another year.
    for day in ["2026-11-26", "2025-11-25"] {
        let wrong = joy(2, "tea").replace("\"2026-11-25\"", &format!("\"{day}\""));
        let line = refused(&import(&home, &[joy(1, "fine"), wrong]));
        assert!(line.contains("line 2: its day"), "{line}");
        assert!(line.contains("2026-11-25 21:30 in Asia/Tokyo"), "{line}");
        assert_eq!(home.export(), before);
    }
    // The same in Markdown, where the day rides in the comment.
    let md = home.path().join("in.md");
    let exported = home.ok(&["export", "--format", "md"]);
    let shifted = exported.replacen("\"day\":\"2026-11-25\"", "\"day\":\"2026-12-25\"", 1);
    std::fs::write(&md, shifted).unwrap();
    let other = Home::new();
    let line = refused(&other.run(&["import", md.to_str().unwrap()]));
    assert!(
        line.contains("its day 2026-12-25 cannot be right"),
        "{line}"
    );
    assert_eq!(other.export(), "");
}
