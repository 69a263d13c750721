//! `iyashi letters reply` while the service is away: the typed answer is
//! kept in the outbox (said calmly, exit 0, in both languages) and goes,
//! under the key it was kept with, with the next use that reaches a real
//! letters service, where the stranger then reads it under their letter.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod letters_common;

use common::{refused, Home};
use letters_common::{letters_on, LettersService, AWAY};

fn outbox_lines(home: &Home) -> Vec<serde_json::Value> {
    std::fs::read_to_string(home.path().join("letters-outbox.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn an_answer_written_while_the_service_is_away_is_kept_calmly_in_both_languages() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let en = home.ok(&[
        "--lang",
        "en",
        "letters",
        "reply",
        "abc123",
        "You did enough today.",
    ]);
    insta::assert_snapshot!("answer_kept_en", en);
    let ja = home.ok(&[
        "--lang",
        "ja",
        "letters",
        "reply",
        "abc123",
        "今日はもう十分です。",
    ]);
    insta::assert_snapshot!("answer_kept_ja", ja);
    let kept = outbox_lines(&home);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(kept[0]["to"], "abc123");
    assert_eq!(kept[0]["body"], "You did enough today.");
    assert_ne!(
        kept[0]["key"], kept[1]["key"],
        "each answer has its own key"
    );

    // What cannot be sent ever is refused at once and not kept.
    let not_an_id = refused(&home.run(&["--lang", "en", "letters", "reply", "no/such", "hi"]));
    assert!(not_an_id.contains("iyashi: "), "{not_an_id}");
    let long = "a".repeat(iyashi_letters::protocol::REPLY_MAX_CHARS + 1);
    refused(&home.run(&["letters", "reply", "abc123", &long]));
    assert_eq!(outbox_lines(&home).len(), 2);
}

#[test]
#[ignore = "needs the iyashi-letters program: cargo build --workspace"]
fn a_kept_answer_goes_with_the_next_inbox_and_the_stranger_reads_it() {
    let service = LettersService::start();
    let (writer, reader) = (Home::new(), Home::new());
    letters_on(&writer.config(), &service.url);
    letters_on(&reader.config(), &service.url);
    writer.ok(&["letters", "write", "Long day. The tea was good."]);
    let inbox: serde_json::Value =
        serde_json::from_str(&reader.ok(&["letters", "inbox", "--json"])).unwrap();
    let letter = inbox["letters"][0]["id"].as_str().unwrap().to_string();

    letters_on(&reader.config(), AWAY);
    let kept = reader.ok(&[
        "--lang",
        "en",
        "letters",
        "reply",
        &letter,
        "Good tea is a lot.",
    ]);
    assert!(kept.contains("kept here"), "{kept}");
    assert_eq!(outbox_lines(&reader).len(), 1);

    letters_on(&reader.config(), &service.url);
    let inbox = reader.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(
        inbox.contains("A letter kept while offline has been sent."),
        "{inbox}"
    );
    assert!(outbox_lines(&reader).is_empty());
    let inbox: serde_json::Value =
        serde_json::from_str(&reader.ok(&["letters", "inbox", "--json"])).unwrap();
    assert_eq!(inbox["letters"][0]["answered"], true, "{inbox}");

    let theirs: serde_json::Value =
        serde_json::from_str(&writer.ok(&["letters", "inbox", "--json"])).unwrap();
    let answers = theirs["replies"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "sent once: {theirs}");
    assert_eq!(answers[0]["body"], "Good tea is a lot.");
    assert_eq!(answers[0]["letter_body"], "Long day. The tea was good.");
}
