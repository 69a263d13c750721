//! What the system refuses, said in the reader's language: missing files,
//! folders where files should be, an import line with a field no entry has,
//! a desktop without the activity source asked for.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::Home;

fn refusals(home: &Home, lang: &str, runs: &[Vec<String>]) -> String {
    let mut out = String::new();
    for args in runs {
        let mut all = vec!["--lang".to_string(), lang.to_string()];
        all.extend(args.iter().cloned());
        let run = home
            .cmd()
            .args(&all)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DISPLAY")
            .output()
            .unwrap();
        assert!(!run.status.success(), "{args:?}");
        let line = String::from_utf8(run.stderr).unwrap();
        assert_eq!(line.lines().count(), 1, "{args:?}: {line}");
        let line = line.replace(home.path().to_str().unwrap(), "HOME");
        out += &format!(
            "{}\n  {line}",
            args.join(" ")
                .replace(home.path().to_str().unwrap(), "HOME")
        );
    }
    out
}

fn runs(home: &Home) -> Vec<Vec<String>> {
    let unknown_field = home.path().join("colour.jsonl");
    std::fs::write(
        &unknown_field,
        r#"{"id":"0192f0a4-7b1c-7d2e-8f3a-1b2c3d4e5f60","colour":"red","kind":"joy","at":"2026-11-25T00:14:03Z","tz":"Asia/Tokyo","day":"2026-11-25","text":"tea"}"#,
    )
    .unwrap();
    let not_json = home.path().join("broken.jsonl");
    std::fs::write(&not_json, "{\"id\": \n").unwrap();
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    vec![
        vec!["import".into(), path(&home.path().join("missing.jsonl"))],
        vec!["import".into(), path(home.path())],
        vec!["import".into(), path(&unknown_field)],
        vec!["import".into(), path(&not_json)],
        vec!["watch".into(), "--source".into(), "wayland".into()],
        vec!["watch".into(), "--source".into(), "x11".into()],
    ]
}

#[test]
fn refusals_in_english() {
    let home = Home::new();
    insta::assert_snapshot!("refusals_en", refusals(&home, "en", &runs(&home)));
}

#[test]
fn refusals_in_japanese_carry_no_system_english() {
    let home = Home::new();
    let said = refusals(&home, "ja", &runs(&home));
    for english in [
        "No such file",
        "os error",
        "Is a directory",
        "is not set",
        "unknown field",
        "expected",
        "EOF",
    ] {
        assert!(!said.contains(english), "{english:?} in:\n{said}");
    }
    insta::assert_snapshot!("refusals_ja", said);
}
