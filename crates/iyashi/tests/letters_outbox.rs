//! `iyashi letters reply`, `thank` and `report` while the service is away:
//! the answer, thank-you or report is kept in the outbox (said calmly,
//! exit 0, in both languages) and goes, once, with the next use that
//! reaches a real letters service, where the stranger then reads the
//! answer under their letter, the answer's writer sees the thanks, and the
//! service records the report. One made of something meanwhile gone is
//! dropped quietly. Meanwhile `letters inbox` shows the letters last read,
//! with when, and what was done offline as done.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod letters_common;

use common::{refused, Home};
use letters_common::{a_letter_read, an_hour_passes, inbox_json, letters_on, AWAY};

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
    let (service, writer, reader, letter) = a_letter_read();

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
        inbox.contains("An answer kept while offline has been sent."),
        "{inbox}"
    );
    // Shown answered at once, not only from the next look on.
    assert!(inbox.contains(&format!("[{letter}] (done)")), "{inbox}");
    assert!(outbox_lines(&reader).is_empty());
    let inbox = inbox_json(&reader);
    assert_eq!(inbox["letters"][0]["answered"], true, "{inbox}");

    let theirs = inbox_json(&writer);
    let answers = theirs["replies"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "sent once: {theirs}");
    assert_eq!(answers[0]["body"], "Good tea is a lot.");
    assert_eq!(answers[0]["letter_body"], "Long day. The tea was good.");
}

#[test]
fn a_thank_you_or_report_made_while_the_service_is_away_is_kept_calmly_in_both_languages() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    for (lang, name) in [("en", "thanks_kept_en"), ("ja", "thanks_kept_ja")] {
        let said = home.ok(&["--lang", lang, "letters", "thank", "def456"]);
        insta::assert_snapshot!(name, said);
    }
    for (lang, name) in [("en", "report_kept_en"), ("ja", "report_kept_ja")] {
        let said = home.ok(&["--lang", lang, "letters", "report", "abc123"]);
        insta::assert_snapshot!(name, said);
    }
    let kept = outbox_lines(&home);
    assert_eq!(
        kept.len(),
        2,
        "the same thanks or report again waits once: {kept:?}"
    );
    assert_eq!(
        (&kept[0]["deed"], &kept[0]["to"]),
        (&"thank".into(), &"def456".into())
    );
    assert_eq!(
        (&kept[1]["deed"], &kept[1]["to"]),
        (&"report".into(), &"abc123".into())
    );

    // What is said of the outbox counts each as what it is.
    home.ok(&["letters", "reply", "abc123", "You did enough today."]);
    let inbox = home.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(inbox.contains("cannot be reached"), "{inbox}");

    // Not an id: refused at once, not kept.
    let odd = refused(&home.run(&["--lang", "en", "letters", "thank", "../x"]));
    assert!(odd.contains("no letter with that id"), "{odd}");
    refused(&home.run(&["letters", "report", ""]));
    assert_eq!(outbox_lines(&home).len(), 3);
}

#[test]
#[ignore = "needs the iyashi-letters program: cargo build --workspace"]
fn a_kept_thank_you_goes_once_with_the_next_inbox_and_one_for_an_answer_gone_is_dropped() {
    let (service, writer, reader, letter) = a_letter_read();
    reader.ok(&["letters", "reply", &letter, "Good tea is a lot."]);
    let mine = inbox_json(&writer);
    let answer = mine["replies"][0]["id"].as_str().unwrap().to_string();

    letters_on(&writer.config(), AWAY);
    for _ in 0..2 {
        let kept = writer.ok(&["--lang", "en", "letters", "thank", &answer]);
        assert!(kept.contains("Your thanks is kept here"), "{kept}");
    }
    // An answer the service does not know (gone meanwhile, or never there).
    writer.ok(&["letters", "thank", "gone0000"]);
    assert_eq!(outbox_lines(&writer).len(), 2);

    letters_on(&writer.config(), &service.url);
    let inbox = writer.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(
        inbox.contains("A thank-you kept while offline has been sent."),
        "{inbox}"
    );
    assert!(
        outbox_lines(&writer).is_empty(),
        "sent, and the gone one dropped"
    );
    let again = writer.ok(&["--lang", "en", "letters", "inbox"]);
    assert!(!again.contains("kept while offline"), "{again}");
    let mine = inbox_json(&writer);
    assert_eq!(mine["replies"][0]["thanked"], true, "{mine}");

    // The answer's writer sees exactly one thanks.
    an_hour_passes(reader.path());
    let theirs = inbox_json(&reader);
    assert_eq!(theirs["thanks"]["times"], 1, "{theirs}");
    assert_eq!(theirs["thanks"]["letters"], serde_json::json!([letter]));
}

#[test]
#[ignore = "needs the iyashi-letters program: cargo build --workspace"]
fn a_kept_report_goes_once_with_the_next_inbox_and_the_service_records_one() {
    let (service, _writer, reader, letter) = a_letter_read();

    letters_on(&reader.config(), AWAY);
    let kept = reader.ok(&["--lang", "ja", "letters", "report", &letter]);
    assert!(kept.contains("見守り役へ届けます"), "{kept}");
    reader.ok(&["letters", "report", "gone0000"]);
    assert_eq!(outbox_lines(&reader).len(), 2);
    assert!(service.rows("reports").is_empty());

    letters_on(&reader.config(), &service.url);
    let inbox = reader.ok(&["--lang", "ja", "letters", "inbox"]);
    assert!(
        inbox.contains("預かっていたお知らせ1件を送りました。"),
        "{inbox}"
    );
    assert!(outbox_lines(&reader).is_empty());
    reader.ok(&["letters", "inbox"]);
    let reports = service.rows("reports");
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(reports[0].contains(&letter), "{reports:?}");
}

#[test]
fn while_the_service_is_away_the_inbox_shows_the_letters_last_read_in_both_languages() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    // As an inbox read keeps them (web_letters_away_browser.rs reads a real
    // service); 2026-11-25 12:30 UTC, 21:30 in the test home's Tokyo.
    std::fs::write(
        home.path().join("letters-inbox.json"),
        r#"{"inbox":{"letters":[{"id":"l1","body":"Long day.","answered":false},
            {"id":"l2","body":"Cold rain.","answered":false}],"replies":[]},"read_at":1764073800}"#,
    )
    .unwrap();
    home.ok(&["letters", "reply", "l2", "Warm socks help."]);
    insta::assert_snapshot!(
        "last_read_en",
        home.ok(&["--lang", "en", "letters", "inbox"])
    );
    insta::assert_snapshot!(
        "last_read_ja",
        home.ok(&["--lang", "ja", "letters", "inbox"])
    );
}
