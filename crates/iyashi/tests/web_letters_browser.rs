//! Kind letters in the web room, in a real browser (Debian's Chromium,
//! headless) against a real letters service: a stranger's letter arrives
//! (markup in it stays words), is answered from the page; a letter written
//! on the page reaches the stranger, whose answer comes back and is
//! thanked; the stranger thanks the page's answer and the page says so
//! warmly; all from the keyboard's reach, in both languages, and clean
//! under axe-core's audit. Screenshots go where the room's others go.
//!
//! Needs `/usr/bin/chromium`, `/usr/bin/chromedriver`, axe-core
//! (`npm ci --prefix tools/axe`) and the `iyashi-letters` program
//! (`cargo build --workspace`).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod letters_common;
mod web_common;

use serde_json::json;

use common::Home;
use letters_common::{an_hour_passes, letters_on, LettersService};
use web_common::axe::{audit, axe_core};
use web_common::browser::Browser;
use web_common::Server;

/// `iyashi letters inbox --json` of a home.
fn inbox(home: &Home) -> serde_json::Value {
    serde_json::from_str(&home.ok(&["letters", "inbox", "--json"])).unwrap()
}

#[test]
#[ignore = "needs chromium"]
fn a_letter_is_written_received_answered_and_thanked_in_the_browser() {
    let axe = axe_core();
    let service = LettersService::start();
    let stranger = Home::new();
    letters_on(&stranger.config(), &service.url);
    let trick = "Long day. <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    stranger.ok(&["letters", "write", trick]);

    let home = Home::new();
    letters_on(&home.config(), &service.url);
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.querySelectorAll('#letters-list li').length === 1",
    );
    browser.run(
        "window.iyashiErrors = []; \
         addEventListener('error', (e) => iyashiErrors.push(String(e.message))); \
         addEventListener('unhandledrejection', (e) => iyashiErrors.push(String(e.reason)));",
    );

    // The stranger's words, as words: no image, no script, nothing run.
    assert_eq!(browser.text("#letters-title"), "Kind letters");
    assert_eq!(browser.text("#letters-from"), "Letters from strangers");
    assert_eq!(browser.text("#letters-list li .body"), trick);
    assert_eq!(
        browser.run(
            "return [window.pwned === undefined, \
             document.querySelectorAll('#letters img, #letters script').length]"
        ),
        json!([true, 0])
    );
    let mut found = audit(&browser, &axe, "a letter waiting");
    browser.screenshot("letters-1-received.png");

    // A letter of one's own, from the form.
    browser.type_into(
        "#letter-text",
        "The rain kept me in today; the soup helped.",
    );
    browser.click("#letter-form button");
    browser.until(
        "the letter sent",
        "return document.getElementById('letters-said').textContent.startsWith('Your letter is on its way')",
    );
    assert_eq!(
        browser.text("#letters-said"),
        "Your letter is on its way to a few strangers. Kind answers will appear here."
    );
    assert_eq!(
        browser.run("return document.getElementById('letter-text').value"),
        ""
    );

    // An answer to the stranger, from the letter's own form.
    browser.type_into(
        "#letters-list li textarea",
        "Be gentle with yourself tonight.",
    );
    browser.click("#letters-list li form button");
    browser.until(
        "the answer sent",
        "return document.getElementById('letters-said').textContent === 'Your kind answer is on its way.'",
    );
    browser.until(
        "the letter marked answered",
        "return document.querySelector('#letters-list li .quiet') !== null",
    );
    assert_eq!(
        browser.text("#letters-list li .quiet"),
        "You answered this one."
    );
    let theirs = inbox(&stranger);
    assert_eq!(
        theirs["replies"][0]["body"],
        "Be gentle with yourself tonight."
    );

    // The stranger received the page's letter and answers it.
    let letter = theirs["letters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["body"] == "The rain kept me in today; the soup helped.")
        .unwrap_or_else(|| panic!("the page's letter reached the stranger: {theirs}"));
    let id = letter["id"].as_str().unwrap();
    stranger.ok(&["letters", "reply", id, "Soup is a good friend."]);

    // Looked for, it arrives, and is thanked.
    browser.click("#letters-look");
    browser.until(
        "the answer to the page's letter",
        "return document.querySelectorAll('#answers-list li').length === 1",
    );
    assert_eq!(browser.text("#letters-answers"), "Answers to your letters");
    assert_eq!(
        browser.text("#answers-list li .body"),
        "Soup is a good friend."
    );
    assert_eq!(
        browser.text("#answers-list li .mine"),
        "You wrote: The rain kept me in today; the soup helped."
    );
    found.extend(audit(&browser, &axe, "an answer waiting"));
    browser.screenshot("letters-2-answer.png");
    let thank = browser.run(
        "return [...document.querySelectorAll('#answers-list li button')].map((b) => b.textContent)",
    );
    assert_eq!(thank, json!(["Say thank you", "Tell a moderator"]));
    browser.click("#answers-list li button");
    browser.until(
        "the thanks passed on",
        "return document.getElementById('letters-said').textContent === 'Your thanks has been passed on.'",
    );
    browser.until(
        "the answer marked thanked",
        "return document.querySelector('#answers-list li .quiet') !== null",
    );
    assert_eq!(inbox(&home)["replies"][0]["thanked"], true);
    assert_eq!(
        browser.run("return document.getElementById('letters-thanks').hidden"),
        json!(true)
    );

    // The stranger thanks the page's answer; the next look (the figure
    // is asked for again once it is old) tells the page's person warmly.
    let answer = theirs["replies"][0]["id"].as_str().unwrap();
    stranger.ok(&["letters", "thank", answer]);
    an_hour_passes(home.path());
    browser.click("#letters-look");
    browser.until(
        "the thanks the page's answer received",
        "return !document.getElementById('letters-thanks').hidden",
    );
    assert_eq!(
        browser.text("#letters-thanks"),
        "Someone thanked you for one of your kind answers."
    );
    assert_eq!(
        browser.text("#letters-list li .thanked"),
        "They thanked you for your answer."
    );
    found.extend(audit(&browser, &axe, "thanks received"));

    // 日本語: the same letters, in the page's other language.
    browser.click("#lang");
    browser.until(
        "Japanese letters",
        "return document.getElementById('letters-from').textContent === '誰かからのお手紙'",
    );
    assert_eq!(browser.text("#letters-title"), "やさしいお手紙");
    assert_eq!(
        browser.text("#answers-list li .quiet"),
        "お礼を伝えました。"
    );
    assert_eq!(
        browser.text("#letters-thanks"),
        "あなたのやさしいお返事に「ありがとう」が届きました。"
    );
    assert_eq!(
        browser.text("#letters-list li .thanked"),
        "お返事に「ありがとう」が届きました。"
    );
    found.extend(audit(&browser, &axe, "日本語"));
    browser.screenshot("letters-3-ja.png");

    assert_eq!(found, Vec::<String>::new());
    assert_eq!(browser.run("return window.iyashiErrors"), json!([]));
}

