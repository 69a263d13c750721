//! What a moderator can do, from the `iyashi-letters admin` command: see
//! what was hidden after reports, keep or remove it, and block keys.

use crate::protocol::ReportKind;
use crate::store::{Decision, KeyHash, Store, StoreError};

/// One moderator action.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Action {
    /// List letters and replies hidden after reports, as JSON lines.
    Pending,
    /// Show a hidden letter or reply again, for good.
    Keep {
        /// `letter` or `reply`.
        kind: Kind,
        /// Its id.
        id: String,
    },
    /// Remove a hidden letter or reply for good.
    Remove {
        /// `letter` or `reply`.
        kind: Kind,
        /// Its id.
        id: String,
    },
    /// Block a key (its hash, hex, as `pending` shows it).
    Block {
        /// The key hash.
        key_hash: String,
    },
    /// Unblock a key.
    Unblock {
        /// The key hash.
        key_hash: String,
    },
    /// Print every row of every table, one a line.
    Dump,
}

/// A letter or a reply, on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// A letter.
    Letter,
    /// A reply.
    Reply,
}

impl From<Kind> for ReportKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Letter => ReportKind::Letter,
            Kind::Reply => ReportKind::Reply,
        }
    }
}

/// Runs one action and returns the lines to print.
pub async fn run(store: &Store, action: Action, now: i64) -> Result<Vec<String>, String> {
    let err = |e: StoreError| e.to_string();
    match action {
        Action::Pending => Ok(store
            .pending()
            .await
            .map_err(err)?
            .iter()
            .map(|p| serde_json::to_string(p).expect("plain data serialises"))
            .collect()),
        Action::Keep { kind, id } => {
            store
                .decide(kind.into(), id, Decision::Keep)
                .await
                .map_err(err)?;
            Ok(vec!["kept".into()])
        }
        Action::Remove { kind, id } => {
            store
                .decide(kind.into(), id, Decision::Remove)
                .await
                .map_err(err)?;
            Ok(vec!["removed".into()])
        }
        Action::Block { key_hash } => {
            store
                .set_blocked(parse_hash(&key_hash)?, true, now)
                .await
                .map_err(err)?;
            Ok(vec!["blocked".into()])
        }
        Action::Unblock { key_hash } => {
            store
                .set_blocked(parse_hash(&key_hash)?, false, now)
                .await
                .map_err(err)?;
            Ok(vec!["unblocked".into()])
        }
        Action::Dump => store.dump().await.map_err(err),
    }
}

fn parse_hash(text: &str) -> Result<KeyHash, String> {
    hex::decode(text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("{text:?} is not a key hash (64 hex digits)"))
}
