//! A store failure as a kind of refusal a person can act on, so that
//! SQLite's English never reaches them.

use iyashi_core::catalogue::system::SystemReason;
use rusqlite::ErrorCode;

use crate::StoreError;

impl StoreError {
    /// What kind of refusal this is, for the catalogue to say.
    pub fn reason(&self) -> SystemReason {
        match self {
            StoreError::NotADatabase { .. } | StoreError::BadRow { .. } => SystemReason::Damaged,
            StoreError::Newer { .. } | StoreError::NotAFile { .. } => SystemReason::Unsupported,
            StoreError::ReadOnly { .. } => SystemReason::ReadOnly,
            StoreError::Conflict { .. } => SystemReason::AlreadyExists,
            StoreError::Io { source, .. } => SystemReason::of_io(source),
            StoreError::Sqlite { source, .. } => of_sqlite(source),
        }
    }
}

fn of_sqlite(e: &rusqlite::Error) -> SystemReason {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => SystemReason::Busy,
        Some(ErrorCode::DiskFull) => SystemReason::DiskFull,
        Some(ErrorCode::ReadOnly) => SystemReason::ReadOnly,
        Some(ErrorCode::PermissionDenied | ErrorCode::AuthorizationForStatementDenied) => {
            SystemReason::PermissionDenied
        }
        Some(ErrorCode::CannotOpen) => SystemReason::CannotOpen,
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => SystemReason::Damaged,
        Some(ErrorCode::TooBig) => SystemReason::TooLarge,
        _ => match e {
            rusqlite::Error::SqliteFailure(f, _) => SystemReason::Other(Some(f.extended_code)),
            _ => SystemReason::Other(None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_database_is_busy_not_sqlite_s_english() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        let e = StoreError::Sqlite {
            path: "iyashi.db".into(),
            source: busy,
        };
        assert_eq!(e.reason(), SystemReason::Busy);
    }
}
