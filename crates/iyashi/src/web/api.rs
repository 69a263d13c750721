//! The routes: the page and its files, and the JSON API the page uses.
//! Handlers are small functions of typed extractors over one
//! `Arc<AppState>`; every failure becomes an [`ApiError`] once.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use futures_util::Stream;
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::season::SeasonText;
use iyashi_core::catalogue::web::WebText;
use iyashi_core::catalogue::Problem;
use iyashi_core::catalogue::{words, Message, Say};
use iyashi_core::companion::{Doing, Light, Scenery};
use iyashi_core::day::DayRange;
use iyashi_core::entry::{Entry, EntryError, EntryKind, Mood};
use iyashi_core::episode::{Episode, Month};
use iyashi_core::rhythm::{BreakKind, Gentleness, Record, COUNTED_FROM};
use iyashi_core::season::season_at;
use iyashi_core::Lang;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast::error::RecvError;

use super::journal::{blocking, version};
use super::labels::labels;
use super::scene::{FilmSpec, Films, PartDoing};
use super::{assets, letters, openapi, quiet, scene, security, AppState};
use iyashi_app::breaks;
use iyashi_app::daemon::{self, Request};
use iyashi_app::day::{entry_time, DaySummary};
use iyashi_app::engine;
use iyashi_app::journal::new_entry;
use iyashi_app::work::{self, change_work, local_time};

use crate::context::Context;
use crate::failure::{Failure, BAD_INPUT};
use iyashi_app::letters::RestTogether;

/// Every route, behind the guard.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(|| async { assets::page("index.html") }))
        .route("/app.js", get(|| async { assets::page("app.js") }))
        .route("/app.css", get(|| async { assets::page("app.css") }))
        .route(
            "/favicon.svg",
            get(|| async { assets::page("favicon.svg") }),
        )
        .route("/cast.svg", get(|| async { cast() }))
        .route("/film.css", get(film))
        .route("/api/scene", get(scene))
        .route(
            "/api/openapi.json",
            get(|| async { Json(openapi::document()) }),
        )
        .route("/api/room", get(room))
        .route("/api/entries", post(add_entry))
        .route("/api/work", post(work))
        .route("/api/breaks", post(take_break))
        .route("/api/quiet", post(quiet::change))
        .route("/api/letters", get(letters::inbox).post(letters::change))
        .route("/api/episode", get(episode))
        .route("/api/events", get(events))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            security::guard,
        ))
        .with_state(state)
}

/// JSON with `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`
/// (the same string to a JSON reader), so a person's words can never be
/// read as markup even by something that sniffs the body as HTML.
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        let text = serde_json::to_string(&self.0).expect("the API's values serialise");
        let safe = text
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        (
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            safe,
        )
            .into_response()
    }
}

/// A failure as the API tells it: a status and one sentence.
pub struct ApiError {
    status: StatusCode,
    message: String,
}

#[derive(Serialize)]
struct ErrorJson {
    error: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = Json(ErrorJson {
            error: self.message,
        })
        .into_response();
        *response.status_mut() = self.status;
        response
    }
}

impl ApiError {
    pub(super) fn from_failure(f: Failure, lang: Lang) -> ApiError {
        ApiError {
            status: if f.code == BAD_INPUT {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            },
            message: f.problem.render(lang),
        }
    }

    pub(super) fn with_status(status: StatusCode, message: String) -> ApiError {
        ApiError { status, message }
    }

    pub(super) fn bad(text: WebText, lang: Lang) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: text.render(lang),
        }
    }
}

pub(super) type Answer<T> = Result<Json<T>, ApiError>;

/// `?lang=en|ja`, for every read.
#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

pub(super) fn lang_of(state: &AppState, given: Option<&str>) -> Lang {
    given.and_then(|l| l.parse().ok()).unwrap_or(state.lang)
}

/// An entry as the page shows it.
#[derive(Serialize)]
struct EntryJson {
    id: String,
    kind: EntryKind,
    mark: &'static str,
    time: String,
    text: String,
    mood: Option<u8>,
    mood_words: Option<&'static str>,
}

