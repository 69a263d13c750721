//! The daemon's door: a Unix socket in the home folder through which the
//! commands and the rooms speak to a running `iyashi watch`, and the one
//! description of what may be said through it, used by both ends.
//!
//! One request per connection, as one line of JSON (`{"ask":"work-start"}`),
//! answered with one line: the engine's status, or a refusal. A request the
//! daemon does not know is refused, never taken for another.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::rhythm::{BreakKind, Event, Status};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What a client can ask the daemon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ask", rename_all = "kebab-case")]
pub enum Request {
    /// Where things stand; changes nothing.
    Status,
    /// `iyashi work start`.
    WorkStart,
    /// `iyashi work stop`.
    WorkStop,
    /// A break now, of this kind.
    BreakNow {
        /// A micro-break or a rest.
        kind: BreakKind,
    },
    /// The break asked for is taken.
    Take,
    /// The break asked for, a little later.
    Later,
    /// Not this break.
    Skip,
    /// The break on screen is over: its "Done", or its countdown ran out.
    Finished,
    /// Quiet until then, or quiet ended (`None`).
    Quiet {
        /// When the quiet ends.
        until: Option<Timestamp>,
    },
}

impl Request {
    /// The request that asks for `event`, for the events a client may ask
    /// for (input, ticks and the situation are the daemon's own).
    pub fn for_event(event: Event) -> Option<Request> {
        Some(match event {
            Event::WorkStart => Request::WorkStart,
            Event::WorkStop => Request::WorkStop,
            Event::BreakNow(kind) => Request::BreakNow { kind },
            Event::TakeBreak => Request::Take,
            Event::Later => Request::Later,
            Event::Skip => Request::Skip,
            Event::BreakFinished => Request::Finished,
            Event::QuietUntil(until) => Request::Quiet { until },
            _ => return None,
        })
    }

    /// What the request asks the engine to do, if anything.
    pub fn event(self) -> Option<Event> {
        Some(match self {
            Request::Status => return None,
            Request::WorkStart => Event::WorkStart,
            Request::WorkStop => Event::WorkStop,
            Request::BreakNow { kind } => Event::BreakNow(kind),
            Request::Take => Event::TakeBreak,
            Request::Later => Event::Later,
            Request::Skip => Event::Skip,
            Request::Finished => Event::BreakFinished,
            Request::Quiet { until } => Event::QuietUntil(until),
        })
    }
}

/// The daemon's answer: where things stand, in plain numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// A work session is open.
    pub active: bool,
    /// When the open session started.
    pub session_start: Option<Timestamp>,
    /// A break is on until then.
    pub on_break_until: Option<Timestamp>,
    /// A break prompt is waiting for an answer.
    pub asking: bool,
    /// Seconds until the next micro-break is due (never below zero).
    pub until_micro_secs: i64,
    /// Seconds until the next rest is due (never below zero).
    pub until_rest_secs: i64,
    /// Seconds worked today.
    pub worked_today_secs: i64,
    /// Everything the engine knows, for `iyashi why`.
    #[serde(default)]
    pub status: Option<Status>,
}

impl Reply {
    /// The reply for an engine status. Times left are clamped at zero:
    /// "due" is not "overdue" to a person.
    pub fn of(status: &Status) -> Reply {
        Reply {
            active: status.active,
            session_start: status.session_start,
            on_break_until: status.on_break.map(|(_, until)| until),
            asking: status.asking.is_some(),
            until_micro_secs: status.until_micro.as_secs().max(0),
            until_rest_secs: status.until_rest.as_secs().max(0),
            worked_today_secs: status.worked_today.as_secs(),
            status: Some(status.clone()),
        }
    }
}

/// One line back from the daemon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// The request was carried out (or was only a question).
    Status(Box<Reply>),
    /// The request was not understood, and nothing was done.
    Refused(String),
}

/// How long either end waits for the other, for connecting, for sending
/// and for the answer each. A daemon that is running answers in
/// milliseconds; one stopped with Ctrl-Z (SIGSTOP) still accepts
/// connections (the kernel does that for it) but never answers, and no one
/// should wait long for it.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(1);

