//! Kind letters in the web room: the inbox, a letter to write, answers and
//! thanks, through the same use-cases as `iyashi letters`
//! ([`iyashi_app::letters`]). The letters service is another computer, so
//! every call runs off the server's async threads, within the client's
//! short timeout.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use iyashi_app::letters::{kept_for_later, last_inbox, last_known_thanks, Letters, Trouble};
use iyashi_core::catalogue::letters::LettersSays;
use iyashi_core::catalogue::web::WebText;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use iyashi_letters::protocol::{Inbox, LETTER_MAX_CHARS, REPLY_MAX_CHARS};
use serde::{Deserialize, Serialize};

use super::api::{lang_of, ApiError, Json};
use super::journal::blocking;
use super::AppState;

#[derive(Deserialize)]
pub(super) struct LangQuery {
    lang: Option<String>,
}

/// The page's letters: the inbox when letters are on, else the line that
/// says how to turn them on.
#[derive(Serialize)]
pub(super) struct LettersJson {
    on: bool,
    /// A calm line to show above the inbox (off, away, letters sent).
    said: Option<String>,
    /// Whether the service could not be reached just now.
    away: bool,
    /// Absent while letters are off; while the service is away, the
    /// letters last read (`said` tells when), absent if none were.
    inbox: Option<Inbox>,
    /// How many letters, answers, thank-yous and reports are kept here
    /// until the service answers (`said` tells which).
    kept: usize,
    /// The warm line about the thanks the person's answers received
    /// (with when it is from while the service is away); absent when none.
    thanks: Option<String>,
    /// The strangers' letters whose answer from this person was thanked.
    thanked_letters: Vec<String>,
    /// The inbox's headings and its empty line.
    words: Words,
    letter_max: usize,
    reply_max: usize,
}

#[derive(Serialize)]
struct Words {
    letters: String,
    replies: String,
    you_wrote: String,
    nothing_yet: String,
    /// In place of the inbox while the service is away and none was read.
    come_when_back: String,
    answer_thanked: String,
}

/// A change from the page: one shape per action, refused otherwise.
#[derive(Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum LetterChange {
    Write {
        text: String,
        lang: Option<String>,
    },
    Reply {
        id: String,
        text: String,
        lang: Option<String>,
    },
    Thank {
        id: String,
        lang: Option<String>,
    },
    Report {
        id: String,
        lang: Option<String>,
    },
}

