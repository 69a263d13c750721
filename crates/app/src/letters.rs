//! Kind letters and resting together, once for every face: write, reply,
//! thank and report (each kept in an outbox while the service cannot be
//! reached), read the inbox, and the heartbeat of a break. The command line, the web
//! room and the tray call these and only show what they answer.
//!
//! Letters are opt-in: nothing here makes a key or touches the network
//! unless `[letters]` is turned on and names a server. Every call blocks for
//! at most the client's timeout, so a face that must not block (the web
//! server's async threads) runs them on a thread of their own.

use std::path::{Path, PathBuf};
use std::time::Duration;

use iyashi_core::catalogue::letters::{LettersSays, Outgoing};
use iyashi_core::config::LettersSettings;
use iyashi_core::Lang;
use iyashi_letters::client::{load_or_create_identity, Client, ClientError};
use iyashi_letters::protocol::{
    is_item_id, new_idempotency_key, ErrorCode, Inbox, ReportKind, LETTER_MAX_CHARS,
    REPLY_MAX_CHARS,
};
use iyashi_letters::text::for_display;
use jiff::Timestamp;

use crate::failure::{BAD_INPUT, FAILED};

mod outbox;
mod outcome;
mod seen;
mod thanks;

use outbox::{Deed, Kept, Outbox};
pub use outcome::{Trouble, Written};
pub use seen::{last_inbox, LastInbox};
pub use thanks::{last_known_thanks, ThanksReceived, THANKS_FRESH};

/// How long a person's own request may wait for the service.
const PERSON_WAITS: Duration = Duration::from_secs(5);
/// How long a heartbeat may wait: a room keeps breathing meanwhile.
const HEARTBEAT_WAITS: Duration = Duration::from_secs(2);

/// One person's way to the letters service.
pub struct Letters {
    dir: PathBuf,
    client: Client,
}

/// The key file: the only identity a person has on the service.
fn key_path(dir: &Path) -> PathBuf {
    dir.join("letters-key")
}

impl Letters {
    /// The service for the person whose home folder is `dir`, if letters
    /// are on and a server is set. The key is made here on first use.
    pub fn open(dir: &Path, settings: &LettersSettings) -> Result<Letters, Trouble> {
        if !settings.enabled {
            return Err(Trouble::Refused(LettersSays::Off, BAD_INPUT));
        }
        if settings.server.trim().is_empty() {
            return Err(Trouble::Refused(LettersSays::NoServer, BAD_INPUT));
        }
        let identity = load_or_create_identity(&key_path(dir))
            .map_err(|e| Trouble::Refused(LettersSays::KeyUnusable(e.to_string()), FAILED))?;
        let client = Client::new(&settings.server, identity)
            .map_err(|_| Trouble::Refused(LettersSays::OnlyHttp, BAD_INPUT))?
            .with_timeout(PERSON_WAITS);
        Ok(Letters {
            dir: dir.to_path_buf(),
            client,
        })
    }

    /// Sends a worry or wish to a few strangers, or keeps it to send later
    /// when the service cannot take it now; letters kept earlier go too.
    pub fn write(&self, text: &str) -> Result<Written, Trouble> {
        // Checked here too, so a letter kept offline is one that can be sent.
        let body = check_length(text, LETTER_MAX_CHARS)?;
        self.send_or_keep(
            Kept {
                body,
                key: new_idempotency_key(),
                to: None,
                deed: None,
            },
            LETTER_MAX_CHARS,
        )
    }

    /// Sends a letter, an answer, a thank-you or a report; kept in the
    /// outbox when the service cannot take it now. Kept ones waiting from
    /// before go too.
    fn send_or_keep(&self, letter: Kept, max: usize) -> Result<Written, Trouble> {
        match self.send(&letter) {
            Ok(_) => Ok(Written::Sent {
                later: outbox::count(&self.send_kept()),
            }),
            // Not about the letter: the service was away, busy, or its
            // database was. The letter waits, with its key, and goes with
            // the next use that reaches the service.
            Err(e) if e.is_temporary() => {
                // Away is said without "try again": it goes by itself.
                let why = match e.code().map(|code| says_for(code, max)) {
                    None | Some(LettersSays::Offline) => LettersSays::OfflineKept,
                    Some(why) => why,
                };
                Outbox::in_dir(&self.dir).keep(letter).map_err(|e| {
                    Trouble::Refused(LettersSays::CannotKeep(e.to_string()), FAILED)
                })?;
                Ok(Written::Kept { why })
            }
            Err(e) => Err(trouble(e, max)),
        }
    }