/// The tray's "Write a kind letter" link lands in the letter form, and a
/// letter goes from there with the keyboard alone.
#[test]
#[ignore = "needs chromium"]
fn the_trays_link_opens_the_room_at_the_letter_form() {
    let service = LettersService::start();
    let home = Home::new();
    letters_on(&home.config(), &service.url);
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &format!("{}&at=letters", server.url),
        "return document.activeElement && document.activeElement.id === 'letter-text'",
    );
    assert_eq!(
        browser.run("return location.href"),
        json!(format!("{}/", server.origin()))
    );

    // From the keyboard alone: type, Tab to the button, Enter.
    let words: Vec<String> = "Quiet evening.".chars().map(String::from).collect();
    let keys: Vec<&str> = words.iter().map(String::as_str).collect();
    browser.press(&keys);
    browser.press(&["TAB", "ENTER"]);
    browser.until(
        "the letter sent from the keyboard",
        "return document.getElementById('letters-said').textContent.startsWith('Your letter is on its way')",
    );
}

#[test]
#[ignore = "needs chromium"]
fn while_letters_are_off_the_room_says_so_in_plain_words() {
    let axe = axe_core();
    let home = Home::new();
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return !document.getElementById('letters').hidden",
    );
    let said = browser.text("#letters-said");
    assert!(said.starts_with("Kind letters are off."), "{said}");
    assert_eq!(
        browser.run(
            "return [document.getElementById('letter-form').hidden, document.getElementById('inbox').hidden]"
        ),
        json!([true, true])
    );
    assert_eq!(audit(&browser, &axe, "letters off"), Vec::<String>::new());
}
