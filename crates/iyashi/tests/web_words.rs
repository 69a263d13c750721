//! What the web page says: words for a person at a page, not at a terminal
//! (no commands to type, no keys to press), and the same five mood words
//! that every other face of iyashi uses.

mod common;
mod web_common;

use common::Home;
use web_common::Server;

/// Signs of a terminal: a command to type, a key to press.
fn terminal_hints(text: &str) -> bool {
    text.contains("iyashi ") || text.contains("(w ") || text.contains("w で")
}

#[test]
fn the_page_never_tells_a_person_to_type_a_command_or_press_a_key() {
    let home = Home::new();
    home.ok(&["work", "start"]);
    let server = Server::start(&home);
    for lang in ["en", "ja"] {
        let room = server.get(&format!("/api/room?lang={lang}")).json();
        for said in [&room["summary"], &room["rhythm"]["line"]] {
            let said = said.as_str().unwrap();
            assert!(!said.is_empty());
            assert!(!terminal_hints(said), "{lang}: {said}");
        }
        for kind in ["joy", "note"] {
            let body = format!(r#"{{"kind":"{kind}","text":"  ","lang":"{lang}"}}"#);
            let reply = server.post("/api/entries", &body);
            assert_eq!(reply.status, 400);
            let error = reply.json()["error"].as_str().unwrap().to_string();
            assert!(
                !error.is_empty() && !terminal_hints(&error),
                "{lang}: {error}"
            );
        }
    }
    assert_eq!(home.count(), 0);
}

#[test]
fn the_mood_picker_and_the_answer_use_the_words_of_every_other_face() {
    let home = Home::new();
    let server = Server::start(&home);
    for (lang, expected) in [
        ("en", ["heavy", "low", "so-so", "good", "bright"]),
        (
            "ja",
            [
                "どんより",
                "ちょっと低め",
                "まあまあ",
                "いい感じ",
                "晴れやか",
            ],
        ),
    ] {
        let room = server.get(&format!("/api/room?lang={lang}")).json();
        let picker: Vec<String> = room["moods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["words"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(picker, expected, "{lang}");
        assert!(
            room["labels"]
                .as_object()
                .unwrap()
                .keys()
                .all(|k| !k.starts_with("mood_")),
            "no second list of mood words"
        );
        // The answer to a mood, and the CLI's log, say the picker's word.
        let body = format!(r#"{{"kind":"mood","mood":2,"text":"","lang":"{lang}"}}"#);
        let kept = server.post("/api/entries", &body).json();
        assert_eq!(kept["entry"]["mood_words"], expected[1], "{lang}");
        let log = home.ok(&["--lang", lang, "log"]);
        assert!(log.contains(expected[1]), "{lang}: {log}");
    }
}
