//! What a person reads about kind letters where they are: the web room's
//! letter words (its labels, and the sentences it says in place of the
//! command line's) and the tray's "Write a kind letter", in both languages.
//! Snapshot-tested, so a change of wording is a reviewed one.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::catalogue::letters::{LettersSays, Outgoing};
use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::web::WebLabel;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;

const LABELS: &[WebLabel] = &[
    WebLabel::Letters,
    WebLabel::LetterWrite,
    WebLabel::LetterPlaceholder,
    WebLabel::LetterSend,
    WebLabel::LetterReply,
    WebLabel::LetterReplySend,
    WebLabel::LetterThank,
    WebLabel::LetterReport,
    WebLabel::LetterAnswered,
    WebLabel::LetterThanked,
    WebLabel::LettersLook,
];

fn words(lang: Lang) -> String {
    let mut out = String::new();
    for label in LABELS {
        out += &format!("{label:?}: {}\n", label.text(lang));
    }
    for says in [
        LettersSays::OffOnPage,
        LettersSays::SentOnPage,
        LettersSays::WaitingToGo(Outgoing {
            letters: 1,
            ..Outgoing::default()
        }),
        LettersSays::WaitingToGo(Outgoing {
            letters: 3,
            ..Outgoing::default()
        }),
        LettersSays::WaitingToGo(Outgoing {
            letters: 1,
            answers: 1,
            ..Outgoing::default()
        }),
        LettersSays::WaitingToGo(Outgoing {
            thanks: 1,
            ..Outgoing::default()
        }),
        LettersSays::WaitingToGo(Outgoing {
            letters: 2,
            answers: 1,
            thanks: 1,
            reports: 1,
        }),
        LettersSays::SentLater(Outgoing {
            answers: 1,
            ..Outgoing::default()
        }),
        LettersSays::SentLater(Outgoing {
            letters: 1,
            thanks: 2,
            ..Outgoing::default()
        }),
        LettersSays::OfflineKept,
        LettersSays::AnswerKeptForLater,
        LettersSays::ThanksKeptForLater,
        LettersSays::ReportKeptForLater,
        LettersSays::LettersHeading,
        LettersSays::RepliesHeading,
        LettersSays::YouWrote,
        LettersSays::NothingYet,
        LettersSays::ComeWhenBack,
        LettersSays::InboxAsOf(jiff::civil::date(2026, 12, 2).at(4, 10, 0, 0)),
        LettersSays::AnswerThanked,
        LettersSays::AnswersThanked {
            times: 1,
            as_of: None,
        },
        LettersSays::AnswersThanked {
            times: 4,
            as_of: Some(jiff::civil::date(2026, 12, 1).at(9, 30, 0, 0)),
        },
    ] {
        out += &format!("{says:?}: {}\n", says.render(lang));
    }
    out += &format!("tray: {}\n", TrayWord::WriteLetter.render(lang));
    out += &format!("tray tooltip: {}\n", TraySays::LetterWaiting.render(lang));
    out
}

#[test]
fn letter_words_en() {
    insta::assert_snapshot!(words(Lang::En));
}

#[test]
fn letter_words_ja() {
    insta::assert_snapshot!(words(Lang::Ja));
}

#[test]
fn a_page_never_tells_a_person_to_type_a_command() {
    for lang in [Lang::En, Lang::Ja] {
        for says in [LettersSays::OffOnPage, LettersSays::SentOnPage] {
            let said = says.render(lang);
            assert!(!said.contains("iyashi "), "{lang:?}: {said}");
        }
    }
}
