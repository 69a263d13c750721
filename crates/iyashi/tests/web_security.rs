//! The web room's door, attacked from outside: a page on another site
//! (DNS rebinding, CSRF), another local program without the token, and a
//! joy that is trying to be a script. Each is refused, and leaves the
//! journal as it was.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use std::os::unix::fs::PermissionsExt;

use common::Home;
use web_common::Server;

const CSP_START: &str = "default-src 'none'; script-src 'self'";

fn joys(server: &Server) -> Vec<String> {
    let room = server.get("/api/room").json();
    room["joys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_wrong_host_is_refused_whatever_else_is_right() {
    let home = Home::new();
    home.ok(&["joy", "a secret walk"]);
    let server = Server::start(&home);
    let other_port = format!("127.0.0.1:{}", server.port.wrapping_add(1));
    for host in [
        "evil.example",
        &format!("evil.example:{}", server.port),
        &format!("127.0.0.1.evil.example:{}", server.port),
        &other_port,
    ] {
        let cookie = server.cookie();
        let reply = server.send(
            "GET",
            "/api/room",
            &[("Host", host), ("Cookie", &cookie)],
            "",
        );
        assert_eq!(reply.status, 421, "{host}");
        assert!(!reply.body.contains("secret"), "{host}: {}", reply.body);
        assert!(reply
            .header("content-security-policy")
            .unwrap()
            .starts_with(CSP_START));
    }
    // localhost with the right port is the room.
    let cookie = server.cookie();
    let host = format!("localhost:{}", server.port);
    let reply = server.send(
        "GET",
        "/api/room",
        &[
            ("Host", &host),
            ("Cookie", &cookie),
            ("X-Iyashi-Key", &server.key),
        ],
        "",
    );
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("a secret walk"));
}

