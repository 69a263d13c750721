//! `iyashi letters`: the opt-in client of the letters service. Resting
//! together and kind letters between strangers; off unless config.toml
//! turns it on, and calm when the service cannot be reached: a letter
//! written offline is kept and sent the next time the service answers.
//!
//! The rooms use [`RestTogether`] to show "N of you are resting right now".

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};
use iyashi_core::catalogue::letters::LettersSays;
use iyashi_core::catalogue::Message;
use iyashi_core::config::LettersSettings;
use iyashi_core::Lang;
use iyashi_letters::client::{load_or_create_identity, Client, ClientError};
use iyashi_letters::protocol::{
    new_idempotency_key, ErrorCode, Inbox, ReportKind, LETTER_MAX_CHARS, REPLY_MAX_CHARS,
};
use iyashi_letters::text::for_display;

use crate::context::Context;
use crate::failure::{Failure, BAD_INPUT, FAILED};
use crate::input::entry_text;
use crate::output::{print, print_json};

mod outbox;

use outbox::{Kept, Outbox};

#[derive(Debug, Args)]
pub struct LettersArgs {
    #[command(subcommand)]
    pub action: LettersAction,
}

#[derive(Debug, Subcommand)]
pub enum LettersAction {
    Write {
        #[arg(required = true, num_args = 1..)]
        text: Vec<OsString>,
    },
    Inbox {
        #[arg(long)]
        json: bool,
    },
    Reply {
        id: String,
        #[arg(required = true, num_args = 1..)]
        text: Vec<OsString>,
    },
    Thank {
        id: String,
    },
    Report {
        id: String,
    },
    Rest,
}

/// The key file: the only identity a person has on the service.
fn key_path(dir: &Path) -> PathBuf {
    dir.join("letters-key")
}

/// Why a command could not reach or use the service.
enum Trouble {
    /// Told calmly on standard output; not a failure of the command.
    Calm(LettersSays),
    /// A refusal or a setting to fix: told on standard error, exit code.
    Refused(LettersSays, u8),
}

pub fn run(ctx: &Context, args: &LettersArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    match act(ctx, args) {
        Ok(()) => Ok(()),
        Err(Trouble::Calm(says)) => print(&format!("{}\n", says.render(lang))),
        Err(Trouble::Refused(says, code)) => {
            // The catalogue's problems are the journal's; letters have their
            // own sentences, so they are told here and the exit code kept.
            eprintln!("iyashi: {}", says.render(lang));
            std::process::exit(code.into())
        }
    }
}

fn client_for(dir: &Path, settings: &LettersSettings) -> Result<Client, Trouble> {
    if !settings.enabled {
        return Err(Trouble::Refused(LettersSays::Off, BAD_INPUT));
    }
    if settings.server.trim().is_empty() {
        return Err(Trouble::Refused(LettersSays::NoServer, BAD_INPUT));
    }
    let identity = load_or_create_identity(&key_path(dir))
        .map_err(|e| Trouble::Refused(LettersSays::KeyUnusable(e.to_string()), FAILED))?;
    Client::new(&settings.server, identity)
        .map(|c| c.with_timeout(Duration::from_secs(5)))
        .map_err(|_| Trouble::Refused(LettersSays::OnlyHttp, BAD_INPUT))
}

/// The person's sentence for each of the service's codes: every code has
/// one, in both languages, and the service's own English never reaches
/// the person. `max` is the limit of what was being sent.
fn says_for(code: ErrorCode, max: usize) -> LettersSays {
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

fn trouble(e: ClientError) -> Trouble {
    trouble_with(e, LETTER_MAX_CHARS)
}

fn trouble_with(e: ClientError, max: usize) -> Trouble {
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

fn act(ctx: &Context, args: &LettersArgs) -> Result<(), Trouble> {
    let dir = &ctx.home.dir;
    let lang = ctx.lang;
    let text_of = |words: &[OsString]| {
        entry_text(words)
            .map_err(|f| Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code))
    };
    let mut client = client_for(dir, &ctx.config.letters)?;
    match &args.action {
        LettersAction::Write { text } => {
            let text = text_of(text)?;
            // Checked here too, so a letter kept offline is one that can be sent.
            let text = check_length(&text, LETTER_MAX_CHARS)?;
            let letter = Kept {
                body: text,
                key: new_idempotency_key(),
            };
            match client.write_once(&letter.body, &letter.key) {
                Ok(_) => {
                    let later = send_kept(dir, &client);
                    say(lang, &[LettersSays::Sent])?;
                    if later > 0 {
                        say(lang, &[LettersSays::SentLater(later)])?;
                    }
                    Ok(())
                }
                // Not about the letter: the service was away, busy, or its
                // database was. The letter waits, with its key, and goes
                // with the next command that reaches the service.
                Err(e) if e.is_temporary() => {
                    let why = match e.code() {
                        Some(code) => says_for(code, LETTER_MAX_CHARS),
                        None => LettersSays::Offline,
                    };
                    Outbox::in_dir(dir).keep(letter).map_err(|e| {
                        Trouble::Refused(LettersSays::CannotKeep(e.to_string()), FAILED)
                    })?;
                    say(lang, &[why, LettersSays::KeptForLater])
                }
                Err(e) => Err(trouble(e)),
            }
        }
        LettersAction::Inbox { json } => {
            let inbox = shown(client.inbox().map_err(trouble)?);
            let later = send_kept(dir, &client);
            if *json {
                return print_json(&inbox).map_err(|f| {
                    Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code)
                });
            }
            if later > 0 {
                say(lang, &[LettersSays::SentLater(later)])?;
            }
            print_inbox(lang, &inbox)
        }
        LettersAction::Reply { id, text } => {
            let text = check_length(&text_of(text)?, REPLY_MAX_CHARS)?;
            client
                .reply(id, &text)
                .map_err(|e| trouble_with(e, REPLY_MAX_CHARS))?;
            say(lang, &[LettersSays::Replied])
        }
        LettersAction::Thank { id } => {
            client.thank(id).map_err(trouble)?;
            say(lang, &[LettersSays::Thanked])
        }
        LettersAction::Report { id } => {
            // The inbox tells whether the id is a letter or an answer, so a
            // person never has to.
            let inbox = client.inbox().map_err(trouble)?;
            let kind = if inbox.replies.iter().any(|r| &r.id == id) {
                ReportKind::Reply
            } else {
                ReportKind::Letter
            };
            client.report(kind, id).map_err(trouble)?;
            say(lang, &[LettersSays::Reported])
        }
        LettersAction::Rest => {
            let resting = client.rest().map_err(trouble)?;
            say(lang, &[LettersSays::Resting(resting)])
        }
    }
}

