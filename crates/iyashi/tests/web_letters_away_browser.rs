//! Kind letters in the web room while the letters service is away, in a
//! real browser (Debian's Chromium, headless): the inbox is never an empty
//! space. With no letters read before, a calm line says they will come
//! when the service answers; with letters read before (from a real letters
//! service), those are shown with when they are from, and can still be
//! answered: the answer is kept here and the letter shows as answered. In
//! both languages, clean under axe-core's audit.
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
use letters_common::{a_letter_read, letters_on, AWAY};
use web_common::axe::{audit, axe_core};
use web_common::browser::Browser;
use web_common::Server;

const IN_JAPANESE: &str =
    "return document.getElementById('letters-from').textContent === '誰かからのお手紙'";

#[test]
#[ignore = "needs chromium"]
fn with_no_letters_read_yet_the_room_says_calmly_where_they_will_come() {
    let axe = axe_core();
    let home = Home::new();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return !document.getElementById('inbox').hidden",
    );
    assert!(
        browser.text("#letters-said").contains("cannot be reached"),
        "{}",
        browser.text("#letters-said")
    );
    assert_eq!(
        browser.text("#letters-empty"),
        "Your letters will come here when the service answers."
    );
    assert_eq!(
        browser.run(
            "return [document.getElementById('letters-look').offsetParent !== null, \
             document.querySelectorAll('#letters-list li, #answers-list li').length]"
        ),
        json!([true, 0]),
        "looking again is there; no letters made up"
    );
    let mut found = audit(&browser, &axe, "away, none read");
    browser.screenshot("letters-away-1-none.png");

    browser.click("#lang");
    browser.until(
        "the Japanese line",
        "return document.getElementById('letters-empty').textContent === \
         'お手紙は、サービスにつながったらここに届きます。'",
    );
    assert!(
        browser.text("#letters-said").contains("つながりません"),
        "{}",
        browser.text("#letters-said")
    );
    found.extend(audit(&browser, &axe, "away, none read, 日本語"));
    browser.screenshot("letters-away-2-none-ja.png");
    assert_eq!(found, Vec::<String>::new());
}

#[test]
#[ignore = "needs chromium"]
fn with_the_service_away_the_letters_last_read_are_shown_and_can_be_answered() {
    let axe = axe_core();
    // The reader reads the stranger's letter while the service answers
    // (which keeps it), then the service goes away.
    let (_service, _writer, home, letter) = a_letter_read();
    letters_on(&home.config(), AWAY);
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.querySelectorAll('#letters-list li').length === 1",
    );
    assert_eq!(
        browser.text("#letters-list li .body"),
        "Long day. The tea was good."
    );
    let said = browser.text("#letters-said");
    assert!(
        said.contains("cannot be reached")
            && said.contains("Here are your letters as they were on"),
        "{said}"
    );
    let mut found = audit(&browser, &axe, "away, letters last read");
    browser.screenshot("letters-away-3-last-read.png");

    // Answered from the page: kept here, and the letter reads as answered.
    browser.type_into(&format!("#reply-{letter}"), "Good tea is a lot.");
    browser.click("#letters-list li form button");
    browser.until(
        "the answer kept",
        "return document.getElementById('letters-said').textContent.includes('Your kind answer is kept here')",
    );
    browser.until(
        "the letter shown as answered",
        "return document.querySelectorAll('#letters-list li form').length === 0",
    );
    found.extend(audit(&browser, &axe, "away, answered"));

    browser.click("#lang");
    browser.until("Japanese letters", IN_JAPANESE);
    browser.until(
        "the Japanese line with when",
        "return document.getElementById('letters-said').textContent.includes('時点のお手紙です。')",
    );
    assert_eq!(
        browser.text("#letters-list li .body"),
        "Long day. The tea was good."
    );
    found.extend(audit(&browser, &axe, "away, letters last read, 日本語"));
    browser.screenshot("letters-away-4-last-read-ja.png");
    assert_eq!(found, Vec::<String>::new());
}
