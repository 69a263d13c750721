//! The web server never waits on the journal on its own thread: while a
//! page's write waits for another program's write lock, the page's reads
//! still answer.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;
mod web_common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::Home;
use web_common::Server;

#[test]
fn a_held_write_lock_does_not_stop_the_page_reading() {
    let home = Home::new();
    let server = Arc::new(Server::start(&home));
    // Another program takes the journal's write lock and holds it.
    let db = rusqlite::Connection::open(home.path().join("iyashi.db")).unwrap();
    db.execute_batch("BEGIN IMMEDIATE").unwrap();
    let released = Arc::new(AtomicBool::new(false));
    let holder = {
        let released = Arc::clone(&released);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(5));
            released.store(true, Ordering::SeqCst);
            db.execute_batch("COMMIT").unwrap();
        })
    };
    // The page writes a joy, which must wait for the lock...
    let writing = {
        let server = Arc::clone(&server);
        std::thread::spawn(move || server.post("/api/entries", r#"{"kind":"joy","text":"tea"}"#))
    };
    std::thread::sleep(Duration::from_millis(500));
    // ...and meanwhile the page's reads are answered.
    let room = server.get("/api/room");
    assert_eq!(room.status, 200, "{}", room.body);
    let film = server.get("/film.css");
    assert_eq!(film.status, 200);
    assert!(
        !released.load(Ordering::SeqCst),
        "the reads waited for the other program's write"
    );
    holder.join().unwrap();
    let kept = writing.join().unwrap();
    assert_eq!(kept.status, 200, "{}", kept.body);
    let room = server.get("/api/room").json();
    assert_eq!(room["joys"][0]["text"], "tea", "{room}");
}