fn check_length(text: &str, max: usize) -> Result<String, Trouble> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Trouble::Refused(LettersSays::Empty, BAD_INPUT));
    }
    if text.chars().count() > max {
        return Err(Trouble::Refused(LettersSays::TooLong { max }, BAD_INPUT));
    }
    Ok(text.to_string())
}

fn say(lang: Lang, lines: &[LettersSays]) -> Result<(), Trouble> {
    let text: String = lines
        .iter()
        .map(|l| format!("{}\n", l.render(lang)))
        .collect();
    print(&text).map_err(|f| Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code))
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

fn print_inbox(lang: Lang, inbox: &Inbox) -> Result<(), Trouble> {
    if inbox.letters.is_empty() && inbox.replies.is_empty() {
        return say(lang, &[LettersSays::NothingYet]);
    }
    let done = LettersSays::Done.render(lang);
    let mut out = String::new();
    if !inbox.letters.is_empty() {
        out.push_str(&format!("{}\n\n", LettersSays::LettersHeading.render(lang)));
        for letter in &inbox.letters {
            let mark = if letter.answered {
                format!(" {done}")
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  [{}]{mark}\n{}\n\n",
                letter.id,
                indent(&letter.body)
            ));
        }
        out.push_str(&format!("{}\n\n", LettersSays::HowToReply.render(lang)));
    }
    if !inbox.replies.is_empty() {
        out.push_str(&format!("{}\n\n", LettersSays::RepliesHeading.render(lang)));
        for reply in &inbox.replies {
            let mark = if reply.thanked {
                format!(" {done}")
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  [{}]{mark}\n  {}\n{}\n\n{}\n\n",
                reply.id,
                LettersSays::YouWrote.render(lang),
                indent(&reply.letter_body),
                indent(&reply.body)
            ));
        }
        out.push_str(&format!("{}\n", LettersSays::HowToThank.render(lang)));
    }
    print(&out).map_err(|f| Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code))
}

/// Strangers' words, indented, without invisible characters or bidi
/// overrides ([`for_display`]) and with control characters shown, never
/// obeyed: a letter cannot move the cursor, change colours, clear the
/// terminal or turn a line around.
fn indent(text: &str) -> String {
    for_display(text)
        .lines()
        .map(|line| format!("    {}", iyashi_core::printable::for_terminal_line(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sends letters kept while offline, each under the key it was kept with;
/// keeps whatever still cannot be sent. Returns how many went.
fn send_kept(dir: &Path, client: &Client) -> usize {
    let outbox = Outbox::in_dir(dir);
    let Ok(waiting) = outbox.letters() else {
        return 0;
    };
    let mut done = Vec::new();
    let mut sent = 0;
    for letter in waiting {
        match client.write_once(&letter.body, &letter.key) {
            Ok(_) => sent += 1,
            Err(e) if e.is_temporary() => continue,
            // Refused for good (unkind words, too long): not worth keeping.
            Err(_) => {}
        }
        done.push(letter.key);
    }
    let _ = outbox.forget(&done);
    sent
}

/// "N of you are resting right now", for the rooms.
///
/// Made once when a break starts; [`RestTogether::beat`] is then called
/// every 30 seconds or so while the break lasts (from a thread of its own:
/// it may block for up to two seconds). It answers `None` when letters are
/// off or the service cannot be reached, and the room then simply shows
/// nothing about it.
pub struct RestTogether {
    client: Client,
}

impl RestTogether {
    /// `None` unless letters are turned on and a server is set.
    pub fn new(home_dir: &Path, settings: &LettersSettings) -> Option<RestTogether> {
        let client = client_for(home_dir, settings).ok()?;
        Some(RestTogether {
            client: client.with_timeout(Duration::from_secs(2)),
        })
    }

    /// Sends one heartbeat; how many people are resting, this one included.
    pub fn beat(&mut self) -> Option<u64> {
        self.client.rest().ok()
    }

    /// The sentence to show, in the room's language.
    pub fn sentence(resting: u64, lang: Lang) -> String {
        LettersSays::Resting(resting).render(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stranger_cannot_paint_the_terminal() {
        assert_eq!(
            indent("hello\u{1b}[2Jworld\nline two\u{7}"),
            "    hello␛[2Jworld\n    line two␇"
        );
        assert_eq!(
            indent("pay \u{202e}cod.exe\u{202c} now\u{200b}"),
            "    pay cod.exe now"
        );
    }

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
        // Turned off, no key is made either.
        assert!(!key_path(dir.path()).exists());
    }
}