impl LetterChange {
    fn lang(&self) -> Option<&str> {
        match self {
            LetterChange::Write { lang, .. }
            | LetterChange::Reply { lang, .. }
            | LetterChange::Thank { lang, .. }
            | LetterChange::Report { lang, .. } => lang.as_deref(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct LetterAnswer {
    said: String,
    /// The letter waits here until the service can take it.
    kept: bool,
}

/// The catalogue's sentence as the page says it: no command to type.
fn on_page(says: LettersSays) -> LettersSays {
    match says {
        LettersSays::Off => LettersSays::OffOnPage,
        LettersSays::Sent => LettersSays::SentOnPage,
        other => other,
    }
}

fn line(lines: Vec<LettersSays>, lang: Lang) -> String {
    lines
        .into_iter()
        .map(|says| on_page(says).render(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A trouble as the API answers it: what the person can set right is a
/// 400, the service away a 503, the service's other refusals a 502.
struct LetterError(Trouble, Lang);

impl IntoResponse for LetterError {
    fn into_response(self) -> Response {
        let LetterError(trouble, lang) = self;
        let status = match &trouble {
            t if t.is_bad_input() => StatusCode::BAD_REQUEST,
            Trouble::Calm(_) => StatusCode::SERVICE_UNAVAILABLE,
            Trouble::Refused(..) => StatusCode::BAD_GATEWAY,
        };
        ApiError::with_status(status, line(vec![trouble.says().clone()], lang)).into_response()
    }
}

pub(super) async fn inbox(
    State(state): State<Arc<AppState>>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = lang_of(&state, q.lang.as_deref());
    let ctx = state.ctx(lang);
    let words = Words {
        letters: LettersSays::LettersHeading.render(lang),
        replies: LettersSays::RepliesHeading.render(lang),
        you_wrote: LettersSays::YouWrote.render(lang),
        nothing_yet: LettersSays::NothingYet.render(lang),
        come_when_back: LettersSays::ComeWhenBack.render(lang),
        answer_thanked: LettersSays::AnswerThanked.render(lang),
    };
    let (dir, settings, now) = (ctx.home.dir.clone(), ctx.config.letters.clone(), ctx.now);
    let (on, found) = blocking(move || {
        let on = settings.enabled;
        let found = Letters::open(&dir, &settings)
            .and_then(|l| l.inbox(now).map(|inbox| (inbox, l.thanks(now))));
        // Away: the thanks last heard of and the letters last read,
        // without waiting on the service again.
        let (thanks, last) = match &found {
            Ok((_, thanks)) => (Some(thanks.clone()), None),
            Err(Trouble::Calm(_)) => (last_known_thanks(&dir), last_inbox(&dir)),
            Err(_) => (None, None),
        };
        (
            on,
            (
                found.map(|(inbox, _)| inbox),
                thanks,
                last,
                kept_for_later(&dir),
            ),
        )
    })
    .await;
    let (found, thanks, last, kept) = found;
    let thanks = thanks.unwrap_or_default();
    let away = matches!(found, Err(Trouble::Calm(_)));
    let (inbox, mut said) = match (found, last) {
        (Ok((inbox, later)), _) if later.is_empty() => (Some(inbox), vec![]),
        (Ok((inbox, later)), _) => (Some(inbox), vec![LettersSays::SentLater(later)]),
        (Err(trouble), Some(last)) => (
            Some(last.inbox),
            vec![
                trouble.says().clone(),
                LettersSays::InboxAsOf(ctx.tz.to_datetime(last.as_of)),
            ],
        ),
        (Err(trouble), None) => (None, vec![trouble.says().clone()]),
    };
    if !kept.is_empty() {
        said.push(LettersSays::WaitingToGo(kept));
    }
    Json(LettersJson {
        on,
        said: (!said.is_empty()).then(|| line(said, lang)),
        away,
        inbox,
        kept: kept.total(),
        thanks: thanks.said(&ctx.tz).map(|says| says.render(lang)),
        thanked_letters: thanks.letters,
        words,
        letter_max: LETTER_MAX_CHARS,
        reply_max: REPLY_MAX_CHARS,
    })
    .into_response()
}

pub(super) async fn change(
    State(state): State<Arc<AppState>>,
    body: Result<axum::Json<LetterChange>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let axum::Json(change) = match body {
        Ok(body) => body,
        Err(e) => {
            return ApiError::bad(WebText::BadRequest(e.body_text()), state.lang).into_response()
        }
    };
    let lang = lang_of(&state, change.lang());
    let ctx = state.ctx(lang);
    let (dir, settings) = (ctx.home.dir.clone(), ctx.config.letters.clone());
    let done = blocking(move || {
        let letters = Letters::open(&dir, &settings)?;
        match change {
            LetterChange::Write { text, .. } => letters
                .write(&text)
                .map(|written| (written.said(), written.is_kept())),
            LetterChange::Reply { id, text, .. } => letters
                .reply(&id, &text)
                .map(|written| (written.said_of_answer(), written.is_kept())),
            LetterChange::Thank { id, .. } => letters
                .thank(&id)
                .map(|done| (done.said_of_thanks(), done.is_kept())),
            LetterChange::Report { id, .. } => letters
                .report(&id)
                .map(|done| (done.said_of_report(), done.is_kept())),
        }
    })
    .await;
    match done {
        Ok((said, kept)) => Json(LetterAnswer {
            said: line(said, lang),
            kept,
        })
        .into_response(),
        Err(trouble) => LetterError(trouble, lang).into_response(),
    }
}