fn entry_json(ctx: &Context, e: &Entry) -> EntryJson {
    EntryJson {
        id: e.id.as_str().to_string(),
        kind: e.kind,
        mark: words::kind_mark(e.kind),
        time: entry_time(e),
        text: e.text.clone(),
        mood: e.mood.map(Mood::value),
        mood_words: e.mood.map(|m| words::mood(ctx.lang, m)),
    }
}

#[derive(Serialize)]
struct SeasonJson {
    scenery: &'static str,
    term: String,
    micro: String,
    note: String,
    next: String,
}

#[derive(Serialize)]
struct RhythmJson {
    /// `iyashi watch` is keeping time.
    watching: bool,
    /// A work session is open.
    working: bool,
    /// The status in a line: work so far, the next break or the one under way.
    line: String,
    /// The length of a rest break, for the page's timer.
    rest_secs: i64,
    on_break_until: Option<Timestamp>,
    piyo: String,
    piyo_rest: String,
    piyo_over: String,
}

/// One choice of the mood picker: the same words every face uses.
#[derive(Serialize)]
struct MoodChoice {
    value: u8,
    words: &'static str,
}

/// Everything the page draws, in one answer.
#[derive(Serialize)]
struct RoomJson {
    lang: Lang,
    /// The mood picker's five choices, from the catalogue's one list.
    moods: Vec<MoodChoice>,
    day: Date,
    day_words: String,
    labels: BTreeMap<&'static str, &'static str>,
    joys: Vec<EntryJson>,
    entries: Vec<EntryJson>,
    summary: String,
    season: Option<SeasonJson>,
    light: &'static str,
    /// Changes when the scene does (the stage's inputs, the light): the
    /// page then asks for `/api/scene` again.
    scene: String,
    /// What Goro may be doing, in words, by the keys `/api/scene` gives
    /// for each part of the film.
    goro_doing: BTreeMap<&'static str, String>,
    rhythm: RhythmJson,
    /// While quiet is on, the line that says until when.
    quiet: Option<String>,
    /// Changes whenever the journal or the work session does; the page's
    /// live updates compare it.
    version: String,
}

async fn room(State(state): State<Arc<AppState>>, Query(q): Query<LangQuery>) -> Answer<RoomJson> {
    blocking(move || room_now(&state, q.lang.as_deref())).await
}

/// The room as it is now. It reads the journal and asks the daemon, so it
/// runs off the server's thread.
fn room_now(state: &AppState, lang: Option<&str>) -> Answer<RoomJson> {
    let lang = lang_of(state, lang);
    let ctx = state.ctx(lang);
    let fail = |f| ApiError::from_failure(f, lang);
    let day = ctx.today();
    let (entries, version, open_since, records, quiet) = state
        .journal
        .read(|store| {
            let entries = store.entries_in(DayRange::single(day))?;
            let version = version(store, day)?;
            let open = store.manual_work()?;
            let records = store.records_in(DayRange::single(day))?;
            let quiet = quiet::line(&ctx, store, lang)?;
            Ok((entries, version, open, records, quiet))
        })
        .map_err(fail)?;
    let today = DaySummary { day, entries };
    let joys = today
        .joys()
        .map(|e| entry_json(&ctx, e))
        .collect::<Vec<_>>();
    let summary = today
        .line(lang)
        .unwrap_or_else(|| WebText::TodayEmpty.render(lang));
    let closer = today.low_mood();
    let entries = today.entries;
    let season = season_at(ctx.now).ok().map(|s| {
        let micro = s.micro_season.season;
        let next = s.next();
        SeasonJson {
            scenery: Scenery::at(ctx.now).name(),
            term: SeasonText::Now {
                season: s.term.season.into(),
                fraction: s.term.fraction,
            }
            .render(lang),
            micro: SeasonText::Now {
                season: micro.into(),
                fraction: s.micro_season.fraction,
            }
            .render(lang),
            note: SeasonText::Note(micro.into()).render(lang),
            next: SeasonText::Next {
                season: next.season.into(),
                at: next.in_zone(&ctx.tz).datetime(),
            }
            .render(lang),
        }
    });
    let light = light_now(&ctx);
    let scene = scene_key(&film_spec(&ctx, closer, false), light);
    let moods = (1..=5)
        .filter_map(|v| Mood::new(v).ok())
        .map(|m| MoodChoice {
            value: m.value(),
            words: words::mood(lang, m),
        })
        .collect();
    Ok(Json(RoomJson {
        lang,
        moods,
        day,
        day_words: words::day(lang, day),
        labels: labels(lang).collect(),
        joys,
        entries: entries.iter().map(|e| entry_json(&ctx, e)).collect(),
        summary,
        season,
        light: light_name(light),
        scene,
        goro_doing: Doing::ALL
            .iter()
            .map(|d| (d.key(), d.render(lang)))
            .collect(),
        rhythm: rhythm(&ctx, open_since, &records),
        quiet,
        version,
    }))
}

