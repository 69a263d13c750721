//! Kind letters in the web room's API: off until turned on (and then said
//! without a command to type), one strict shape per action, the CLI's
//! limits and words, a letter (or an answer) kept in the outbox while the service is away
//! and sent once it answers, and a stranger's letter answered and thanked
//! through a real letters service, the thanks then told to the answer's
//! writer (and still, with when, while the service is away).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod letters_common;
mod web_common;

use common::Home;
use letters_common::{an_hour_passes, letters_on, LettersService, AWAY};
use web_common::{Reply, Server};

/// Signs of a terminal: a command to type.
fn tells_a_command(text: &str) -> bool {
    text.contains("iyashi ") || text.contains("letters inbox")
}

fn error(reply: &Reply) -> String {
    reply.json()["error"].as_str().unwrap().to_string()
}

fn outbox_lines(home: &Home) -> usize {
    std::fs::read_to_string(home.path().join("letters-outbox.jsonl"))
        .unwrap_or_default()
        .lines()
        .count()
}

#[test]
fn while_letters_are_off_the_page_says_how_to_turn_them_on_and_sends_nothing() {
    let home = Home::new();
    let server = Server::start(&home);
    for (lang, words) in [("en", "opt-in"), ("ja", "参加するときだけ")] {
        let letters = server.get(&format!("/api/letters?lang={lang}")).json();
        assert_eq!(letters["on"], false);
        assert!(letters["inbox"].is_null());
        let said = letters["said"].as_str().unwrap();
        assert!(
            said.contains(words) && said.contains("config.toml"),
            "{said}"
        );
        assert!(!tells_a_command(said), "{lang}: {said}");

        let body = format!(r#"{{"action":"write","text":"tea","lang":"{lang}"}}"#);
        let refused = server.post("/api/letters", &body);
        assert_eq!(refused.status, 400);
        assert_eq!(error(&refused), said);
    }
    assert!(!home.path().join("letters-key").exists(), "no key is made");
    assert_eq!(outbox_lines(&home), 0);
}

#[test]
fn every_action_has_one_shape_and_anything_else_is_refused() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    for body in [
        r#"{"action":"shout","text":"hi"}"#,
        r#"{"action":"write"}"#,
        r#"{"action":"write","text":"hi","id":"abc"}"#,
        r#"{"action":"reply","text":"hi"}"#,
        r#"{"action":"thank"}"#,
        r#"{"action":"report","id":"abc","text":"why"}"#,
        r#"{"text":"hi"}"#,
        r#"{"action":"write","text":5}"#,
        "not json",
    ] {
        let refused = server.post("/api/letters", body);
        assert_eq!(refused.status, 400, "{body}: {}", refused.body);
        assert!(
            error(&refused).starts_with("That request was not understood"),
            "{body}: {}",
            refused.body
        );
    }
    assert_eq!(outbox_lines(&home), 0, "nothing refused is kept");
}

