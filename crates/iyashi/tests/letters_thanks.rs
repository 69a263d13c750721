//! `iyashi letters inbox` tells a person, warmly, that their kind answers
//! were thanked (and under the stranger's letter, that this answer was),
//! through a real letters service; says nothing while there is none; and
//! with the service away shows the last figure with when it is from.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod letters_common;

use common::Home;
use letters_common::{a_letter_read, an_hour_passes, inbox_json, letters_on, AWAY};

#[test]
#[ignore = "needs the iyashi-letters program: cargo build --workspace"]
fn an_answer_s_writer_reads_that_it_was_thanked_in_both_languages() {
    let (_service, writer, reader, letter) = a_letter_read();
    reader.ok(&["letters", "reply", &letter, "Good tea is a lot."]);
    let reply = inbox_json(&writer)["replies"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Before any thanks: no line about thanks, never a "0".
    let before = reader.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(!before.contains("thank"), "{before}");
    assert_eq!(inbox_json(&reader)["thanks"]["times"], 0);

    writer.ok(&["letters", "thank", &reply]);
    // The figure heard a moment ago is shown again without asking the
    // service anew; an hour later it is asked again.
    let soon = reader.ok(&["--lang", "en", "letters", "inbox"]);
    assert_eq!(soon, before);
    an_hour_passes(reader.path());
    let anon = |text: String| text.replace(&letter, "LETTER");
    // --json carries the same figure the text and the web room show.
    let thanks = &inbox_json(&reader)["thanks"];
    assert_eq!(thanks["times"], 1, "{thanks}");
    assert_eq!(thanks["letters"], serde_json::json!([letter]), "{thanks}");
    assert_eq!(thanks["as_of"], serde_json::Value::Null, "{thanks}");
    assert_eq!(inbox_json(&reader)["away"], false);
    insta::assert_snapshot!(
        "thanks_received_en",
        anon(reader.ok(&["--lang", "en", "letters", "inbox"]))
    );
    insta::assert_snapshot!(
        "thanks_received_ja",
        anon(reader.ok(&["--lang", "ja", "letters", "inbox"]))
    );
    // The thanker's own inbox says nothing of thanks received.
    let theirs = writer.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(!theirs.contains("thanked you"), "{theirs}");

    // Away: calm, and the figure last heard of, with when (21:30 in Tokyo).
    letters_on(&reader.config(), AWAY);
    insta::assert_snapshot!(
        "thanks_received_offline_en",
        anon(reader.ok(&["--lang", "en", "letters", "inbox"]))
    );
    insta::assert_snapshot!(
        "thanks_received_offline_ja",
        anon(reader.ok(&["--lang", "ja", "letters", "inbox"]))
    );
    // --json stays JSON while away: no inbox, the calm line, the last figure.
    let away = inbox_json(&reader);
    assert_eq!(away["away"], true, "{away}");
    assert!(away.get("letters").is_none(), "{away}");
    assert!(
        away["said"].as_str().unwrap().contains("cannot be reached"),
        "{away}"
    );
    assert_eq!(away["thanks"]["times"], 1, "{away}");
    assert!(away["thanks"]["as_of"].is_string(), "{away}");
    // A home that never heard of thanks says only that the service is away.
    let stranger = Home::new();
    letters_on(&stranger.config(), AWAY);
    let away = stranger.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(
        away.contains("cannot be reached") && !away.contains("thank"),
        "{away}"
    );
}
