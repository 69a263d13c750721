//! Control characters in stored text are shown, never obeyed: whatever way
//! they came in (an import, a pipe, the web room), nothing iyashi prints
//! hands a terminal an ESC, a NUL or a C1 control of the person's text.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use common::Home;
use web_common::Server;

/// Text that would clear the screen, retitle the window and turn the rest
/// red, with a NUL, a BEL, a DEL and a C1 CSI in it.
const HOSTILE: &str = "tea\u{1b}[2J\u{1b}]0;pwned\u{7}\u{0}\u{7f}\u{9b}31mafter";

/// Bytes of `out` that a terminal would act on: every control character but
/// the line breaks iyashi lays out itself.
fn obeyed(out: &str) -> Vec<char> {
    out.chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

fn assert_shown_not_obeyed(home: &Home, what: &str) {
    for args in [
        &["log"][..],
        &["today"],
        &["search", "after"],
        &["log", "--json"],
        &["today", "--json"],
        &["episode"],
    ] {
        let out = home.ok(args);
        assert_eq!(
            obeyed(&out),
            vec![],
            "{what}: iyashi {args:?} printed {out:?}"
        );
        if !args.contains(&"--json") && args != ["episode"] {
            assert!(out.contains("tea␛[2J"), "{what}: iyashi {args:?}: {out}");
        }
    }
    // JSON keeps every character, escaped.
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["log", "--json"])).unwrap();
    let texts: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("\u{1b}[2J\u{1b}]0;pwned")),
        "{what}: {texts:?}"
    );
}

#[test]
fn an_imported_escape_sequence_is_shown_not_obeyed() {
    let home = Home::new();
    let line = serde_json::json!({
        "id": "0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60",
        "kind": "joy",
        "at": "2026-11-25T11:00:00Z",
        "tz": "Asia/Tokyo",
        "day": "2026-11-25",
        "text": HOSTILE,
    });
    let file = home.path().join("hostile.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    home.ok(&["import", file.to_str().unwrap()]);
    assert_shown_not_obeyed(&home, "import");

    // The export keeps the text exactly, and the JSON Lines file holds no
    // raw control character either (they are escaped).
    let exported = home.export();
    assert_eq!(obeyed(&exported), vec![], "{exported:?}");
    assert!(home.ok(&["export", "--format", "md"]).contains("\u{1b}[2J"));

    // `undo` shows the entry it removes.
    let undone = home.ok(&["undo"]);
    assert_eq!(obeyed(&undone), vec![], "{undone:?}");
    assert!(undone.contains("tea␛[2J"), "{undone}");
}

#[test]
fn escape_and_nul_piped_in_are_shown_not_obeyed() {
    let home = Home::new();
    let out = home
        .cmd()
        .args(["note", "-"])
        .write_stdin(HOSTILE.as_bytes())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_shown_not_obeyed(&home, "stdin");
}

#[test]
fn escape_and_nul_sent_by_the_web_room_are_shown_not_obeyed() {
    let home = Home::new();
    let server = Server::start(&home);
    let body = serde_json::json!({"kind": "joy", "text": HOSTILE}).to_string();
    let kept = server.post("/api/entries", &body);
    assert_eq!(kept.status, 200, "{}", kept.body);
    drop(server);
    assert_shown_not_obeyed(&home, "web");
}

#[test]
fn a_refusal_quoting_a_file_is_one_harmless_line() {
    let home = Home::new();
    let file = home.path().join("odd.jsonl");
    std::fs::write(
        &file,
        // Valid JSON whose kind, once decoded, holds an ESC and a C1 CSI:
        // the refusal names the kind it could not read.
        "{\"id\":\"0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60\",\"kind\":\"joy\\u001b[2J\u{9b}\"}\n",
    )
    .unwrap();
    let out = home.run(&["import", file.to_str().unwrap()]);
    let line = common::refused(&out);
    assert_eq!(obeyed(&line), vec![], "{line:?}");
}