/// After a daemon has not answered, it is not asked again for this long:
/// the web room asks on every page and the room on every key, and a
/// stopped daemon would otherwise cost each of them a wait.
const SILENT_FOR: Duration = Duration::from_secs(30);

/// Which daemon last failed to answer in this process, and when.
static LAST_SILENCE: Mutex<Option<(PathBuf, Instant)>> = Mutex::new(None);

/// Asks a running daemon. `Ok(None)` when none listens at `path`;
/// [`SystemReason::TimedOut`] when one listens but does not answer within
/// [`ANSWER_WITHIN`] (or did not a moment ago).
pub fn ask(path: &Path, request: Request) -> Result<Option<Reply>, SystemReason> {
    let silence = || LAST_SILENCE.lock().unwrap_or_else(|e| e.into_inner());
    if silence()
        .as_ref()
        .is_some_and(|(at, since)| at == path && since.elapsed() < SILENT_FOR)
    {
        return Err(SystemReason::TimedOut);
    }
    let answer = ask_now(path, request);
    if let Err(SystemReason::TimedOut) = answer {
        *silence() = Some((path.to_path_buf(), Instant::now()));
    }
    answer
}

fn ask_now(path: &Path, request: Request) -> Result<Option<Reply>, SystemReason> {
    let stream = match connect(path) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(None)
        }
        // A stopped daemon whose queue is full hangs up on the connection
        // without a reason (socket2 says "no error set after POLLHUP").
        Err(e) if e.kind() == std::io::ErrorKind::Other => return Err(SystemReason::TimedOut),
        Err(e) => return Err(failed(e)),
    };
    stream
        .set_read_timeout(Some(ANSWER_WITHIN))
        .and_then(|()| stream.set_write_timeout(Some(ANSWER_WITHIN)))
        .map_err(failed)?;
    send(&stream, &request).map_err(failed)?;
    let mut line = String::new();
    BufReader::new(&stream)
        .read_line(&mut line)
        .map_err(failed)?;
    match serde_json::from_str(&line) {
        Ok(Answer::Status(reply)) => Ok(Some(*reply)),
        Ok(Answer::Refused(_)) => Err(SystemReason::NotUnderstood),
        Err(_) => Err(SystemReason::UnreadableAnswer),
    }
}

fn failed(e: std::io::Error) -> SystemReason {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => SystemReason::TimedOut,
        _ => SystemReason::of_io(&e),
    }
}

/// Connects within [`ANSWER_WITHIN`]: when a stopped daemon's queue of
/// unaccepted connections is full, a plain connect would wait forever.
fn connect(path: &Path) -> std::io::Result<UnixStream> {
    let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)?;
    socket.connect_timeout(&socket2::SockAddr::unix(path)?, ANSWER_WITHIN)?;
    socket.set_nonblocking(false)?;
    Ok(UnixStream::from(std::os::fd::OwnedFd::from(socket)))
}

/// Writes one value as one line of JSON.
fn send<T: Serialize>(mut to: &UnixStream, value: &T) -> std::io::Result<()> {
    let mut line = serde_json::to_string(value).map_err(std::io::Error::other)?;
    line.push('\n');
    to.write_all(line.as_bytes())
}

/// The daemon's side: reads one request from a client that connected,
/// waiting no longer than [`ANSWER_WITHIN`] for it. `Ok(Err(why))` is a
/// request that is not one, to be refused with [`refuse`].
pub fn read_request(stream: &UnixStream) -> std::io::Result<Result<Request, String>> {
    stream.set_read_timeout(Some(ANSWER_WITHIN))?;
    stream.set_write_timeout(Some(ANSWER_WITHIN))?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    Ok(serde_json::from_str(&line).map_err(|e| format!("unknown request: {e}")))
}

/// The daemon's side: the status, to the client that asked.
pub fn reply(stream: &UnixStream, reply: Reply) -> std::io::Result<()> {
    send(stream, &Answer::Status(Box::new(reply)))
}

/// The daemon's side: a request it did not understand, told as such.
pub fn refuse(stream: &UnixStream, why: String) -> std::io::Result<()> {
    send(stream, &Answer::Refused(why))
}

#[cfg(test)]
mod tests;