/// Where work and rest stand: from `iyashi watch` when it runs, else from
/// the engine over today's records, as `iyashi break` tells it.
fn rhythm(ctx: &Context, open_since: Option<Timestamp>, records: &[Record]) -> RhythmJson {
    let lang = ctx.lang;
    let rest = ctx.config.rhythm.length_of(BreakKind::Rest);
    let secs = SignedDuration::from_secs;
    let daemon = daemon::ask(&ctx.home.watch_socket(), Request::Status)
        .ok()
        .flatten();
    let (watching, working, line, on_break_until) = match daemon {
        Some(reply) => {
            let worked = secs(reply.worked_today_secs);
            let until = secs(reply.until_micro_secs.min(reply.until_rest_secs));
            let line = match reply.on_break_until {
                Some(until) => RoomText::OnBreak(ctx.now.duration_until(until)).render(lang),
                // A countdown only while the daemon is counting a session.
                None if reply.session_start.is_some() => format!(
                    "{} · {}",
                    worked_words(worked, lang),
                    RoomText::NextBreak(until).render(lang)
                ),
                None => worked_words(worked, lang),
            };
            (
                true,
                reply.session_start.is_some(),
                line,
                reply.on_break_until,
            )
        }
        None => {
            let worked = engine::now_with_session(ctx, records, open_since)
                .status(ctx.now)
                .worked_today;
            let mut line = worked_words(worked, lang);
            if let Some(since) = open_since {
                line = format!(
                    "{line} · {}",
                    WebText::WorkingSince(local_time(ctx, since)).render(lang)
                );
            }
            (false, open_since.is_some(), line, None)
        }
    };
    RhythmJson {
        watching,
        working,
        line,
        rest_secs: rest.as_secs(),
        on_break_until,
        piyo: Piyo::Name.render(lang),
        piyo_rest: Piyo::for_break(BreakKind::Rest, rest, Gentleness::FIRST).render(lang),
        piyo_over: Piyo::BreakOver {
            kind: BreakKind::Rest,
        }
        .render(lang),
    }
}

/// Work today on the status line; "none yet" below a minute, as the room
/// says it.
fn worked_words(worked: SignedDuration, lang: Lang) -> String {
    if worked < COUNTED_FROM {
        RoomText::NoWorkYet.render(lang)
    } else {
        RoomText::Worked(worked).render(lang)
    }
}

/// A new entry, as the page sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewEntry {
    kind: EntryKind,
    #[serde(default)]
    text: String,
    mood: Option<u8>,
    lang: Option<String>,
}

#[derive(Serialize)]
struct Kept {
    said: String,
    entry: EntryJson,
}

async fn add_entry(
    State(state): State<Arc<AppState>>,
    body: Result<axum::Json<NewEntry>, axum::extract::rejection::JsonRejection>,
) -> Answer<Kept> {
    let axum::Json(new) =
        body.map_err(|e| ApiError::bad(WebText::BadRequest(e.body_text()), state.lang))?;
    let lang = lang_of(&state, new.lang.as_deref());
    let ctx = state.ctx(lang);
    let fail = |f| ApiError::from_failure(f, lang);
    let mood = match (new.kind, new.mood) {
        (EntryKind::Mood, Some(m)) => {
            Some(Mood::new(m).map_err(|_| ApiError::bad(WebText::MoodOutOfRange, lang))?)
        }
        (EntryKind::Mood, None) => return Err(ApiError::bad(WebText::MoodOutOfRange, lang)),
        _ => None,
    };
    // The one way entries are made: checked completely before the store is
    // touched. Its refusals speak to the command line; the page says its own.
    let entry =
        new_entry(&ctx, new.kind, mood, &new.text, ctx.now).map_err(|f| match f.problem {
            Problem::Entry(EntryError::EmptyText) => ApiError::bad(WebText::EmptyText, lang),
            _ => fail(f),
        })?;
    let kept = entry.clone();
    let writing = Arc::clone(&state);
    let count_today = blocking(move || {
        writing.journal.write(|store| {
            store.add_entry(&kept)?;
            Ok(store.count_on(kept.day, kept.kind)?)
        })
    })
    .await
    .map_err(fail)?;
    let said = Say::Kept {
        kind: entry.kind,
        mood,
        count_today,
    }
    .render(lang);
    Ok(Json(Kept {
        said,
        entry: entry_json(&ctx, &entry),
    }))
}