#[test]
fn the_limits_and_words_are_the_command_lines() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    let too_long = "あ".repeat(601);
    let refused = server.post(
        "/api/letters",
        &format!(r#"{{"action":"write","text":"{too_long}","lang":"ja"}}"#),
    );
    assert_eq!(refused.status, 400);
    assert_eq!(
        error(&refused),
        "少し長いようです。600文字までにしてください。"
    );
    let just_fits = "あ".repeat(600);
    let kept = server.post(
        "/api/letters",
        &format!(r#"{{"action":"write","text":"{just_fits}"}}"#),
    );
    assert_eq!(kept.status, 200, "{}", kept.body);

    let reply = server.post(
        "/api/letters",
        &format!(
            r#"{{"action":"reply","id":"abc","text":"{}"}}"#,
            "a".repeat(1001)
        ),
    );
    assert_eq!(reply.status, 400);
    assert!(
        error(&reply).contains("up to 1000 characters"),
        "{}",
        reply.body
    );
    let empty = server.post("/api/letters", r#"{"action":"write","text":"   "}"#);
    assert_eq!(empty.status, 400);
    assert_eq!(error(&empty), "There are no words yet.");
    // Not an id: refused before anything is asked of the service.
    let odd = server.post("/api/letters", r#"{"action":"thank","id":"../../v1/x"}"#);
    assert_eq!(odd.status, 400);
    assert_eq!(error(&odd), "There is no letter with that id here for you.");
}

#[test]
fn with_the_service_away_a_letter_is_kept_and_the_rest_waits_calmly() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    let kept = server.post("/api/letters", r#"{"action":"write","text":"a long week"}"#);
    assert_eq!(kept.status, 200, "{}", kept.body);
    assert_eq!(kept.json()["kept"], true);
    let said = kept.json()["said"].as_str().unwrap().to_string();
    assert!(
        said.contains("cannot be reached") && said.contains("kept here"),
        "{said}"
    );
    assert_eq!(outbox_lines(&home), 1);

    let letters = server.get("/api/letters?lang=ja").json();
    assert_eq!(
        (letters["on"].clone(), letters["kept"].clone()),
        (true.into(), 1.into())
    );
    assert!(letters["inbox"].is_null(), "none was ever read");
    assert_eq!(letters["away"], true);
    assert_eq!(
        letters["words"]["come_when_back"],
        "お手紙は、サービスにつながったらここに届きます。"
    );
    let said = letters["said"].as_str().unwrap();
    assert!(
        said.contains("つながりません") && said.contains("1通"),
        "{said}"
    );

    let answer = server.post(
        "/api/letters",
        r#"{"action":"reply","id":"abc123","text":"you did well","lang":"ja"}"#,
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["kept"], true);
    let said = answer.json()["said"].as_str().unwrap().to_string();
    assert!(said.contains("お返事はここに預かりました"), "{said}");
    assert_eq!(outbox_lines(&home), 2, "the answer waits with the letter");

    for (body, words) in [
        (
            r#"{"action":"thank","id":"def456"}"#,
            "Your thanks is kept here",
        ),
        (
            r#"{"action":"report","id":"abc123"}"#,
            "It is kept here and will reach a moderator",
        ),
    ] {
        let kept = server.post("/api/letters", body);
        assert_eq!(kept.status, 200, "{body}: {}", kept.body);
        assert_eq!(kept.json()["kept"], true, "{body}");
        let said = kept.json()["said"].as_str().unwrap().to_string();
        assert!(said.contains(words), "{said}");
    }
    assert_eq!(outbox_lines(&home), 4, "the thanks and the report wait too");
    // The same thanks again is not a second one.
    server.post("/api/letters", r#"{"action":"thank","id":"def456"}"#);
    assert_eq!(outbox_lines(&home), 4);

    let letters = server.get("/api/letters?lang=en").json();
    assert_eq!(letters["kept"], 4);
    let said = letters["said"].as_str().unwrap();
    assert!(
        said.contains(
            "1 letter, 1 answer, 1 thank-you and 1 report are kept here, to go when the service answers."
        ),
        "{said}"
    );
}

#[test]
fn only_the_rooms_own_page_can_write_a_letter() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    let body = r#"{"action":"write","text":"hello"}"#;
    let cookie = server.cookie();
    let elsewhere = server.send(
        "POST",
        "/api/letters",
        &[
            ("Cookie", &cookie),
            ("X-Iyashi-Key", &server.key),
            ("Origin", "http://evil.example"),
            ("Content-Type", "application/json"),
        ],
        body,
    );
    assert_eq!(elsewhere.status, 403);
    let no_key = server.send("GET", "/api/letters", &[("Cookie", &cookie)], "");
    assert_eq!(no_key.status, 401);
    assert_eq!(outbox_lines(&home), 0);
}

#[test]
#[ignore = "needs the iyashi-letters program: cargo build --workspace"]
fn a_kept_letter_goes_when_the_service_answers_and_its_answer_is_thanked() {
    let service = LettersService::start();
    let writer = Home::new();
    letters_on(&writer.config(), AWAY);
    {
        let server = Server::start(&writer);
        let kept = server.post(
            "/api/letters",
            r#"{"action":"write","text":"Tired, but the tea was good."}"#,
        );
        assert_eq!(kept.json()["kept"], true);
    }
    letters_on(&writer.config(), &service.url);
    let server = Server::start(&writer);
    let letters = server.get("/api/letters").json();
    assert_eq!(
        letters["said"],
        "A letter kept while offline has been sent."
    );
    assert_eq!(letters["kept"], 0);
    assert_eq!(outbox_lines(&writer), 0);

    // A stranger reads it and answers.
    let reader = Home::new();
    letters_on(&reader.config(), &service.url);
    let theirs = Server::start(&reader);
    let inbox = theirs.get("/api/letters").json()["inbox"].clone();
    assert_eq!(inbox["letters"][0]["body"], "Tired, but the tea was good.");
    assert_eq!(
        inbox["letters"][0].get("author"),
        None,
        "no author is shown"
    );
    let id = inbox["letters"][0]["id"].as_str().unwrap().to_string();
    let body = format!(r#"{{"action":"reply","id":"{id}","text":"Good tea is a lot."}}"#);
    let replied = theirs.post("/api/letters", &body);
    assert_eq!(replied.json()["said"], "Your kind answer is on its way.");
    let again = theirs.post("/api/letters", &body);
    assert_eq!(again.status, 400);
    assert_eq!(error(&again), "That is already done.");
    assert_eq!(
        theirs.get("/api/letters").json()["inbox"]["letters"][0]["answered"],
        true
    );

    // The writer sees the answer and thanks it.
    let inbox = server.get("/api/letters").json()["inbox"].clone();
    let answer = &inbox["replies"][0];
    assert_eq!(answer["body"], "Good tea is a lot.");
    assert_eq!(answer["letter_body"], "Tired, but the tea was good.");
    let body = format!(
        r#"{{"action":"thank","id":"{}"}}"#,
        answer["id"].as_str().unwrap()
    );
    let thanked = server.post("/api/letters", &body);
    assert_eq!(thanked.json()["said"], "Your thanks has been passed on.");
    assert_eq!(
        server.get("/api/letters").json()["inbox"]["replies"][0]["thanked"],
        true
    );

    // The stranger hears of it once the figure kept is old enough to be
    // asked for again, and while the service is away, with when it is from.
    an_hour_passes(reader.path());
    let letters = theirs.get("/api/letters").json();
    assert_eq!(
        letters["thanks"],
        "Someone thanked you for one of your kind answers."
    );
    assert_eq!(letters["thanked_letters"], serde_json::json!([id]));
    assert_eq!(
        letters["words"]["answer_thanked"],
        "They thanked you for your answer."
    );
    assert!(
        server.get("/api/letters").json()["thanks"].is_null(),
        "the thanker has none"
    );
    letters_on(&reader.config(), AWAY);
    let away = Server::start(&reader).get("/api/letters?lang=ja").json();
    assert_eq!(
        away["inbox"]["letters"][0]["id"], id,
        "the letters last read: {away}"
    );
    let thanks = away["thanks"].as_str().unwrap();
    assert!(
        thanks.starts_with("あなたのやさしいお返事に「ありがとう」が届きました（11月25日 "),
        "{thanks}"
    );
    assert!(thanks.ends_with("時点）。"), "{thanks}");
}

#[test]
fn with_the_service_away_the_letters_last_read_are_shown_with_when() {
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    // As `letters inbox` keeps them when the service answers (a real one
    // in web_letters_away_browser.rs); 2026-12-02 04:10 UTC.
    std::fs::write(
        home.path().join("letters-inbox.json"),
        r#"{"inbox":{"letters":[{"id":"l1","body":"Long day.","answered":false}],
            "replies":[{"id":"r1","letter_id":"m1","letter_body":"mine","body":"kind","thanked":false}]},
            "read_at":1764648600}"#,
    )
    .unwrap();
    let server = Server::start(&home);
    let letters = server.get("/api/letters?lang=en").json();
    assert_eq!(letters["away"], true);
    assert_eq!(letters["inbox"]["letters"][0]["body"], "Long day.");
    let said = letters["said"].as_str().unwrap();
    assert!(
        said.contains("cannot be reached")
            && said.contains("Here are your letters as they were on 2 Dec,"),
        "{said}"
    );
    // Answered and thanked offline: shown as done, so nobody does it twice.
    for body in [
        r#"{"action":"reply","id":"l1","text":"you did well"}"#,
        r#"{"action":"thank","id":"r1"}"#,
    ] {
        assert_eq!(server.post("/api/letters", body).json()["kept"], true);
    }
    let letters = server.get("/api/letters?lang=ja").json();
    assert_eq!(letters["inbox"]["letters"][0]["answered"], true);
    assert_eq!(letters["inbox"]["replies"][0]["thanked"], true);
    let said = letters["said"].as_str().unwrap();
    assert!(said.contains("時点のお手紙です。"), "{said}");
}
