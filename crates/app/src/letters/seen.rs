//! The inbox as last read from the service, kept in `letters-inbox.json`
//! in the home folder: while the service is away a face still shows the
//! letters already fetched (with when they are from) instead of nothing.
//! What waits in the outbox is shown as done: a letter answered offline
//! reads as answered, an answer thanked offline as thanked, so nobody
//! answers or thanks twice.

use std::path::{Path, PathBuf};

use iyashi_letters::protocol::Inbox;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::outbox::{Deed, Kept, Outbox};
use super::shown;
use crate::whole_file::write_atomically;

#[derive(Serialize, Deserialize)]
struct Seen {
    inbox: Inbox,
    /// Seconds since the epoch.
    read_at: i64,
}

/// The letters last read, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastInbox {
    /// The letters and answers, as last read.
    pub inbox: Inbox,
    /// When they were read.
    pub as_of: Timestamp,
}

fn seen_path(dir: &Path) -> PathBuf {
    dir.join("letters-inbox.json")
}

/// Keeps the inbox just read. Not kept (a full disk): nothing is lost but
/// the view while away.
pub(super) fn keep(dir: &Path, inbox: &Inbox, now: Timestamp) {
    let seen = Seen {
        inbox: inbox.clone(),
        read_at: now.as_second(),
    };
    let _ = serde_json::to_vec(&seen)
        .map_err(std::io::Error::other)
        .and_then(|bytes| write_atomically(&seen_path(dir), &bytes));
}

/// The letters last read in the home folder `dir`, with what waits in the
/// outbox shown as done; `None` when none were ever read.
pub fn last_inbox(dir: &Path) -> Option<LastInbox> {
    let text = std::fs::read_to_string(seen_path(dir)).ok()?;
    let seen: Seen = serde_json::from_str(&text).ok()?;
    // The file is the person's own, but a stranger's words never reach a
    // screen without being made harmless, wherever they were read from.
    let mut inbox = shown(seen.inbox);
    mark_done(
        &mut inbox,
        &Outbox::in_dir(dir).letters().unwrap_or_default(),
    );
    Some(LastInbox {
        inbox,
        as_of: Timestamp::from_second(seen.read_at).ok()?,
    })
}

/// Shows the letters answered and the answers thanked by `kept` (waiting
/// in the outbox, or just sent from it) as done.
pub(super) fn mark_done(inbox: &mut Inbox, kept: &[Kept]) {
    for kept in kept {
        let Some(to) = &kept.to else { continue };
        match kept.deed {
            None => inbox
                .letters
                .iter_mut()
                .filter(|l| l.id == *to)
                .for_each(|l| l.answered = true),
            Some(Deed::Thank) => inbox
                .replies
                .iter_mut()
                .filter(|r| r.id == *to)
                .for_each(|r| r.thanked = true),
            Some(Deed::Report) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_letters::protocol::{ReceivedLetter, ReceivedReply};

    fn an_inbox() -> Inbox {
        Inbox {
            letters: vec![ReceivedLetter {
                id: "l1".into(),
                body: "tired\u{202e}today".into(),
                answered: false,
            }],
            replies: vec![ReceivedReply {
                id: "r1".into(),
                letter_id: "mine".into(),
                letter_body: "a long week".into(),
                body: "you did enough".into(),
                thanked: false,
            }],
        }
    }

    #[test]
    fn never_read_is_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(last_inbox(dir.path()), None);
    }

    #[test]
    fn the_last_letters_come_back_with_when_and_what_was_done_offline() {
        let dir = tempfile::tempdir().unwrap();
        let at = Timestamp::from_second(1_764_650_000).unwrap();
        keep(dir.path(), &an_inbox(), at);
        // Strangers' words, kept for the person alone.
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(seen_path(dir.path()))
                .unwrap()
                .permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);
        let last = last_inbox(dir.path()).unwrap();
        assert_eq!(last.as_of, at);
        assert_eq!(last.inbox.letters[0].body, "tiredtoday", "made harmless");
        assert!(!last.inbox.letters[0].answered);

        let outbox = Outbox::in_dir(dir.path());
        for (to, deed) in [("l1", None), ("r1", Some(Deed::Thank))] {
            outbox
                .keep(Kept {
                    body: "kind words".into(),
                    key: format!("k-{to}"),
                    to: Some(to.into()),
                    deed,
                })
                .unwrap();
        }
        let last = last_inbox(dir.path()).unwrap();
        assert!(last.inbox.letters[0].answered);
        assert!(last.inbox.replies[0].thanked);
    }
}