#[test]
fn without_the_token_nothing_is_shown() {
    let home = Home::new();
    home.ok(&["joy", "a secret walk"]);
    let server = Server::start(&home);

    // The per-install secret lives in a file only its owner can read.
    let mode = std::fs::metadata(home.path().join("web.token"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(server.token.len(), 64);

    for path in ["/", "/api/room", "/app.js", "/api/events", "/api/episode"] {
        let reply = server.send("GET", path, &[], "");
        assert_eq!(reply.status, 401, "{path}");
        assert!(!reply.body.contains("secret"));
    }
    let wrong = format!("iyashi-{}={}", server.port, "0".repeat(64));
    let reply = server.send("GET", "/api/room", &[("Cookie", &wrong)], "");
    assert_eq!(reply.status, 401);
    let reply = server.send("GET", &format!("/?token={}", "0".repeat(64)), &[], "");
    assert_eq!(reply.status, 401);
    assert!(reply.header("set-cookie").is_none());

    // The printed link trades the token for a strict cookie and moves on
    // without it in the address.
    let reply = server.send("GET", &format!("/?token={}", server.token), &[], "");
    assert_eq!(reply.status, 303);
    assert_eq!(
        reply.header("location"),
        Some(format!("/#key={}", server.key).as_str())
    );
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.starts_with(&server.cookie()), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("<script src=\"/app.js\" defer></script>"));
}

#[test]
fn a_change_from_another_origin_is_refused_and_changes_nothing() {
    let home = Home::new();
    let server = Server::start(&home);
    let cookie = server.cookie();
    let joy = r#"{"kind":"joy","text":"forged"}"#;
    let json = ("Content-Type", "application/json");
    for headers in [
        vec![("Cookie", cookie.as_str()), json],
        vec![("Cookie", &cookie), ("Origin", "http://evil.example"), json],
        vec![("Cookie", &cookie), ("Origin", "null"), json],
        vec![
            ("Cookie", &cookie),
            (
                "Origin",
                &format!("http://127.0.0.1:{}", server.port.wrapping_add(1)),
            ),
            json,
        ],
        vec![
            ("Cookie", &cookie),
            ("Origin", &server.origin()),
            ("Sec-Fetch-Site", "cross-site"),
            json,
        ],
    ] {
        let reply = server.send("POST", "/api/entries", &headers, joy);
        assert_eq!(reply.status, 403, "{headers:?}");
    }
    // A plain cross-site form can send neither the page's key nor JSON.
    let origin = server.origin();
    let form = |key: &str| {
        server.send(
            "POST",
            "/api/entries",
            &[
                ("Cookie", &cookie),
                ("X-Iyashi-Key", key),
                ("Origin", &origin),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            "kind=joy&text=forged",
        )
    };
    assert_eq!(form("").status, 401);
    assert_eq!(form(&server.key).status, 400);
    assert!(joys(&server).is_empty());
    assert_eq!(home.ok(&["log", "--json"]).trim(), "[]");

    let kept = server.post("/api/entries", r#"{"kind":"joy","text":"tea, for real"}"#);
    assert_eq!(kept.status, 200, "{}", kept.body);
    assert_eq!(joys(&server), ["tea, for real"]);
}

#[test]
fn a_joy_with_a_script_in_it_stays_words() {
    let home = Home::new();
    let server = Server::start(&home);
    let words = r#"<script>alert("gotcha")</script> & <img src=x onerror=alert(1)>"#;
    let body = serde_json::json!({"kind": "joy", "text": words}).to_string();
    let kept = server.post("/api/entries", &body);
    assert_eq!(kept.status, 200, "{}", kept.body);
    assert_eq!(kept.json()["said"], "Kept. That's 1 small joy today.");

    let room = server.get("/api/room");
    assert_eq!(
        room.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(room.header("x-content-type-options"), Some("nosniff"));
    // No markup character reaches the wire, yet the words come back exact.
    for c in ['<', '>', '&'] {
        assert!(!room.body.contains(c), "{c} in {}", room.body);
    }
    assert_eq!(joys(&server), [words]);
    // Kept as written, for the CLI and exports.
    assert!(home
        .ok(&["log", "--json"])
        .contains("alert(\\\"gotcha\\\")"));

    // The page itself allows only its own script, never inline.
    let page = server.get("/");
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.starts_with(CSP_START) && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.body.matches("<script").count(), 1);
}

#[test]
fn an_entry_from_the_cli_reaches_the_open_page_by_itself() {
    use std::io::BufRead;
    let home = Home::new();
    let server = Server::start(&home);
    let mut events = server.events();
    home.ok(&["joy", "written in the terminal"]);
    let mut line = String::new();
    loop {
        line.clear();
        assert!(events.read_line(&mut line).unwrap() > 0, "stream ended");
        if line.contains("event: changed") {
            break;
        }
    }
    assert_eq!(joys(&server), ["written in the terminal"]);
}

#[test]
fn the_api_is_described_and_speaks_both_languages() {
    let home = Home::new();
    let server = Server::start(&home);
    let doc = server.get("/api/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/room",
        "/api/entries",
        "/api/work",
        "/api/events",
        "/api/episode",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let ja = server.get("/api/room?lang=ja").json();
    assert_eq!(ja["labels"]["keep"], "残す");
    let mood = server.post("/api/entries", r#"{"kind":"mood","mood":9,"lang":"ja"}"#);
    assert_eq!(mood.status, 400);
    assert_eq!(mood.json()["error"], "気分は 1 から 5 の数字です。");
    let work = server.post("/api/work", r#"{"action":"start"}"#);
    assert_eq!(work.status, 200, "{}", work.body);
    assert!(server.get("/api/room").json()["rhythm"]["working"]
        .as_bool()
        .unwrap());
    let episode = server.get("/api/episode?month=2026-11").json();
    assert!(episode["title"].as_str().unwrap().starts_with("Episode 11"));
    assert_eq!(episode["days"].as_array().unwrap().len(), 25);
}

#[test]
fn resting_together_says_nothing_while_letters_are_off() {
    let home = Home::new();
    let server = Server::start(&home);
    let answer = server.post("/api/breaks", r#"{"action":"resting"}"#).json();
    assert_eq!(answer["said"], "");
    assert!(answer.get("resting").is_none(), "{answer}");
    assert!(
        !home.path().join("letters-key").exists(),
        "no key is made while letters are off"
    );
}

/// Browsers send a cookie to every port of a host, so any other server on
/// 127.0.0.1 that the person's browser visits receives the room's cookie.
/// With it alone (and any headers it likes), such a server can read and
/// write nothing of the journal; the link's token cannot be had from it.
#[test]
fn a_leaked_cookie_alone_opens_nothing_of_the_journal() {
    let home = Home::new();
    home.ok(&["joy", "a secret walk"]);
    home.ok(&["mood", "1", "a heavy day"]);
    let server = Server::start(&home);
    let cookie = server.cookie();
    assert!(
        !cookie.contains(&server.token),
        "the cookie is not the token"
    );
    let origin = server.origin();
    let leaked = [("Cookie", cookie.as_str()), ("Origin", origin.as_str())];
    for path in [
        "/api/room",
        "/api/episode",
        "/api/events",
        "/film.css",
        "/api/openapi.json",
    ] {
        let reply = server.send("GET", path, &leaked, "");
        assert_eq!(reply.status, 401, "{path}");
        assert!(!reply.body.contains("secret"), "{path}");
    }
    let json = [("Content-Type", "application/json")];
    for (path, body) in [
        ("/api/entries", r#"{"kind":"joy","text":"forged"}"#),
        ("/api/work", r#"{"action":"start"}"#),
        ("/api/breaks", r#"{"action":"done","rested_secs":60}"#),
    ] {
        let reply = server.send("POST", path, &[&leaked[..], &json].concat(), body);
        assert_eq!(reply.status, 401, "{path}");
    }
    // A wrong key is no better than none, and the cookie is not the token.
    let zeros = "0".repeat(64);
    let wrong = [&leaked[..], &[("X-Iyashi-Key", zeros.as_str())]].concat();
    assert_eq!(server.send("GET", "/api/room", &wrong, "").status, 401);
    let cookie_value = cookie.split_once('=').unwrap().1;
    let reply = server.send("GET", &format!("/?token={cookie_value}"), &[], "");
    assert_eq!(reply.status, 401);
    // The page's code holds nothing of the journal, and opens with the cookie.
    let page = server.send("GET", "/", &leaked, "");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("secret"));
    // The key alone, without the cookie, opens nothing either.
    let key_only = [("X-Iyashi-Key", server.key.as_str())];
    assert_eq!(server.send("GET", "/api/room", &key_only, "").status, 401);

    // Nothing was written; the page itself, with both, reads as before.
    assert_eq!(home.count(), 2);
    assert_eq!(joys(&server), ["a secret walk"]);
    let film = server.send(
        "GET",
        &format!("/film.css?key={}", server.key),
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(film.status, 200);
}

#[test]
fn the_icon_the_page_names_is_there() {
    let home = Home::new();
    let server = Server::start(&home);
    let page = server.get("/").body;
    let href = page
        .split("<link rel=\"icon\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page names its icon");
    let icon = server.get(href);
    assert_eq!(icon.status, 200, "{href}");
    assert_eq!(icon.header("content-type"), Some("image/svg+xml"));
    assert!(icon.body.starts_with("<svg"));
}

/// Every request body has one shape: a field missing, mistyped or unknown
/// is refused with a 400 that says so, and nothing is recorded on a guess
/// (a `done` without `rested_secs` once recorded a break of no length).
#[test]
fn a_request_of_the_wrong_shape_is_refused_and_records_nothing() {
    let home = Home::new();
    let server = Server::start(&home);
    let breaks = || {
        let conn = rusqlite::Connection::open(home.db()).unwrap();
        conn.query_row("SELECT count(*) FROM breaks", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    for (path, body) in [
        ("/api/breaks", r#"{"action":"done"}"#),
        ("/api/breaks", r#"{"action":"done","rested_secs":null}"#),
        ("/api/breaks", r#"{"action":"done","rested_secs":-5}"#),
        ("/api/breaks", r#"{"action":"done","rested_secs":"30"}"#),
        (
            "/api/breaks",
            r#"{"action":"done","rested_secs":30,"began":5}"#,
        ),
        ("/api/breaks", r#"{"action":"nap"}"#),
        ("/api/work", r#"{"action":"begin"}"#),
        ("/api/work", r#"{"action":"start","since":"09:00"}"#),
        (
            "/api/entries",
            r#"{"kind":"joy","text":"tea","mood_words":"x"}"#,
        ),
    ] {
        let reply = server.post(path, body);
        assert_eq!(reply.status, 400, "{path} {body}: {}", reply.body);
        assert!(!reply.json()["error"].as_str().unwrap().is_empty());
    }
    assert_eq!(breaks(), 0);
    assert_eq!(home.count(), 0);
    assert!(home.ok(&["log", "--json"]).trim() == "[]");

    let reply = server.post("/api/breaks", r#"{"action":"done","rested_secs":30}"#);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(breaks(), 1);
}
