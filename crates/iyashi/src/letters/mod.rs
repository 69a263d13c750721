//! `iyashi letters`: the opt-in client of the letters service. Resting
//! together and kind letters between strangers; off unless config.toml
//! turns it on, and calm when the service cannot be reached: a letter, an
//! answer, a thank-you or a report made offline is kept and sent the next
//! time the service answers.
//!
//! The use-cases are the application layer's ([`iyashi_app::letters`]);
//! this face reads the words from the command line and prints the answers.

use std::ffi::OsString;

use clap::{Args, Subcommand};
use iyashi_app::letters::{last_inbox, last_known_thanks, Letters, ThanksReceived, Trouble};
use iyashi_core::catalogue::letters::LettersSays;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use iyashi_letters::protocol::Inbox;
use iyashi_letters::text::for_display;
use serde::Serialize;

use crate::context::Context;
use crate::failure::Failure;
use crate::input::entry_text;
use crate::output::{print, print_json};

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

pub fn run(ctx: &Context, args: &LettersArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    match act(ctx, args) {
        Ok(()) => Ok(()),
        Err(Trouble::Calm(says)) => print(&format!("{}\n", says.render(lang))),
        Err(Trouble::Refused(says, code)) => {
            // The catalogue's problems are the journal's; letters have their
            // own sentences, so they are told here and the exit code kept.
            crate::output::tell("iyashi", &says.render(lang));
            std::process::exit(code.into())
        }
    }
}

fn act(ctx: &Context, args: &LettersArgs) -> Result<(), Trouble> {
    let lang = ctx.lang;
    let text_of = |words: &[OsString]| {
        entry_text(words)
            .map_err(|f| Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code))
    };
    let mut letters = Letters::open(&ctx.home.dir, &ctx.config.letters)?;
    match &args.action {
        LettersAction::Write { text } => {
            let written = letters.write(&text_of(text)?)?;
            say(lang, &written.said())
        }
        LettersAction::Inbox { json } => {
            let (inbox, later) = match letters.inbox(ctx.now) {
                Ok(found) => found,
                // Away: said calmly, and the thanks last heard of, with when.
                // A script reads JSON either way: the calm line as `said`,
                // no letters, and the figure last heard of.
                Err(Trouble::Calm(says)) if *json => {
                    let thanks = last_known_thanks(&ctx.home.dir).unwrap_or_default();
                    return print_json(&InboxJson::away(says.render(lang), &thanks)).map_err(|f| {
                        Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code)
                    });
                }
                // The letters last read too, with when, as the web room
                // shows them.
                Err(Trouble::Calm(says)) => {
                    let thanks = last_known_thanks(&ctx.home.dir).unwrap_or_default();
                    let thanks_line = thanks.said(&ctx.tz);
                    let Some(last) = last_inbox(&ctx.home.dir) else {
                        return say(
                            lang,
                            &std::iter::once(says).chain(thanks_line).collect::<Vec<_>>(),
                        );
                    };
                    let as_of = LettersSays::InboxAsOf(ctx.tz.to_datetime(last.as_of));
                    say(lang, &[says, as_of])?;
                    // A blank line between what is said and the letters.
                    say(lang, &[LettersSays::Other(String::new())])?;
                    return print_inbox(lang, &last.inbox, &thanks, thanks_line);
                }
                Err(trouble) => return Err(trouble),
            };
            let thanks = letters.thanks(ctx.now);
            if *json {
                return print_json(&InboxJson::new(inbox, &thanks)).map_err(|f| {
                    Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code)
                });
            }
            if !later.is_empty() {
                say(lang, &[LettersSays::SentLater(later)])?;
            }
            print_inbox(lang, &inbox, &thanks, thanks.said(&ctx.tz))
        }
        LettersAction::Reply { id, text } => {
            let written = letters.reply(id, &text_of(text)?)?;
            say(lang, &written.said_of_answer())
        }
        LettersAction::Thank { id } => say(lang, &letters.thank(id)?.said_of_thanks()),
        LettersAction::Report { id } => say(lang, &letters.report(id)?.said_of_report()),
        LettersAction::Rest => {
            let resting = letters.rest()?;
            say(lang, &[LettersSays::Resting(resting)])
        }
    }
}

/// `letters inbox --json`: the inbox as the service sent it, with the
/// thanks the person's own answers received (what the text and the web
/// room show); while the service is away, no inbox, the calm line and the
/// figure last heard of.
#[derive(Serialize)]
struct InboxJson {
    /// Absent while the service cannot be reached.
    #[serde(flatten)]
    inbox: Option<Inbox>,
    /// Whether the service could not be reached just now.
    away: bool,
    /// The calm line about it, in the person's language, while away.
    #[serde(skip_serializing_if = "Option::is_none")]
    said: Option<String>,
    thanks: ThanksJson,
}

#[derive(Serialize)]
struct ThanksJson {
    /// How many of the person's answers were thanked.
    times: u64,
    /// The strangers' letters whose answer from this person was thanked.
    letters: Vec<String>,
    /// When the figure is from while the service could not be asked
    /// (RFC 3339); null when it is fresh.
    as_of: Option<String>,
}

impl InboxJson {
    fn new(inbox: Inbox, thanks: &ThanksReceived) -> InboxJson {
        InboxJson {
            inbox: Some(inbox),
            away: false,
            said: None,
            thanks: ThanksJson::of(thanks),
        }
    }

    fn away(said: String, thanks: &ThanksReceived) -> InboxJson {
        InboxJson {
            inbox: None,
            away: true,
            said: Some(said),
            thanks: ThanksJson::of(thanks),
        }
    }
}

impl ThanksJson {
    fn of(thanks: &ThanksReceived) -> ThanksJson {
        ThanksJson {
            times: thanks.times,
            letters: thanks.letters.clone(),
            as_of: thanks.as_of.map(|at| at.to_string()),
        }
    }
}

fn say(lang: Lang, lines: &[LettersSays]) -> Result<(), Trouble> {
    let text: String = lines
        .iter()
        .map(|l| format!("{}\n", l.render(lang)))
        .collect();
    print(&text).map_err(|f| Trouble::Refused(LettersSays::Other(f.problem.render(lang)), f.code))
}

/// The inbox, under the warm line about thanks received when there is one.
fn print_inbox(
    lang: Lang,
    inbox: &Inbox,
    thanks: &ThanksReceived,
    thanks_line: Option<LettersSays>,
) -> Result<(), Trouble> {
    if inbox.letters.is_empty() && inbox.replies.is_empty() {
        return say(
            lang,
            &thanks_line
                .into_iter()
                .chain([LettersSays::NothingYet])
                .collect::<Vec<_>>(),
        );
    }
    let done = LettersSays::Done.render(lang);
    let mut out = String::new();
    if let Some(line) = thanks_line {
        out.push_str(&format!("{}\n\n", line.render(lang)));
    }
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
            if letter.answered && thanks.thanked(&letter.id) {
                out.push_str(&format!(
                    "  {}\n\n",
                    LettersSays::AnswerThanked.render(lang)
                ));
            }
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
}
