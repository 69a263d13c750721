//! What became of a use-case: a letter, answer, thank-you or report sent
//! or kept, or the
//! trouble that stopped it, each with the sentences that tell the person.

use iyashi_core::catalogue::letters::{LettersSays, Outgoing};

use crate::failure::BAD_INPUT;

/// Why a use-case could not reach or use the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// Nobody's mistake (the service is away): told calmly, not a failure.
    Calm(LettersSays),
    /// A refusal or a setting to fix, with the exit code a command ends with.
    Refused(LettersSays, u8),
}

impl Trouble {
    /// The sentence that says what happened.
    pub fn says(&self) -> &LettersSays {
        match self {
            Trouble::Calm(says) | Trouble::Refused(says, _) => says,
        }
    }

    /// Whether the person can set it right (too long, empty, unknown id,
    /// letters off), rather than something that went wrong elsewhere.
    pub fn is_bad_input(&self) -> bool {
        matches!(self, Trouble::Refused(_, code) if *code == BAD_INPUT)
    }
}

/// What became of a letter, an answer, a thank-you or a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// It went, and so did `later`, kept while offline.
    Sent {
        /// What was kept earlier and sent with this one.
        later: Outgoing,
    },
    /// The service could not take it now (`why`); it waits in the outbox.
    Kept {
        /// Why it could not go now.
        why: LettersSays,
    },
}

impl Written {
    /// What to tell the person of a letter, line by line.
    pub fn said(&self) -> Vec<LettersSays> {
        self.told(LettersSays::Sent, LettersSays::KeptForLater)
    }

    /// What to tell the person of an answer to a stranger's letter.
    pub fn said_of_answer(&self) -> Vec<LettersSays> {
        self.told(LettersSays::Replied, LettersSays::AnswerKeptForLater)
    }

    /// What to tell the person of a thank-you.
    pub fn said_of_thanks(&self) -> Vec<LettersSays> {
        self.told(LettersSays::Thanked, LettersSays::ThanksKeptForLater)
    }

    /// What to tell the person of a report.
    pub fn said_of_report(&self) -> Vec<LettersSays> {
        self.told(LettersSays::Reported, LettersSays::ReportKeptForLater)
    }

    /// Whether it waits in the outbox.
    pub fn is_kept(&self) -> bool {
        matches!(self, Written::Kept { .. })
    }

    fn told(&self, sent: LettersSays, kept: LettersSays) -> Vec<LettersSays> {
        match self {
            Written::Sent { later } if later.is_empty() => vec![sent],
            Written::Sent { later } => vec![sent, LettersSays::SentLater(*later)],
            Written::Kept { why } => vec![why.clone(), kept],
        }
    }
}
