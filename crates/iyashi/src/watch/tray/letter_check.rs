//! Whether a kind letter waits, for the tray's quiet mark: asked of the
//! letters service on a thread of its own (a call may take seconds), once
//! at the start and then every quarter of an hour, and never while letters
//! are off. The daemon's loop only reads the answer.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use iyashi_app::letters::{something_waits, Letters};
use iyashi_core::config::LettersSettings;

/// Rarely: letters come slowly, and the daemon sleeps as much as it can.
const EVERY: Duration = Duration::from_secs(15 * 60);

/// The looking thread, stopped when this is dropped.
pub struct LetterCheck {
    waiting: Arc<AtomicBool>,
    _stop: Sender<()>,
}

impl LetterCheck {
    /// Starts looking, or `None` while letters are off.
    pub fn start(home_dir: PathBuf, settings: LettersSettings) -> Option<LetterCheck> {
        if !settings.enabled || settings.server.trim().is_empty() {
            return None;
        }
        let waiting = Arc::new(AtomicBool::new(false));
        let (stop, stopped) = mpsc::channel::<()>();
        let seen = Arc::clone(&waiting);
        std::thread::Builder::new()
            .name("letter-check".into())
            .spawn(move || loop {
                // Unreachable or refused: the mark stays as it was.
                if let Ok(inbox) = Letters::open(&home_dir, &settings).and_then(|l| l.peek()) {
                    seen.store(something_waits(&inbox), Ordering::Relaxed);
                }
                match stopped.recv_timeout(EVERY) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => break,
                }
            })
            .ok()?;
        Some(LetterCheck {
            waiting,
            _stop: stop,
        })
    }

    /// What the last look found.
    pub fn waiting(&self) -> bool {
        self.waiting.load(Ordering::Relaxed)
    }
}
