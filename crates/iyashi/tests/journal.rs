//! What a person sees when writing and reading back, in both languages.

mod common;

use common::Home;

fn a_day_of_entries(home: &Home) {
    home.ok(&["joy", "warm", "tea", "#morning"]);
    home.ok(&["joy", "温泉に行った", "#温泉"]);
    home.ok(&["mood", "3", "tired but ok"]);
    home.cmd()
        .args(["note", "-"])
        .write_stdin("a long day\nbut the walk home was quiet\n")
        .assert()
        .success();
}

#[test]
fn a_day_written_and_read_back_in_english() {
    let home = Home::new();
    insta::assert_snapshot!("kept_joy", home.ok(&["joy", "first", "snow"]));
    a_day_of_entries(&home);
    insta::assert_snapshot!("today_en", home.ok(&[]));
    insta::assert_snapshot!("log_week_en", home.ok(&["log", "--week"]));
    insta::assert_snapshot!("search_en", home.ok(&["search", "温泉"]));
}

#[test]
fn a_day_written_and_read_back_in_japanese() {
    let home = Home::new();
    insta::assert_snapshot!("kept_joy_ja", home.ok(&["--lang", "ja", "joy", "初雪"]));
    a_day_of_entries(&home);
    insta::assert_snapshot!("today_ja", home.ok(&["today", "--lang", "ja"]));
    let out = home
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .arg("log")
        .output()
        .unwrap();
    insta::assert_snapshot!("log_week_ja", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn an_empty_day_is_met_kindly() {
    let home = Home::new();
    insta::assert_snapshot!("today_empty_en", home.ok(&["today"]));
    insta::assert_snapshot!(
        "log_empty_ja",
        home.ok(&["log", "--lang", "ja", "--day", "yesterday"])
    );
}

#[test]
fn a_late_night_belongs_to_the_day_before() {
    let mut home = Home::new();
    home.now = "2026-11-25T17:30:00Z".to_string(); // 02:30 on the 26th in Tokyo
    home.ok(&["joy", "quiet night"]);
    assert!(home
        .ok(&["log", "--day", "2026-11-25"])
        .contains("quiet night"));
    assert!(home
        .ok(&["log", "--day", "2026-11-26"])
        .contains("Nothing written"));
    std::fs::write(home.config(), "day_starts_at = 0\n").unwrap();
    home.ok(&["joy", "after midnight"]);
    assert!(home
        .ok(&["log", "--day", "2026-11-26"])
        .contains("after midnight"));
}

#[test]
fn search_finds_japanese_and_tags_are_listed() {
    let home = Home::new();
    a_day_of_entries(&home);
    let found: serde_json::Value =
        serde_json::from_str(&home.ok(&["search", "--json", "温泉"])).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["text"], "温泉に行った #温泉");
    assert!(home.ok(&["log", "--tag", "#Morning"]).contains("warm tea"));
    assert!(home
        .ok(&["search", "nothing-like-this"])
        .contains("Nothing mentions"));
}

#[test]
fn undo_shows_then_removes_only_the_last_entry() {
    let home = Home::new();
    home.ok(&["joy", "stays"]);
    home.ok(&["joy", "goes"]);
    let said = home.ok(&["undo"]);
    assert!(
        said.starts_with("Removed:") && said.contains("goes"),
        "{said}"
    );
    let left = home.export();
    assert!(left.contains("stays") && !left.contains("goes"));
    home.ok(&["undo"]);
    assert_eq!(home.ok(&["undo"]), "There is nothing to undo.\n");
}

#[test]
fn export_and_import_round_trip_without_loss_in_both_formats() {
    let home = Home::new();
    a_day_of_entries(&home);
    let jsonl = home.export();
    for format in ["jsonl", "md"] {
        let file = home.path().join(format!("journal.{format}"));
        let said = home.ok(&["export", "--format", format, "-o", file.to_str().unwrap()]);
        assert!(said.contains("Exported 4 entries"), "{said}");

        let other = Home::new();
        let said = other.ok(&["import", file.to_str().unwrap()]);
        assert_eq!(said, "Imported 4 entries (0 were already here).\n");
        assert_eq!(other.export(), jsonl, "{format} round trip");
        let again = other.ok(&["import", file.to_str().unwrap()]);
        assert_eq!(again, "Imported 0 entries (4 were already here).\n");
        assert_eq!(other.count(), 4);
    }
}

#[test]
fn json_output_is_for_scripts() {
    let home = Home::new();
    a_day_of_entries(&home);
    let today: serde_json::Value = serde_json::from_str(&home.ok(&["today", "--json"])).unwrap();
    assert_eq!(today["day"], "2026-11-25");
    assert_eq!(today["joys"], 2);
    assert_eq!(today["mood"], 3);
    assert_eq!(today["entries"].as_array().unwrap().len(), 4);
    let week: serde_json::Value = serde_json::from_str(&home.ok(&["log", "--json"])).unwrap();
    assert_eq!(week.as_array().unwrap().len(), 4);
}

#[test]
fn the_first_run_writes_a_documented_config() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["config", "path"]).trim(),
        home.config().to_str().unwrap()
    );
    let written = std::fs::read_to_string(home.config()).unwrap();
    assert!(written.contains("# day_starts_at = 4"), "{written}");
    assert!(home.ok(&["config", "show"]).contains("day_starts_at = 4"));
}

#[test]
fn help_completions_and_man_page_are_generated() {
    let home = Home::new();
    assert!(home.ok(&["--help"]).contains("Keep a small joy"));
    assert!(home
        .ok(&["--lang", "ja", "--help"])
        .contains("小さな幸せを書き留める"));
    assert!(home.ok(&["completions", "bash"]).contains("_iyashi()"));
    assert!(home.ok(&["man"]).contains(".TH iyashi"));
}

/// The README's quick tour shows what the commands say, word for word: a
/// new user copies its first lines and compares.
#[test]
fn the_readme_s_tour_shows_what_the_commands_say() {
    let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(readme).unwrap();
    let home = Home::new();
    for (args, typed) in [
        (
            &["joy", "warm tea by the window", "#morning"][..],
            "$ iyashi joy warm tea by the window '#morning'",
        ),
        (
            &["mood", "3", "tired", "but", "ok"][..],
            "$ iyashi mood 3 tired but ok",
        ),
    ] {
        let said = home.ok(&[&["--lang", "en"][..], args].concat());
        assert!(
            readme.contains(&format!("{typed}\n{said}")),
            "the README shows something else after {typed:?}: {said:?}"
        );
    }
    let out = home
        .cmd()
        .args(["--lang", "en", "note", "-"])
        .write_stdin("a long day, but the walk home was quiet\n")
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    let typed = "$ echo \"a long day, but the walk home was quiet\" | iyashi note -";
    assert!(
        readme.contains(&format!("{typed}\n{said}")),
        "the README shows something else after {typed:?}: {said:?}"
    );
}