    /// One attempt, under the key the letter was kept with. Thanks and
    /// reports need no key: the service counts a thank-you once however
    /// often it comes, and refuses a second report as already done.
    fn send(&self, letter: &Kept) -> Result<(), ClientError> {
        match (letter.deed, &letter.to) {
            (None, None) => self.client.write_once(&letter.body, &letter.key).map(drop),
            (None, Some(letter_id)) => self
                .client
                .reply_once(letter_id, &letter.body, &letter.key)
                .map(drop),
            (Some(Deed::Thank), Some(reply_id)) => self.client.thank(reply_id),
            (Some(Deed::Report), Some(id)) => {
                // The inbox tells which of the two the id is, so a person
                // never has to.
                let inbox = self.client.inbox()?;
                let kind = if inbox.replies.iter().any(|r| r.id == *id) {
                    ReportKind::Reply
                } else {
                    ReportKind::Letter
                };
                self.client.report(kind, id)
            }
            // The outbox never reads such a line back; were one made, it
            // could never go, so it is refused for good.
            (Some(_), None) => Err(ClientError::Unsupported(
                "a thank-you or report names what it is for".into(),
            )),
        }
    }

    /// The inbox as every face shows it (strangers' words without characters
    /// that could play tricks on a screen), and what was kept offline and
    /// sent on the way (a letter answered or an answer thanked that way
    /// shows as done). A copy is kept for while the service is away
    /// ([`last_inbox`]).
    pub fn inbox(&self, now: Timestamp) -> Result<(Inbox, Outgoing), Trouble> {
        let mut inbox = self.peek()?;
        let sent = self.send_kept();
        seen::mark_done(&mut inbox, &sent);
        seen::keep(&self.dir, &inbox, now);
        Ok((inbox, outbox::count(&sent)))
    }

    /// The inbox alone, sending nothing: for a face that only looks
    /// whether something waits.
    pub fn peek(&self) -> Result<Inbox, Trouble> {
        self.client
            .inbox()
            .map(shown)
            .map_err(|e| trouble(e, LETTER_MAX_CHARS))
    }

    /// Answers a stranger's letter kindly, or keeps the answer to send
    /// later, as [`Letters::write`] does a letter.
    pub fn reply(&self, letter_id: &str, text: &str) -> Result<Written, Trouble> {
        let body = check_length(text, REPLY_MAX_CHARS)?;
        self.send_or_keep(
            Kept {
                body,
                key: new_idempotency_key(),
                to: Some(letter_id.trim().to_string()),
                deed: None,
            },
            REPLY_MAX_CHARS,
        )
    }

    /// Thanks an answer to one of the person's letters, or keeps the
    /// thanks to pass on later, as [`Letters::write`] does a letter.
    pub fn thank(&self, reply_id: &str) -> Result<Written, Trouble> {
        self.send_or_keep(deed(Deed::Thank, reply_id)?, LETTER_MAX_CHARS)
    }

    /// Reports a letter or an answer that should not be there, or keeps
    /// the report to send later.
    pub fn report(&self, id: &str) -> Result<Written, Trouble> {
        self.send_or_keep(deed(Deed::Report, id)?, LETTER_MAX_CHARS)
    }

    /// One heartbeat: how many people are resting now, this one included.
    pub fn rest(&mut self) -> Result<u64, Trouble> {
        self.client.rest().map_err(|e| trouble(e, LETTER_MAX_CHARS))
    }

    /// Sends what was kept while offline, each under the key it was kept
    /// with; keeps whatever still cannot be sent. Returns what went.
    fn send_kept(&self) -> Vec<Kept> {
        let outbox = Outbox::in_dir(&self.dir);
        let Ok(waiting) = outbox.letters() else {
            return Vec::new();
        };
        let mut done = Vec::new();
        let mut sent = Vec::new();
        for letter in waiting {
            match self.send(&letter) {
                Ok(()) => sent.push(letter.clone()),
                Err(e) if e.is_temporary() => continue,
                // Refused for good (unkind words, too long, the letter an
                // answer, thank-you or report was for is gone, already
                // thanked or reported): quietly not kept, never retried.
                Err(_) => {}
            }
            done.push(letter.key);
        }
        let _ = outbox.forget(&done);
        sent
    }
}

