//! A failure on its way to the person: a catalogue problem and an exit code.

use iyashi_core::catalogue::keeping::KeepingProblem;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::Problem;
use iyashi_core::entry::EntryError;
use iyashi_store::StoreError;

/// Exit code for input a person can correct (like clap's usage errors).
pub const BAD_INPUT: u8 = 2;
/// Exit code for everything else that stopped a command.
pub const FAILED: u8 = 1;
/// A stop that is no failure: standard output's reader has gone.
const READER_GONE: u8 = 0;

/// Why a command stopped, told in one line.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, in the catalogue's words.
    pub problem: Problem,
    /// The exit code: [`BAD_INPUT`], [`FAILED`] or 0 when the reader left.
    pub code: u8,
}

impl Failure {
    /// Something the person can correct (exit code 2).
    pub fn bad_input(problem: Problem) -> Failure {
        Failure {
            problem,
            code: BAD_INPUT,
        }
    }

    /// Anything else that stopped the command (exit code 1).
    pub fn failed(problem: Problem) -> Failure {
        Failure {
            problem,
            code: FAILED,
        }
    }

    /// Writing to standard output failed: a full disk is a failure, but a
    /// closed pipe only means the reader has what it wanted and has gone
    /// (`iyashi log | head`), so the command stops there and ends quietly.
    pub fn output(e: std::io::Error) -> Failure {
        let code = if e.kind() == std::io::ErrorKind::BrokenPipe {
            READER_GONE
        } else {
            FAILED
        };
        Failure {
            problem: Problem::StdoutUnwritable(SystemReason::of_io(&e)),
            code,
        }
    }

    /// The command stopped because nobody reads its output any more; it
    /// ends with exit 0 and says nothing.
    pub fn reader_gone(&self) -> bool {
        self.code == READER_GONE
    }
}

impl From<EntryError> for Failure {
    fn from(e: EntryError) -> Failure {
        Failure::bad_input(Problem::Entry(e))
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        let shown = |p: &std::path::Path| p.display().to_string();
        match e {
            StoreError::NotADatabase { path } => {
                Failure::failed(Problem::NotADatabase { path: shown(&path) })
            }
            StoreError::Newer {
                path,
                found,
                supported,
            } => Failure::failed(Problem::NewerDatabase {
                path: shown(&path),
                found,
                supported,
            }),
            // (A conflict is told with its line by `import`; this is the
            // fallback should another caller meet one.)
            StoreError::Sqlite { ref path, .. }
            | StoreError::Io { ref path, .. }
            | StoreError::BadRow { ref path, .. }
            | StoreError::Conflict { ref path, .. } => Failure::failed(Problem::Storage {
                path: shown(path),
                reason: e.reason(),
            }),
            StoreError::NotAFile { path, kind } => {
                Failure::failed(Problem::Keeping(KeepingProblem::NotAFile {
                    path: shown(&path),
                    kind,
                }))
            }
            StoreError::ReadOnly { path } => {
                Failure::failed(Problem::Keeping(KeepingProblem::ReadOnly {
                    path: shown(&path),
                }))
            }
        }
    }
}
