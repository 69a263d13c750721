//! The journal as the web server reaches it: never on the server's own
//! thread (SQLite may wait for another writer, the daemon's socket for a
//! stopped daemon), and watched once for every open page.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use iyashi_core::day::DayRange;
use iyashi_store::Store;
use jiff::civil::Date;
use tokio::sync::broadcast;

use super::AppState;
use crate::failure::Failure;

/// How often the watcher looks while a page listens.
const LOOK_EVERY: Duration = Duration::from_millis(700);

/// The server's connections to the journal, and who listens for changes.
pub struct Journal {
    /// For the page's reads. In WAL mode a read never waits for a writer,
    /// so a second connection keeps the page answering while the writer
    /// waits its turn.
    reader: Mutex<Store>,
    /// For the page's writes, one at a time.
    writer: Mutex<Store>,
    /// Each open page's event stream holds a receiver.
    changes: broadcast::Sender<String>,
    /// How many times the watcher has read the journal's version.
    looks: AtomicU64,
}

impl Journal {
    pub fn open(open: impl Fn() -> Result<Store, Failure>) -> Result<Journal, Failure> {
        Ok(Journal {
            reader: Mutex::new(open()?),
            writer: Mutex::new(open()?),
            changes: broadcast::channel(16).0,
            looks: AtomicU64::new(0),
        })
    }

    /// A page's subscription to "the journal changed".
    pub fn listen(&self) -> broadcast::Receiver<String> {
        self.changes.subscribe()
    }

    pub fn read<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Failure>) -> Result<T, Failure> {
        f(&mut self.reader.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub fn write<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Failure>) -> Result<T, Failure> {
        f(&mut self.writer.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Runs `f` on tokio's threads for blocking work and waits for it there, so
/// the server's own thread goes on answering everyone else meanwhile.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(value) => value,
        // A panic there is a panic here, as it was before.
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// What changes when anyone (the page, the CLI, the daemon) writes.
pub fn version(store: &Store, day: Date) -> Result<String, Failure> {
    let last = store.last_added()?.map(|e| e.id.as_str().to_string());
    let count = store.entries_in(DayRange::single(day))?.len();
    let open = store.manual_work()?;
    let records = store.records_in(DayRange::single(day))?.len();
    let quiet = store.quiet_until()?;
    Ok(format!(
        "{}-{count}-{}-{records}-{}",
        last.unwrap_or_default(),
        open.map(|t| t.as_second()).unwrap_or(0),
        quiet.map(|t| t.as_second()).unwrap_or(0)
    ))
}

/// The journal's version today, read off the server's thread.
async fn read_version(state: &Arc<AppState>) -> String {
    let seen = Arc::clone(state);
    blocking(move || {
        seen.journal.looks.fetch_add(1, Ordering::Relaxed);
        let day = seen.ctx(seen.lang).today();
        seen.journal.read(|store| version(store, day))
    })
    .await
    .unwrap_or_default()
}

/// The one watcher: what it saw last.
#[derive(Default)]
pub struct Watcher {
    last: Option<String>,
}

impl Watcher {
    /// One look, only while some page listens: reads the version once and,
    /// when it changed, tells every page at once.
    pub async fn look(&mut self, state: &Arc<AppState>) {
        if state.journal.changes.receiver_count() == 0 {
            return;
        }
        let now = read_version(state).await;
        if self.last.as_ref().is_some_and(|last| *last != now) {
            let _ = state.journal.changes.send(now.clone());
        }
        self.last = Some(now);
    }

    /// Looks every [`LOOK_EVERY`] for as long as the server runs, from
    /// the version the journal has when it starts.
    pub async fn run(mut self, state: Arc<AppState>) {
        self.last = Some(read_version(&state).await);
        loop {
            tokio::time::sleep(LOOK_EVERY).await;
            self.look(&state).await;
        }
    }
}

#[cfg(test)]
mod tests;