/// Whether anything in `inbox` waits for the person: a letter not yet
/// answered, or an answer not yet thanked.
pub fn something_waits(inbox: &Inbox) -> bool {
    inbox.letters.iter().any(|l| !l.answered) || inbox.replies.iter().any(|r| !r.thanked)
}

/// What waits in the outbox of the home folder `dir`, by kind.
pub fn kept_for_later(dir: &Path) -> Outgoing {
    Outbox::in_dir(dir).counted().unwrap_or_default()
}

/// A thank-you or report of `id`, once the id is one that could be sent:
/// what never could is refused at once rather than kept.
fn deed(deed: Deed, id: &str) -> Result<Kept, Trouble> {
    let id = id.trim();
    if !is_item_id(id) {
        return Err(Trouble::Refused(LettersSays::NotFound, BAD_INPUT));
    }
    Ok(Kept {
        body: String::new(),
        key: new_idempotency_key(),
        to: Some(id.to_string()),
        deed: Some(deed),
    })
}

/// The person's sentence for each of the service's codes: every code has
/// one, in both languages, and the service's own English never reaches
/// the person. `max` is the limit of what was being sent.
pub fn says_for(code: ErrorCode, max: usize) -> LettersSays {
    match code {
        ErrorCode::NotFound => LettersSays::NotFound,
        ErrorCode::AlreadyDone => LettersSays::AlreadyDone,
        ErrorCode::Empty => LettersSays::Empty,
        ErrorCode::TooLong | ErrorCode::TooLarge => LettersSays::TooLong { max },
        ErrorCode::UnkindWords => LettersSays::Unkind,
        ErrorCode::RateLimited => LettersSays::Slowly,
        ErrorCode::Blocked => LettersSays::Blocked,
        ErrorCode::ClockSkew => LettersSays::ClockOff,
        ErrorCode::Unauthorized | ErrorCode::WorkNeeded | ErrorCode::Replayed => {
            LettersSays::NotAccepted
        }
        ErrorCode::BadBody | ErrorCode::BadJson | ErrorCode::Unknown => LettersSays::NotUnderstood,
        ErrorCode::Unavailable | ErrorCode::Internal => LettersSays::Offline,
    }
}

fn trouble(e: ClientError, max: usize) -> Trouble {
    match e {
        ClientError::Unreachable(_) => Trouble::Calm(LettersSays::Offline),
        ClientError::Unsupported(_) => Trouble::Refused(LettersSays::OnlyHttp, BAD_INPUT),
        ClientError::Refused { body, .. } => {
            let says = says_for(body.error, max);
            match body.error {
                ErrorCode::Unavailable | ErrorCode::Internal => Trouble::Calm(says),
                code if matches!(code.status(), 404 | 409 | 413 | 422) => {
                    Trouble::Refused(says, BAD_INPUT)
                }
                _ => Trouble::Refused(says, FAILED),
            }
        }
    }
}

/// The text, trimmed, if it has words and at most `max` characters (not
/// bytes: a Japanese character counts once).
pub fn check_length(text: &str, max: usize) -> Result<String, Trouble> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Trouble::Refused(LettersSays::Empty, BAD_INPUT));
    }
    if text.chars().count() > max {
        return Err(Trouble::Refused(LettersSays::TooLong { max }, BAD_INPUT));
    }
    Ok(text.to_string())
}

/// The inbox as every face shows it: strangers' words (and the person's
/// own, as the service returns them) without characters that could play
/// tricks on a screen.
fn shown(mut inbox: Inbox) -> Inbox {
    for letter in &mut inbox.letters {
        letter.body = for_display(&letter.body);
    }
    for reply in &mut inbox.replies {
        reply.body = for_display(&reply.body);
        reply.letter_body = for_display(&reply.letter_body);
    }
    inbox
}

/// "N of you are resting right now", for the rooms.
///
/// Made once when a break starts; [`RestTogether::beat`] is then called
/// every 30 seconds or so while the break lasts (from a thread of its own:
/// it may block for up to two seconds). It answers `None` when letters are
/// off or the service cannot be reached, and the room then simply shows
/// nothing about it.
pub struct RestTogether {
    letters: Letters,
}

impl RestTogether {
    /// `None` unless letters are turned on and a server is set.
    pub fn new(home_dir: &Path, settings: &LettersSettings) -> Option<RestTogether> {
        let mut letters = Letters::open(home_dir, settings).ok()?;
        letters.client = letters.client.with_timeout(HEARTBEAT_WAITS);
        Some(RestTogether { letters })
    }