/// A work session from the page. Every request body of the API is read
/// into a type that admits only its own shape: an unknown field, a missing
/// or mistyped one is a 400 that says so, never a guess.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkChange {
    action: WorkStep,
    lang: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum WorkStep {
    Start,
    Stop,
}

#[derive(Serialize)]
pub(super) struct Said {
    pub(super) said: String,
}

async fn work(
    State(state): State<Arc<AppState>>,
    body: Result<axum::Json<WorkChange>, axum::extract::rejection::JsonRejection>,
) -> Answer<Said> {
    let axum::Json(change) =
        body.map_err(|e| ApiError::bad(WebText::BadRequest(e.body_text()), state.lang))?;
    let lang = lang_of(&state, change.lang.as_deref());
    let action = match change.action {
        WorkStep::Start => work::WorkChange::Start,
        WorkStep::Stop => work::WorkChange::Stop,
    };
    said_after(&state, lang, move |ctx, _| change_work(ctx, action)).await
}

/// Does `change` (a command of the application layer, which may ask the
/// daemon) with the journal's writer, off the server's thread, and answers
/// with what it says.
pub(super) async fn said_after<M: Message + Send + 'static>(
    state: &Arc<AppState>,
    lang: Lang,
    change: impl FnOnce(&Context, &mut iyashi_store::Store) -> Result<M, Failure> + Send + 'static,
) -> Answer<Said> {
    let ctx = state.ctx(lang);
    // The writer is held so the page's own writes happen one at a time.
    let writing = Arc::clone(state);
    let said = blocking(move || writing.journal.write(|store| change(&ctx, store)))
        .await
        .map_err(|f| ApiError::from_failure(f, lang))?;
    Ok(Json(Said {
        said: said.render(lang),
    }))
}

/// A break from the page: `start` hands it to `iyashi watch` when one runs
/// (which then keeps the record); `done` records one the page timed itself.
#[derive(Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum BreakChange {
    Start {
        lang: Option<String>,
    },
    /// How long the person rested, in whole seconds (required).
    Done {
        rested_secs: u32,
        lang: Option<String>,
    },
    Resting {
        lang: Option<String>,
    },
}

