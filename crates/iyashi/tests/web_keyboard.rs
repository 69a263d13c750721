//! The web room from the keyboard alone, in a real browser (Debian's
//! Chromium, headless): Tab reaches every control in order with its focus
//! in plain sight, and Enter or Space does what a click would.
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver`; `.ci/run`
//! installs them and runs this with `--ignored`.

#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use serde_json::json;

use common::Home;
use web_common::browser::Browser;
use web_common::Server;

/// What has the focus: its id, or its form's and its kind; whether the
/// browser shows it (`:focus-visible`) with a solid outline of 2 px or more.
fn focused(browser: &Browser) -> (String, bool) {
    let v = browser.run(
        "const e = document.activeElement; const s = getComputedStyle(e); \
         const dialog = e.closest('dialog'); \
         return [e.id || (dialog ? dialog.id : e.form ? e.form.id : '') + ' ' + e.tagName.toLowerCase(), \
           e.matches(':focus-visible') && s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 2]",
    );
    (v[0].as_str().unwrap().to_string(), v[1].as_bool().unwrap())
}

/// Tab until `id` has the focus (it must, within a lap of the page).
fn tab_to(browser: &Browser, id: &str) {
    for _ in 0..30 {
        browser.press(&["TAB"]);
        if focused(browser).0 == id {
            return;
        }
    }
    panic!("Tab never reaches {id}");
}

#[test]
#[ignore = "needs chromium"]
fn every_control_works_from_the_keyboard() {
    let home = Home::new();
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.querySelector('#drawing .goro-take use') !== null",
    );

    // Tab from the top of the page reaches every control there is, in
    // order, each with its focus in plain sight.
    let controls = browser.run(
        "return [...document.querySelectorAll('main button, main input, main select, main textarea, header button')] \
           .filter((e) => e.checkVisibility()) \
           .filter((e) => e.type !== 'radio' || e === e.form.querySelector('input[type=radio]')) \
           .map((e) => e.id || e.form.id + ' ' + e.tagName.toLowerCase())",
    );
    let controls: Vec<String> = serde_json::from_value(controls).unwrap();
    assert!(controls.len() >= 11, "{controls:?}");
    browser.run("document.activeElement.blur()");
    let mut reached = Vec::new();
    for _ in &controls {
        browser.press(&["TAB"]);
        let (id, visible) = focused(&browser);
        assert!(visible, "the focus on {id} cannot be seen");
        reached.push(id);
    }
    assert_eq!(reached, controls);

    // Enter in a field keeps what was typed; Enter on a button presses it.
    browser.run("document.activeElement.blur(); document.getElementById('said').textContent = ''");
    tab_to(&browser, "joy-text");
    browser.press(&["t", "e", "a", "ENTER"]);
    // The page's list can show the joy (the event stream's refresh) before
    // the keeping's own answer arrives and fills the line: wait for both, or
    // that answer lands on the words the mood's refusal says below.
    browser.until(
        "the joy kept",
        "return document.querySelectorAll('#joys li').length === 1 \
           && document.getElementById('said').textContent !== ''",
    );
    // The mood picker is a radio group with nothing chosen until the person
    // chooses: keeping words without a mood asks for one, keeps nothing,
    // and takes the focus to the first choice.
    let chosen = "return [...document.querySelectorAll('#mood-value input')] \
                    .filter((r) => r.checked).map((r) => r.value)";
    assert_eq!(
        browser.run(chosen),
        json!([]),
        "a mood chosen before the person chose"
    );
    tab_to(&browser, "mood-text");
    browser.press(&["o", "k", "ENTER"]);
    browser.until(
        "asked for a mood",
        "return document.getElementById('said').textContent === 'Choose how you feel first: 1 to 5.' \
           && document.activeElement.type === 'radio' && document.activeElement.value === '1'",
    );
    assert_eq!(home.count(), 1, "a mood kept without a choice");
    assert_eq!(browser.run(chosen), json!([]));
    // Space chooses the focused mood; the arrows move the choice.
    browser.press(&[" "]);
    browser.press(&["\u{E015}", "\u{E015}", "\u{E015}"]); // the down arrow: brighter
    assert_eq!(browser.run(chosen), json!(["4"]));
    tab_to(&browser, "mood-text");
    browser.press(&["ENTER"]);
    browser.until(
        "the mood kept",
        "return document.getElementById('mood-text').value === ''",
    );
    let entries = server.get("/api/room").json()["entries"].clone();
    assert_eq!(entries[1]["mood"], json!(4), "{entries}");
    assert_eq!(browser.run(chosen), json!([]), "the kept mood stays chosen");
    tab_to(&browser, "note-text");
    browser.press(&["h", "i"]);
    tab_to(&browser, "note-form button");
    browser.press(&["ENTER"]);
    browser.until(
        "the note kept",
        "return document.getElementById('note-text').value === ''",
    );
    assert_eq!(home.count(), 3);

    // Space on a button presses it too: work starts, a break begins and ends.
    tab_to(&browser, "work");
    browser.press(&[" "]);
    browser.until(
        "work started",
        "return document.getElementById('work').textContent === 'Stop work'",
    );
    tab_to(&browser, "break");
    browser.press(&[" "]);
    browser.until(
        "the break",
        "return !document.getElementById('break-left').hidden",
    );
    browser.press(&[" "]);
    browser.until(
        "the break over",
        "return document.getElementById('break-left').hidden",
    );

    // The episode opens with Enter, Escape closes it, and the focus comes
    // back to the button that opened it.
    tab_to(&browser, "episode-open");
    browser.press(&["ENTER"]);
    browser.until(
        "the episode",
        "return document.getElementById('episode').open",
    );
    assert_eq!(focused(&browser), ("episode button".to_string(), true));
    browser.press(&["ESCAPE"]);
    browser.until(
        "the episode closed",
        "return !document.getElementById('episode').open",
    );
    assert_eq!(focused(&browser).0, "episode-open");

    // And the language, with Enter.
    tab_to(&browser, "lang");
    browser.press(&["ENTER"]);
    browser.until("Japanese", "return document.documentElement.lang === 'ja'");
}

/// The page speaks again whenever the room changes (another face keeps a
/// joy, a break begins). A person choosing a mood with the arrows keeps the
/// focus and the choice through it: the choices were built anew on every
/// refresh, the focus fell to the page and the arrows did nothing.
#[test]
#[ignore = "needs chromium"]
fn a_refresh_leaves_the_keyboard_where_it_was_in_the_mood_choices() {
    let home = Home::new();
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.querySelector('#drawing .goro-take use') !== null",
    );
    let chosen = "return [...document.querySelectorAll('#mood-value input')] \
                    .filter((r) => r.checked).map((r) => r.value)";
    tab_to(&browser, "mood-form input");
    browser.press(&[" ", "\u{E015}"]); // chosen, then one brighter
    assert_eq!(browser.run(chosen), json!(["2"]));

    let kept = server.post(
        "/api/entries",
        r#"{"kind":"joy","text":"tea from the other room"}"#,
    );
    assert_eq!(kept.status, 200, "{}", kept.body);
    browser.until(
        "the page refreshed",
        "return document.querySelectorAll('#joys li').length === 1",
    );

    assert_eq!(focused(&browser).0, "mood-form input");
    browser.press(&["\u{E015}"]);
    assert_eq!(browser.run(chosen), json!(["3"]));
}