    /// Sends one heartbeat; how many people are resting, this one included.
    pub fn beat(&mut self) -> Option<u64> {
        self.letters.rest().ok()
    }

    /// The sentence to show, in the room's language.
    pub fn sentence(resting: u64, lang: Lang) -> String {
        use iyashi_core::catalogue::Message;
        LettersSays::Resting(resting).render(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_of_the_service_has_a_sentence_in_both_languages() {
        use iyashi_core::catalogue::Message;
        for code in ErrorCode::ALL.into_iter().chain([ErrorCode::Unknown]) {
            let says = says_for(code, 600);
            assert!(!matches!(says, LettersSays::Other(_)), "{code:?}");
            let ja = says.render(Lang::Ja);
            assert!(
                !ja.is_ascii() && !ja.contains(code.sentence()),
                "{code:?}: {ja}"
            );
        }
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert!(check_length(&"あ".repeat(600), 600).is_ok());
        assert!(check_length(&"あ".repeat(601), 600).is_err());
        assert!(check_length("   ", 600).is_err());
    }

    #[test]
    fn letters_are_off_until_turned_on() {
        let dir = tempfile::tempdir().unwrap();
        assert!(RestTogether::new(dir.path(), &LettersSettings::default()).is_none());
        assert!(matches!(
            Letters::open(dir.path(), &LettersSettings::default()),
            Err(Trouble::Refused(LettersSays::Off, BAD_INPUT))
        ));
        // Turned off, no key is made either.
        assert!(!key_path(dir.path()).exists());
    }

    #[test]
    fn a_letter_or_answer_written_while_the_service_is_away_is_kept_with_its_words() {
        let dir = tempfile::tempdir().unwrap();
        // Port 9 on loopback: nothing listens there on a test machine.
        let settings = LettersSettings {
            enabled: true,
            server: "http://127.0.0.1:9".into(),
        };
        let letters = Letters::open(dir.path(), &settings).unwrap();
        let written = letters.write("  the tea was good  ").unwrap();
        assert_eq!(
            written,
            Written::Kept {
                why: LettersSays::OfflineKept
            }
        );
        assert_eq!(kept_for_later(dir.path()).total(), 1);
        let kept = Outbox::in_dir(dir.path()).letters().unwrap();
        assert_eq!(kept[0].body, "the tea was good");
        // Too long is refused before anything is kept.
        let long = letters.write(&"a".repeat(LETTER_MAX_CHARS + 1));
        assert!(long.as_ref().is_err_and(Trouble::is_bad_input), "{long:?}");
        assert_eq!(kept_for_later(dir.path()).total(), 1);
        // An answer waits beside it, with the letter it answers.
        let answered = letters.reply("abc123", " you did enough ").unwrap();
        assert!(answered.is_kept(), "{answered:?}");
        assert_eq!(kept_for_later(dir.path()).total(), 2);
        let kept = Outbox::in_dir(dir.path()).letters().unwrap();
        assert_eq!(
            (kept[1].to.as_deref(), kept[1].body.as_str()),
            (Some("abc123"), "you did enough")
        );
        // A thank-you and a report wait too, each once; what could never
        // be sent is refused at once.
        assert!(letters.thank("reply1").unwrap().is_kept());
        assert!(letters.thank(" reply1 ").unwrap().is_kept());
        assert!(letters.report("abc123").unwrap().is_kept());
        let bad = letters.thank("no/such");
        assert!(bad.as_ref().is_err_and(Trouble::is_bad_input), "{bad:?}");
        assert_eq!(
            kept_for_later(dir.path()),
            Outgoing {
                letters: 1,
                answers: 1,
                thanks: 1,
                reports: 1,
            }
        );
        // Reading the inbox meanwhile is calm.
        assert_eq!(
            letters.peek().map(|_| ()),
            Err(Trouble::Calm(LettersSays::Offline))
        );
    }

    #[test]
    fn something_waits_until_answered_and_thanked() {
        use iyashi_letters::protocol::{ReceivedLetter, ReceivedReply};
        let mut inbox = Inbox::default();
        assert!(!something_waits(&inbox));
        inbox.letters.push(ReceivedLetter {
            id: "a".into(),
            body: "tired".into(),
            answered: true,
        });
        assert!(!something_waits(&inbox));
        inbox.replies.push(ReceivedReply {
            id: "b".into(),
            letter_id: "c".into(),
            letter_body: "mine".into(),
            body: "kind".into(),
            thanked: false,
        });
        assert!(something_waits(&inbox));
    }
}
