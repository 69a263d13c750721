//! The web room in a real browser: Debian's Chromium, headless, driven
//! through chromedriver's WebDriver protocol (plain HTTP and JSON, spoken
//! here in a few lines rather than through a client library).
//!
//! Open the room from the printed link, type a joy and keep it, see it on
//! the shelf, reload and still see it, see a joy from the CLI arrive by
//! itself, switch to 日本語, open the episode, and save screenshots of each
//! (to `$IYASHI_SCREENSHOTS`, or `target/tmp/web-screenshots`).
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (`apt-get install chromium chromium-driver`); `.ci/run` installs them and
//! runs this with `--include-ignored`.

mod common;
mod web_common;

use serde_json::json;

use common::Home;
use web_common::browser::Browser;
use web_common::Server;

#[test]
#[ignore = "needs chromium"]
fn the_room_in_a_real_browser() {
    let home = Home::new();
    home.ok(&["mood", "3", "a long day"]);
    let server = Server::start(&home);
    let browser = Browser::open();

    // The printed link: its token becomes a cookie and leaves the address.
    browser.go(&server.url);
    browser.until(
        "the room",
        "return document.getElementById('day').textContent.length > 0",
    );
    let address = browser.run("return location.href");
    assert_eq!(address, json!(format!("{}/", server.origin())));
    assert_eq!(browser.text("#shelf-title"), "Today's small joys");
    // The companions are drawn from the film: Goro has his sprite sheet.
    let goro =
        browser.run("return getComputedStyle(document.querySelector('.goro')).backgroundImage");
    assert!(
        goro.as_str().unwrap().contains("/sprites/goro.svg"),
        "{goro}"
    );
    browser.screenshot("1-room-en.png");

    // A joy, typed and kept, with a script that must stay words.
    let words = "warm tea <script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\">";
    browser.type_into("#joy-text", words);
    browser.click("#joy-form button");
    browser.until(
        "the joy on the shelf",
        "return document.querySelectorAll('#joys li').length === 1",
    );
    assert_eq!(browser.text("#joys li .text"), words);
    assert_eq!(browser.text("#said"), "Kept. That's 1 small joy today.");
    assert_eq!(
        browser.run("return [window.pwned === undefined, document.querySelectorAll('#joys script, #joys img').length]"),
        json!([true, 0])
    );
    browser.screenshot("2-joy-kept.png");

    // Still there after a reload: it is in the journal, not just the page.
    browser.call("POST", "/refresh", Some(json!({})));
    browser.until(
        "the shelf after a reload",
        "return document.querySelectorAll('#joys li').length === 1",
    );
    assert_eq!(browser.text("#joys li .text"), words);

    // A joy from the terminal arrives without a reload.
    home.ok(&["joy", "a cat on the wall"]);
    browser.until(
        "the CLI's joy",
        "return document.querySelectorAll('#joys li').length === 2",
    );
    assert!(browser.text("#joys").contains("a cat on the wall"));

    // 日本語.
    browser.click("#lang");
    browser.until(
        "Japanese",
        "return document.getElementById('shelf-title').textContent === '今日の小さな幸せ'",
    );
    assert_eq!(browser.run("return document.documentElement.lang"), "ja");
    assert_eq!(browser.text("#lang"), "English");
    browser.screenshot("3-room-ja.png");

    // This month's episode, with its charts.
    browser.click("#episode-open");
    browser.until(
        "the episode",
        "return document.getElementById('episode').open",
    );
    assert!(
        browser.text("#episode-title").starts_with("第11話"),
        "{}",
        browser.text("#episode-title")
    );
    assert!(browser.text("#episode-text").contains("a cat on the wall"));
    let marks = browser.run(
        "return [document.querySelectorAll('#chart-mood circle').length, \
         document.querySelectorAll('#chart-work text').length]",
    );
    assert_eq!(marks[0], json!(1), "one mood check-in, one dot");
    assert!(marks[1].as_u64().unwrap() > 3, "days along the axis");
    let shot = browser.screenshot("4-episode-ja.png");
    eprintln!("screenshots in {}", shot.parent().unwrap().display());
}

/// The break button, as a person uses it: take a break with Piyo, watch the
/// countdown, end it early, and find the break in the journal.
#[test]
#[ignore = "needs chromium"]
fn a_break_taken_and_ended_early_in_the_browser_is_recorded() {
    let home = Home::new();
    let server = Server::start(&home);
    let browser = Browser::open();
    browser.go(&server.url);
    browser.until(
        "the room",
        "return document.getElementById('break').textContent.length > 0",
    );
    assert_eq!(browser.text("#break"), "Take a break with Piyo");
    browser.run(
        "window.iyashiErrors = []; \
         addEventListener('error', (e) => iyashiErrors.push(String(e.message))); \
         addEventListener('unhandledrejection', (e) => iyashiErrors.push(String(e.reason)));",
    );

    browser.click("#break");
    browser.until(
        "the countdown",
        "return !document.getElementById('break-left').hidden",
    );
    // The default rest break is five minutes; a second later it shows 4:5x.
    browser.until(
        "the countdown moving",
        "return /^4:5\\d$/.test(document.getElementById('break-left').textContent)",
    );
    assert_eq!(browser.text("#break"), "End the break");
    let piyo = server.get("/api/room").json()["rhythm"]["piyo_rest"].clone();
    assert_eq!(
        json!(browser.text("#bubble")),
        piyo,
        "Piyo speaks, not an error"
    );
    browser.screenshot("5-break-countdown.png");

    std::thread::sleep(std::time::Duration::from_millis(1200));
    browser.click("#break");
    browser.until(
        "the break over",
        "return document.getElementById('break-left').hidden",
    );
    browser.until(
        "the button back",
        "return document.getElementById('break').textContent === 'Take a break with Piyo'",
    );
    let errors = browser.run("return window.iyashiErrors || []");
    assert_eq!(errors, json!([]), "no uncaught errors");
    browser.screenshot("6-break-over.png");

    // Recorded: one rest break taken, as long as it lasted (a few seconds).
    let conn = rusqlite::Connection::open(home.db()).unwrap();
    let (kind, outcome, length_ms): (String, String, i64) = conn
        .query_row("SELECT kind, outcome, length_ms FROM breaks", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((kind.as_str(), outcome.as_str()), ("rest", "taken"));
    assert!((2_000..60_000).contains(&length_ms), "{length_ms} ms");
    assert_eq!(
        home.breaks_taken_this_week(),
        1,
        "`iyashi week` counts the break"
    );
}
