//! The daemon's door: a Unix socket in the home directory through which
//! `iyashi work`, `iyashi break` and the room speak to a running `watch`.
//!
//! One request per connection: a single word on one line (`status`,
//! `work-start`, `work-stop`, `break-now`, `break-now-micro`, `take`, `later`,
//! `skip`), answered with the engine's status as one line of JSON.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::mpsc::{self, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::rhythm::{BreakKind, Event};
use serde::{Deserialize, Serialize};

use super::Input;

/// What a client can ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    Status,
    Event(Event),
}

impl Request {
    /// The request as its line on the socket: a word, and for quiet the
    /// instant it lasts until (nanoseconds since 1970).
    pub fn line(self) -> String {
        match self {
            Request::Event(Event::QuietUntil(Some(until))) => {
                format!("quiet-until {}", until.as_nanosecond())
            }
            Request::Event(Event::QuietUntil(None)) => "quiet-off".to_string(),
            other => other.word().to_string(),
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Request::Status => "status",
            Request::Event(Event::WorkStart) => "work-start",
            Request::Event(Event::WorkStop) => "work-stop",
            Request::Event(Event::BreakNow(BreakKind::Micro)) => "break-now-micro",
            Request::Event(Event::BreakNow(BreakKind::Rest)) => "break-now",
            Request::Event(Event::TakeBreak) => "take",
            Request::Event(Event::Later) => "later",
            Request::Event(Event::Skip) => "skip",
            Request::Event(_) => "status",
        }
    }

    fn parse(line: &str) -> Option<Request> {
        if let Some(ns) = line.trim().strip_prefix("quiet-until ") {
            let until = jiff::Timestamp::from_nanosecond(ns.trim().parse().ok()?).ok()?;
            return Some(Request::Event(Event::QuietUntil(Some(until))));
        }
        Some(match line.trim() {
            "quiet-off" => Request::Event(Event::QuietUntil(None)),
            "status" => Request::Status,
            "work-start" => Request::Event(Event::WorkStart),
            "work-stop" => Request::Event(Event::WorkStop),
            "break-now" => Request::Event(Event::BreakNow(BreakKind::Rest)),
            "break-now-micro" => Request::Event(Event::BreakNow(BreakKind::Micro)),
            "take" => Request::Event(Event::TakeBreak),
            "later" => Request::Event(Event::Later),
            "skip" => Request::Event(Event::Skip),
            _ => return None,
        })
    }
}

/// The daemon's answer: where things stand, in plain numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub active: bool,
    pub session_start: Option<jiff::Timestamp>,
    pub on_break_until: Option<jiff::Timestamp>,
    pub asking: bool,
    pub until_micro_secs: i64,
    pub until_rest_secs: i64,
    pub worked_today_secs: i64,
    /// Everything the engine knows, for `iyashi why`.
    #[serde(default)]
    pub status: Option<iyashi_core::rhythm::Status>,
}

/// Serves requests on `path`, forwarding each to the loop and writing back
/// its reply. Runs on its own thread until the process ends.
pub fn serve(path: &Path, inputs: Sender<Input>) -> std::io::Result<()> {
    let _ = std::fs::remove_file(path); // a stale socket from a killed daemon
    let listener = UnixListener::bind(path)?;
    // Whoever may open the socket may ask the daemon things: its owner only.
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(stream, &inputs);
        }
    });
    Ok(())
}

fn answer(stream: UnixStream, inputs: &Sender<Input>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let mut stream = stream;
    let Some(request) = Request::parse(&line) else {
        return writeln!(stream, "{{\"error\":\"unknown request\"}}");
    };
    let (reply_to, reply) = mpsc::channel();
    if inputs.send(Input::Request(request, reply_to)).is_err() {
        return Ok(()); // the daemon is stopping
    }
    if let Ok(reply) = reply.recv_timeout(Duration::from_secs(5)) {
        let json = serde_json::to_string(&reply).expect("a Reply serialises");
        writeln!(stream, "{json}")?;
    }
    Ok(())
}

/// How long a client waits for the daemon, for connecting, for sending and
/// for the answer each. A daemon that is running answers in milliseconds;
/// one stopped with Ctrl-Z still accepts connections (the kernel does that
/// for it) but never answers, and no one should wait long for it.
const ANSWER_WITHIN: Duration = Duration::from_secs(1);

/// After a daemon has not answered, it is not asked again for this long:
/// the web room asks on every page and the room on every key, and a
/// stopped daemon would otherwise cost each of them a wait.
const SILENT_FOR: Duration = Duration::from_secs(30);

/// When the daemon last failed to answer, in this process.
static LAST_SILENCE: Mutex<Option<Instant>> = Mutex::new(None);

/// Asks a running daemon. `Ok(None)` when none listens at `path`;
/// [`SystemReason::TimedOut`] when one listens but does not answer within
/// [`ANSWER_WITHIN`] (or did not a moment ago).
pub fn ask(path: &Path, request: Request) -> Result<Option<Reply>, SystemReason> {
    let silent = |since: &Option<Instant>| since.is_some_and(|t| t.elapsed() < SILENT_FOR);
    if silent(&LAST_SILENCE.lock().unwrap_or_else(|e| e.into_inner())) {
        return Err(SystemReason::TimedOut);
    }
    let answer = ask_now(path, request);
    if let Err(SystemReason::TimedOut) = answer {
        *LAST_SILENCE.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }
    answer
}

fn ask_now(path: &Path, request: Request) -> Result<Option<Reply>, SystemReason> {
    let failed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => SystemReason::TimedOut,
        _ => SystemReason::of_io(&e),
    };
    let mut stream = match connect(path) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(None)
        }
        Err(e) => return Err(failed(e)),
    };
    stream
        .set_read_timeout(Some(ANSWER_WITHIN))
        .and_then(|()| stream.set_write_timeout(Some(ANSWER_WITHIN)))
        .map_err(failed)?;
    writeln!(stream, "{}", request.line()).map_err(failed)?;
    let mut line = String::new();
    BufReader::new(&stream)
        .read_line(&mut line)
        .map_err(failed)?;
    serde_json::from_str(&line)
        .map(Some)
        .map_err(|_| SystemReason::UnreadableAnswer)
}

/// Connects within [`ANSWER_WITHIN`]: when a stopped daemon's queue of
/// unaccepted connections is full, a plain connect would wait forever.
fn connect(path: &Path) -> std::io::Result<UnixStream> {
    let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)?;
    socket.connect_timeout(&socket2::SockAddr::unix(path)?, ANSWER_WITHIN)?;
    socket.set_nonblocking(false)?;
    Ok(UnixStream::from(std::os::fd::OwnedFd::from(socket)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_has_a_word_that_reads_back() {
        for request in [
            Request::Status,
            Request::Event(Event::WorkStart),
            Request::Event(Event::WorkStop),
            Request::Event(Event::BreakNow(BreakKind::Rest)),
            Request::Event(Event::BreakNow(BreakKind::Micro)),
            Request::Event(Event::TakeBreak),
            Request::Event(Event::Later),
            Request::Event(Event::Skip),
            Request::Event(Event::QuietUntil(None)),
            Request::Event(Event::QuietUntil(Some(
                "2026-11-25T06:00:00.5Z".parse().unwrap(),
            ))),
        ] {
            assert_eq!(Request::parse(&request.line()), Some(request));
        }
        assert_eq!(Request::parse("rm -rf"), None);
    }
}
