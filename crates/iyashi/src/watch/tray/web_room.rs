//! "Open the web room" from the tray: starts `iyashi web` once (on a port
//! the system picks) and opens the browser; later, while that server runs,
//! opens its link again. "Write a kind letter" opens the same room at its
//! letter form (the link with `at=letters`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use iyashi_core::Lang;

use crate::opener;

#[derive(Default)]
pub struct WebRoom {
    server: Option<(Child, Arc<Mutex<Option<String>>>)>,
}

impl WebRoom {
    /// Opens the web room in the browser (at the letter form when
    /// `at_letters`); false if it could not be.
    pub fn open(&mut self, program: &Path, lang: Lang, at_letters: bool) -> bool {
        let at = |link: String| match at_letters {
            true => format!("{link}&at=letters"),
            false => link,
        };
        if let Some((child, link)) = &mut self.server {
            if matches!(child.try_wait(), Ok(None)) {
                if let Some(link) = wait_for_link(link) {
                    return opener::open_url(&at(link));
                }
            }
        }
        self.stop();
        // The server opens its own link, except when the tray asks for
        // another place in the room: then the tray opens it.
        let open = if at_letters { None } else { Some("--open") };
        let started = Command::new(program)
            .args(["--lang", lang.code(), "web", "--port", "0"])
            .args(open)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = started else {
            return false;
        };
        let link = Arc::new(Mutex::new(None));
        if let Some(out) = child.stdout.take() {
            let found = Arc::clone(&link);
            // The first line names the page; the rest is read and let go,
            // so the server never blocks on a full pipe.
            std::thread::spawn(move || {
                for line in BufReader::new(out).lines().map_while(Result::ok) {
                    if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                        let url = url.trim_end_matches(['.', '。', ')', '）']);
                        *found.lock().unwrap_or_else(|e| e.into_inner()) = Some(url.to_string());
                    }
                }
            });
        }
        if at_letters {
            let Some(found) = wait_for_link(&link) else {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            };
            self.server = Some((child, link));
            return opener::open_url(&at(found));
        }
        self.server = Some((child, link));
        true
    }

    /// Stops the server this tray started, with the daemon.
    pub fn stop(&mut self) {
        if let Some((mut child, _)) = self.server.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The server's link, once it has said it (it does so as it starts).
fn wait_for_link(link: &Mutex<Option<String>>) -> Option<String> {
    let start = Instant::now();
    loop {
        if let Some(url) = link.lock().unwrap_or_else(|e| e.into_inner()).clone() {
            return Some(url);
        }
        if start.elapsed() > Duration::from_secs(2) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