impl BreakChange {
    fn lang(&self) -> Option<&str> {
        match self {
            BreakChange::Start { lang }
            | BreakChange::Done { lang, .. }
            | BreakChange::Resting { lang } => lang.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct BreakAnswer {
    /// `iyashi watch` took the break over and will record it.
    by_watch: bool,
    said: String,
    /// For `resting`: how many people are resting now, this one included;
    /// absent when letters are off or the service cannot be reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    resting: Option<u64>,
}

async fn take_break(
    State(state): State<Arc<AppState>>,
    body: Result<axum::Json<BreakChange>, axum::extract::rejection::JsonRejection>,
) -> Answer<BreakAnswer> {
    let axum::Json(change) =
        body.map_err(|e| ApiError::bad(WebText::BadRequest(e.body_text()), state.lang))?;
    let lang = lang_of(&state, change.lang());
    let ctx = state.ctx(lang);
    let fail = |f| ApiError::from_failure(f, lang);
    let length = ctx.config.rhythm.length_of(BreakKind::Rest);
    match change {
        BreakChange::Start { .. } => {
            let asking = ctx.clone();
            let by_watch = blocking(move || breaks::ask_daemon_for(&asking, BreakKind::Rest))
                .await
                .ok()
                .flatten()
                .is_some();
            Ok(Json(BreakAnswer {
                by_watch,
                said: Piyo::for_break(BreakKind::Rest, length, Gentleness::FIRST).render(lang),
                resting: None,
            }))
        }
        BreakChange::Done { rested_secs, .. } => {
            let rested = SignedDuration::from_secs(i64::from(rested_secs)).min(length);
            // The page says when the break ended; it began that long before.
            let began = ctx.now - rested;
            let writing = Arc::clone(&state);
            blocking(move || {
                writing.journal.write(|store| {
                    breaks::keep_taken(&ctx, store, BreakKind::Rest, began, rested, None)
                })
            })
            .await
            .map_err(fail)?;
            Ok(Json(BreakAnswer {
                by_watch: false,
                said: Piyo::BreakOver {
                    kind: BreakKind::Rest,
                }
                .render(lang),
                resting: None,
            }))
        }
        BreakChange::Resting { .. } => {
            // One heartbeat to the letters service; it may take a moment,
            // so it runs off the server's own thread.
            let (home, settings) = (ctx.home.dir.clone(), ctx.config.letters.clone());
            let resting = blocking(move || {
                RestTogether::new(&home, &settings).and_then(|mut rest| rest.beat())
            })
            .await;
            Ok(Json(BreakAnswer {
                by_watch: false,
                said: resting
                    .map(|n| RestTogether::sentence(n, lang))
                    .unwrap_or_default(),
                resting,
            }))
        }
    }
}

#[derive(Deserialize)]
struct EpisodeQuery {
    month: Option<String>,
    lang: Option<String>,
}

/// A day of the episode's charts.
#[derive(Serialize)]
struct ChartDay {
    day: Date,
    mood: Option<f32>,
    worked_min: i64,
    limit_min: i64,
    joys: u32,
}

#[derive(Serialize)]
struct EpisodeJson {
    title: String,
    text: String,
    days: Vec<ChartDay>,
    episode: Episode,
}

async fn episode(
    State(state): State<Arc<AppState>>,
    Query(q): Query<EpisodeQuery>,
) -> Answer<EpisodeJson> {
    let lang = lang_of(&state, q.lang.as_deref());
    let ctx = state.ctx(lang);
    let today = ctx.today();
    let month = match q.month.as_deref() {
        Some(m) => m
            .parse::<Month>()
            .map_err(|e| ApiError::bad(WebText::BadRequest(e.0), lang))?,
        None => Month::of(today),
    };
    let reading = Arc::clone(&state);
    let reading_ctx = ctx.clone();
    let episode = blocking(move || {
        reading
            .journal
            .read(|store| iyashi_app::episode::episode_of(&reading_ctx, store, month, today))
    })
    .await
    .map_err(|f| ApiError::from_failure(f, lang))?;
    let text = episode.render_text(lang);
    Ok(Json(EpisodeJson {
        title: text.lines().next().unwrap_or_default().to_string(),
        days: episode
            .days
            .iter()
            .map(|d| ChartDay {
                day: d.day,
                mood: d.mood,
                worked_min: d.worked.as_mins(),
                limit_min: d.daily_limit.as_mins(),
                joys: d.joys,
            })
            .collect(),
        text,
        episode,
    }))
}

/// Server-sent events: `changed` whenever the journal or the work session
/// changes, whoever wrote it, so the page refreshes without a reload. The
/// one watcher ([`super::journal::Watcher`]) looks for every page at once.
async fn events(
    State(state): State<Arc<AppState>>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let changes = state.journal.listen();
    let stream = futures_util::stream::unfold(changes, |mut changes| async move {
        let version = match changes.recv().await {
            Ok(version) => version,
            // Fell behind: something changed, and the page reads it all anew.
            Err(RecvError::Lagged(_)) => String::new(),
            Err(RecvError::Closed) => return None,
        };
        let event = SseEvent::default().event("changed").data(version);
        Some((Ok(event), changes))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The cast's library, the same for everyone: the page draws its scene
/// with it.
fn cast() -> Response {
    ([(header::CONTENT_TYPE, "image/svg+xml")], scene::library()).into_response()
}

/// The light outside now.
fn light_now(ctx: &Context) -> Light {
    Light::at(ctx.tz.to_datetime(ctx.now).time())
}

fn light_name(light: Light) -> &'static str {
    match light {
        Light::Day => "day",
        Light::Dusk => "dusk",
        Light::Night => "night",
    }
}

/// The stage's inputs for the film today: a seed for the day, the room's
/// motion setting (unless the page asks for `still` drawings), and whether
/// Goro sits `closer`.
fn film_spec(ctx: &Context, closer: bool, still: bool) -> FilmSpec {
    FilmSpec {
        seed: ctx.now.as_second() as u64 / 86_400,
        motion: ctx.config.room.motion && !still,
        closer,
        scenery: Scenery::at(ctx.now),
    }
}

/// Today's film spec, reading today's mood from the journal (so it runs
/// off the server's thread).
fn film_spec_today(state: &AppState, ctx: &Context, still: bool) -> FilmSpec {
    let today = ctx.today();
    let closer = state
        .journal
        .read(|store| Ok(DaySummary::read(store, today)?.low_mood()))
        .unwrap_or(false);
    film_spec(ctx, closer, still)
}

/// What the page compares to know its scene is still today's.
fn scene_key(spec: &FilmSpec, light: Light) -> String {
    format!("{}.{}", spec.word(), light_name(light))
}

#[derive(Deserialize)]
struct SceneQuery {
    /// Still drawings: the reader asked for reduced motion.
    #[serde(default)]
    still: bool,
}

#[derive(Serialize)]
struct SceneJson {
    key: String,
    light: &'static str,
    /// The stylesheet that plays this scene's film.
    film: String,
    /// The scene, an SVG document drawing with the cast's library.
    svg: String,
    /// What Goro is doing through each part of the film.
    parts: Vec<PartDoing>,
}

async fn scene(State(state): State<Arc<AppState>>, Query(q): Query<SceneQuery>) -> Json<SceneJson> {
    blocking(move || scene_now(&state, q.still)).await
}

/// The scene now. Reading the journal and recording the stage both take a
/// while, so this runs off the server's thread.
fn scene_now(state: &AppState, still: bool) -> Json<SceneJson> {
    let ctx = state.ctx(state.lang);
    let light = light_now(&ctx);
    let spec = film_spec_today(state, &ctx, still);
    let films = Films::record(spec);
    Json(SceneJson {
        key: scene_key(
            &FilmSpec {
                motion: ctx.config.room.motion,
                ..spec
            },
            light,
        ),
        light: light_name(light),
        film: format!("/film.css?film={}", spec.word()),
        svg: films.svg(light),
        parts: films.doing(),
    })
}

#[derive(Deserialize)]
struct FilmQuery {
    film: Option<String>,
}

/// The film's stylesheet for `?film=` (a word `/api/scene` gives), or
/// without one for today's.
async fn film(State(state): State<Arc<AppState>>, Query(q): Query<FilmQuery>) -> Response {
    blocking(move || film_now(&state, q.film)).await
}

fn film_now(state: &AppState, word: Option<String>) -> Response {
    let spec = match word {
        None => Some(film_spec_today(state, &state.ctx(state.lang), false)),
        Some(ref word) => FilmSpec::parse(word),
    };
    match spec {
        Some(spec) => (
            [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
            Films::record(spec).css(),
        )
            .into_response(),
        None => ApiError::bad(
            WebText::BadRequest(format!("film={:?} names no film", word.unwrap_or_default())),
            state.lang,
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::entry::EntryError;

    #[test]
    fn json_never_carries_markup_characters() {
        let response =
            Json(serde_json::json!({"text": "<script>alert('&')</script>"})).into_response();
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/json; charset=utf-8"
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let body = runtime.block_on(axum::body::to_bytes(response.into_body(), 1 << 16));
        let text = String::from_utf8(body.unwrap().to_vec()).unwrap();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["text"], "<script>alert('&')</script>");
    }

    #[test]
    fn an_entry_error_is_a_bad_request() {
        let f = Failure::from(EntryError::EmptyText);
        assert_eq!(
            ApiError::from_failure(f, Lang::En).status,
            StatusCode::BAD_REQUEST
        );
    }
}
