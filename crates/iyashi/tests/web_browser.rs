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

#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use serde_json::json;

use common::Home;
use web_common::axe::{audit, axe_core};
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
    // The companions are the drawn cast: Goro's strip of drawings is in the
    // scene, with no text anywhere in it.
    browser.until(
        "the drawn scene",
        "return document.querySelector('#drawing .goro-take use') !== null",
    );
    let goro = browser
        .run("return document.querySelector('#drawing .goro-take use').getAttribute('href')");
    assert!(goro.as_str().unwrap().starts_with("#goro."), "{goro}");
    assert_eq!(
        browser.run("return document.querySelectorAll('#drawing text').length"),
        json!(0)
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
    // Japanese lines break by kinsoku: no small kana or 。 begins a line.
    assert_eq!(
        browser.run("return getComputedStyle(document.getElementById('said')).lineBreak"),
        "strict"
    );
    assert_eq!(browser.text("#lang"), "English");
    browser.until(
        "the Japanese mood words",
        "return document.querySelector('#mood-value input[value=\"2\"]').parentElement.textContent === '2 ちょっと低め'",
    );
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
    let browser = Browser::in_room(
        &server.url,
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

/// Another local server, on another port of 127.0.0.1, that the person's
/// browser visits while the room is open: it receives the room's cookie
/// (browsers do not keep cookies apart by port), and with it alone it can
/// neither read nor write anything through the room's API.
#[test]
#[ignore = "needs chromium"]
fn another_local_server_gets_the_cookie_and_can_do_nothing_with_it() {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    let home = Home::new();
    home.ok(&["joy", "a secret walk"]);
    let server = Server::start(&home);
    let browser = Browser::in_room(
        &server.url,
        "return document.querySelectorAll('#joys li').length === 1",
    );

    // The other server: answers every request with a page, and keeps the
    // Cookie headers it was sent.
    let other = TcpListener::bind("127.0.0.1:0").unwrap();
    let other_port = other.local_addr().unwrap().port();
    let (heard, cookies) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for stream in other.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                if line.to_ascii_lowercase().starts_with("cookie:") {
                    let _ = heard.send(line["cookie:".len()..].trim().to_string());
                }
                line.clear();
            }
            let page = "<!doctype html><title>elsewhere</title><p>elsewhere</p>";
            let _ = write!(
                &stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    browser.go(&format!("http://127.0.0.1:{other_port}/"));
    browser.until("the other page", "return document.title === 'elsewhere'");
    let leaked = cookies
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the browser sends the room's cookie to the other port");
    assert!(
        leaked.contains(&format!("iyashi-{}=", server.port)),
        "{leaked}"
    );
    // The room's key stays with the room's own page.
    assert_eq!(
        browser.run("return localStorage.getItem('iyashi-key')"),
        serde_json::Value::Null
    );

    // What the other server can do with the cookie, saying whatever else it
    // likes: nothing.
    let origin = server.origin();
    let with = [("Cookie", leaked.as_str()), ("Origin", origin.as_str())];
    for path in ["/api/room", "/api/episode", "/film.css", "/api/events"] {
        let reply = server.send("GET", path, &with, "");
        assert_eq!(reply.status, 401, "{path}");
        assert!(!reply.body.contains("secret"), "{path}");
    }
    let forged = [&with[..], &[("Content-Type", "application/json")]].concat();
    let reply = server.send(
        "POST",
        "/api/entries",
        &forged,
        r#"{"kind":"joy","text":"forged"}"#,
    );
    assert_eq!(reply.status, 401);
    assert_eq!(home.count(), 1, "nothing written");

    // The person's own page, opened again without the link, still works:
    // it kept its key.
    browser.go(&format!("{}/", server.origin()));
    browser.until(
        "the room again",
        "return document.querySelectorAll('#joys li').length === 1",
    );
    browser.type_into("#joy-text", "still here");
    browser.click("#joy-form button");
    browser.until(
        "the new joy",
        "return document.querySelectorAll('#joys li').length === 2",
    );
    assert_eq!(home.count(), 2);
}

/// The room passes axe-core's audit in each state a person sees: with
/// joys on the shelf, in Japanese, with the episode open, during a break.
#[test]
#[ignore = "needs chromium"]
fn axe_finds_nothing_serious_in_the_room() {
    let axe = axe_core();
    let home = Home::new();
    home.ok(&["joy", "warm tea by the window"]);
    home.ok(&["mood", "2", "tired"]);
    let server = Server::start(&home);
    let browser = Browser::open();
    browser.go(&server.url);
    browser.until(
        "the drawn room",
        "return document.querySelector('#drawing .goro-take use') !== null \
         && document.getElementById('goro-doing').textContent.length > 0",
    );
    let mut found = audit(&browser, &axe, "the room");

    browser.click("#lang");
    browser.until(
        "Japanese",
        "return document.documentElement.lang === 'ja' && document.getElementById('goro-doing').textContent.startsWith('ゴロ')",
    );
    found.extend(audit(&browser, &axe, "日本語"));

    browser.click("#episode-open");
    browser.until(
        "the episode",
        "return document.getElementById('episode').open",
    );
    found.extend(audit(&browser, &axe, "the episode"));
    browser.press(&["ESCAPE"]);

    browser.click("#break");
    browser.until(
        "the break",
        "return !document.getElementById('break-left').hidden && !document.getElementById('bubble').hidden",
    );
    found.extend(audit(&browser, &axe, "a break"));
    browser.click("#break");
    assert_eq!(found, Vec::<String>::new());

    // The audit does see: a field without a label, in pale grey on the
    // paper, is reported for both (what the room had before it was drawn).
    browser.run(
        "const i = document.createElement('input'); i.style.color = '#ddd'; i.value = 'faint'; \
         document.querySelector('main').append(i);",
    );
    let planted = audit(&browser, &axe, "planted").join("\n");
    assert!(planted.contains("label (critical)"), "{planted}");
    assert!(planted.contains("color-contrast (serious)"), "{planted}");
}
