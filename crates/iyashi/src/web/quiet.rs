//! Quiet from the page: for an hour, until tomorrow, or off, through the
//! same path as `iyashi quiet` ([`iyashi_app::quiet::set_quiet`]).

use std::sync::Arc;

use axum::extract::State;
use iyashi_app::quiet::{set_quiet, QuietSpan};
use iyashi_app::work::local_time;
use iyashi_core::catalogue::web::WebText;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use iyashi_store::Store;
use jiff::SignedDuration;
use serde::Deserialize;

use super::api::{lang_of, said_after, Answer, ApiError, Said};
use super::AppState;
use crate::context::Context;
use crate::failure::Failure;

/// What the page's buttons ask for, and nothing else.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum QuietFor {
    Hour,
    Today,
    Off,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuietChange {
    quiet: QuietFor,
    lang: Option<String>,
}

pub(super) async fn change(
    State(state): State<Arc<AppState>>,
    body: Result<axum::Json<QuietChange>, axum::extract::rejection::JsonRejection>,
) -> Answer<Said> {
    let axum::Json(change) =
        body.map_err(|e| ApiError::bad(WebText::BadRequest(e.body_text()), state.lang))?;
    let lang = lang_of(&state, change.lang.as_deref());
    let span = match change.quiet {
        QuietFor::Hour => QuietSpan::For(SignedDuration::from_hours(1)),
        QuietFor::Today => QuietSpan::Today,
        QuietFor::Off => QuietSpan::Off,
    };
    said_after(&state, lang, move |ctx, store| {
        set_quiet(ctx, store, span).map(|(_, said)| said)
    })
    .await
}

/// The room's line about quiet while it is on ("Quiet until 15:30…").
pub(super) fn line(ctx: &Context, store: &Store, lang: Lang) -> Result<Option<String>, Failure> {
    Ok(store
        .quiet_until()?
        .filter(|until| *until > ctx.now)
        .map(|until| WebText::QuietUntil(local_time(ctx, until)).render(lang)))
}
