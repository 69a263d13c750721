//! The HTTP service: small handlers over one shared [`AppState`].
//!
//! Every answer is JSON (`application/json`, `nosniff`): nothing a person
//! writes is ever served as HTML, so a `<script>` in a letter stays text.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{header as h, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use ed25519_dalek::Verifier;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::filter::WordFilter;
use crate::limits::{address_of, network_of, Limits, RateLimit};
use crate::presence::Presence;
use crate::protocol::{
    self, header, ErrorBody, ErrorCode, NewText, Report, Session, CLOCK_SKEW_SECS,
    LETTER_MAX_CHARS, REPLY_MAX_CHARS,
};
use crate::store::{KeyHash, Policy, Store, StoreError};
use crate::work::{self, Proof, WorkAsked};

/// How long a presence token lasts.
pub const TOKEN_SECS: i64 = 600;

/// How a service runs.
pub struct Config {
    /// The rate limits.
    pub limits: Limits,
    /// The word filter.
    pub filter: WordFilter,
    /// Reports after which a letter or reply is hidden for a moderator.
    pub hide_after: i64,
    /// How often heartbeats are written and the count refreshed.
    pub flush_every: Duration,
    /// The proof of work a new key pays on its first request.
    pub work: WorkAsked,
    /// How old a key must be before it is settled: its reports count, it
    /// may be any of a letter's readers, and it counts fully as resting.
    pub settle_secs: i64,
    /// How long settled readers have a new letter to themselves before a
    /// new key may be handed it.
    pub first_dibs_secs: i64,
    /// Time limits on reading requests, and the cap on open connections.
    pub connections: iyashi_serve::Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            limits: Limits::default(),
            filter: WordFilter::standard(),
            hide_after: 3,
            flush_every: Duration::from_secs(1),
            work: WorkAsked::default(),
            settle_secs: 24 * 3600,
            first_dibs_secs: 600,
            connections: iyashi_serve::Limits {
                header_timeout: Duration::from_secs(10),
                body_timeout: Duration::from_secs(10),
                max_connections: 4096,
            },
        }
    }
}

impl Config {
    fn policy(&self, now: i64) -> Policy {
        Policy {
            hide_after: self.hide_after,
            settled_before: now - self.settle_secs,
            first_dibs_before: now - self.first_dibs_secs,
        }
    }
}

/// Everything the handlers share.
pub struct AppState {
    store: Store,
    presence: Presence,
    /// Keyed once: cloning a keyed HMAC skips hashing the key on every heartbeat.
    mac: Hmac<Sha256>,
    config: Config,
    signed_limit: RateLimit<KeyHash>,
    beat_limit: RateLimit<KeyHash>,
    network_limit: RateLimit<[u8; 6]>,
    address_limit: RateLimit<[u8; 9]>,
    read_limit: RateLimit<[u8; 9]>,
    new_key_limit: RateLimit<[u8; 9]>,
}

/// Builds the state: reads (or makes) the shared token secret.
pub async fn state(store: Store, config: Config) -> Result<Arc<AppState>, StoreError> {
    let secret = store.server_secret().await?;
    Ok(Arc::new(AppState {
        presence: Presence::default(),
        mac: Hmac::<Sha256>::new_from_slice(&secret).expect("HMAC takes any key length"),
        signed_limit: RateLimit::new(config.limits.signed_per_key),
        beat_limit: RateLimit::new(config.limits.heartbeats_per_key),
        network_limit: RateLimit::new(config.limits.per_network),
        address_limit: RateLimit::new(config.limits.per_address),
        read_limit: RateLimit::new(config.limits.reads_per_address),
        new_key_limit: RateLimit::new(config.limits.new_keys_per_address),
        store,
        config,
    }))
}

/// The routes.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .route("/v1/session", post(session))
        .route("/v1/presence", post(heartbeat).get(resting))
        .route("/v1/letters", post(write_letter))
        .route("/v1/inbox", get(inbox))
        .route("/v1/letters/{id}/replies", post(reply))
        .route("/v1/replies/{id}/thanks", post(thank))
        .route("/v1/thanks", get(thanks))
        .route("/v1/reports", post(report))
        .fallback(|| async { ApiError::new(ErrorCode::NotFound) })
        .layer(DefaultBodyLimit::max(protocol::BODY_MAX_BYTES))
        .layer(axum::middleware::map_response(plain_headers))
        .with_state(state)
}

/// Serves until the process is told to stop, flushing presence once per
/// interval and forgetting old nonces and windows once a minute. Requests
/// are read within time limits and connections are capped
/// ([`iyashi_serve`]), so slow clients cannot take the service away.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    let background = state.clone();
    let flusher = tokio::spawn(async move {
        let mut tick = tokio::time::interval(background.config.flush_every);
        let mut last_prune = 0;
        loop {
            tick.tick().await;
            let now = now();
            let settled_before = now - background.config.settle_secs;
            if let Err(e) = background
                .presence
                .flush(&background.store, now, settled_before)
                .await
            {
                eprintln!("iyashi-letters: presence was not written this time: {e}");
            }
            if now - last_prune >= 60 {
                last_prune = now;
                background.signed_limit.prune(now);
                background.beat_limit.prune(now);
                background.network_limit.prune(now);
                background.address_limit.prune(now);
                background.read_limit.prune(now);
                background.new_key_limit.prune(now);
                if let Err(e) = background
                    .store
                    .prune(
                        now - 2 * CLOCK_SKEW_SECS,
                        now - protocol::PRESENCE_WINDOW_SECS,
                    )
                    .await
                {
                    eprintln!("iyashi-letters: old nonces were not pruned this time: {e}");
                }
            }
        }
    });
    let limits = state.config.connections;
    let result = iyashi_serve::serve(listener, router(state), limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    flusher.abort();
    result
}

/// Seconds since the epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

async fn plain_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(h::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A refusal: a status, a stable code and a plain sentence, as JSON.
#[derive(Debug)]
pub struct ApiError {
    body: ErrorBody,
}

impl ApiError {
    fn new(code: ErrorCode) -> ApiError {
        ApiError::because(code, code.sentence())
    }

    /// A refusal whose sentence says more than the code's own (for the
    /// service's operators; a client shows its own sentence for the code).
    fn because(code: ErrorCode, message: &str) -> ApiError {
        ApiError {
            body: ErrorBody {
                error: code,
                message: message.into(),
                work: None,
            },
        }
    }

    fn unauthorized(message: &str) -> ApiError {
        ApiError::because(ErrorCode::Unauthorized, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.body.error.status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.body)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::new(ErrorCode::NotFound),
            StoreError::Conflict => ApiError::new(ErrorCode::AlreadyDone),
            StoreError::Backend(e) => {
                eprintln!("iyashi-letters: {e}");
                ApiError::new(ErrorCode::Unavailable)
            }
        }
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

impl AppState {
    /// The budget signed requests and heartbeats share: the address's own
    /// first, so a refused address spends nothing of its network's.
    fn check_network(&self, peer: SocketAddr, now: i64) -> Result<(), ApiError> {
        if self.address_limit.allow(&address_of(peer.ip()), now)
            && self.network_limit.allow(&network_of(peer.ip()), now)
        {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::RateLimited))
        }
    }

    /// The separate budget of unsigned reads, per address.
    fn check_read(&self, peer: SocketAddr, now: i64) -> Result<(), ApiError> {
        if self.read_limit.allow(&address_of(peer.ip()), now) {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::RateLimited))
        }
    }

    /// A key the service has not seen must bring its proof of work, and an
    /// address may bring only so many new keys a minute; then it is noted,
    /// and its age counts from now.
    async fn admit_key(
        &self,
        peer: SocketAddr,
        key: &ed25519_dalek::VerifyingKey,
        hash: KeyHash,
        headers: &HeaderMap,
        now: i64,
    ) -> Result<(), ApiError> {
        let status = self.store.key_status(hash).await?;
        if status.blocked {
            return Err(ApiError::new(ErrorCode::Blocked));
        }
        if status.first_seen.is_some() {
            return Ok(());
        }
        let paid = headers
            .get(work::HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(Proof::from_header)
            .is_some_and(|proof| proof.pays(key.as_bytes(), self.config.work));
        if !paid {
            let mut refusal = ApiError::new(ErrorCode::WorkNeeded);
            refusal.body.work = Some(self.config.work);
            return Err(refusal);
        }
        if !self.new_key_limit.allow(&address_of(peer.ip()), now) {
            return Err(ApiError::new(ErrorCode::RateLimited));
        }
        self.store.register_key(hash, now).await?;
        Ok(())
    }

    /// Checks a signed request and returns the signer's key hash.
    async fn verify(
        &self,
        peer: SocketAddr,
        method: &Method,
        uri: &Uri,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<KeyHash, ApiError> {
        let now = now();
        self.check_network(peer, now)?;
        let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let (Some(key), Some(time), Some(nonce), Some(signature)) = (
            get(header::KEY),
            get(header::TIME),
            get(header::NONCE),
            get(header::SIGNATURE),
        ) else {
            return Err(ApiError::unauthorized("This needs a signed request."));
        };
        let key = protocol::parse_public_key(key)
            .ok_or_else(|| ApiError::unauthorized("The key is not readable."))?;
        let signature = protocol::parse_signature(signature)
            .ok_or_else(|| ApiError::unauthorized("The signature is not readable."))?;
        let time: i64 = time
            .parse()
            .map_err(|_| ApiError::unauthorized("The time is not readable."))?;
        if nonce.len() != 32 || !nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ApiError::unauthorized("The nonce is not readable."));
        }
        if (time - now).abs() > CLOCK_SKEW_SECS {
            return Err(ApiError::new(ErrorCode::ClockSkew));
        }
        let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let message = protocol::signing_message(method.as_str(), path, time, nonce, body);
        key.verify(&message, &signature)
            .map_err(|_| ApiError::unauthorized("The signature does not match."))?;
        let hash = protocol::key_hash(&key);
        if !self.signed_limit.allow(&hash, now) {
            return Err(ApiError::new(ErrorCode::RateLimited));
        }
        self.admit_key(peer, &key, hash, headers, now).await?;
        // Only after the signature is good: otherwise anyone could fill the
        // nonce table, or burn another person's nonces.
        if !self
            .store
            .remember_nonce(hash, nonce.to_ascii_lowercase(), now)
            .await?
        {
            return Err(ApiError::new(ErrorCode::Replayed));
        }
        Ok(hash)
    }

    fn mac(&self) -> Hmac<Sha256> {
        self.mac.clone()
    }

    fn issue_token(&self, hash: KeyHash, expires: i64) -> String {
        let mut raw = Vec::with_capacity(72);
        raw.extend_from_slice(&hash);
        raw.extend_from_slice(&expires.to_be_bytes());
        let mut mac = self.mac();
        mac.update(&raw);
        raw.extend_from_slice(&mac.finalize().into_bytes());
        B64URL.encode(raw)
    }

    fn check_token(&self, headers: &HeaderMap, now: i64) -> Result<KeyHash, ApiError> {
        let token = headers
            .get(h::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| ApiError::unauthorized("A heartbeat needs a session token."))?;
        let raw = B64URL
            .decode(token)
            .map_err(|_| ApiError::unauthorized("The token is not readable."))?;
        if raw.len() != 72 {
            return Err(ApiError::unauthorized("The token is not readable."));
        }
        let mut mac = self.mac();
        mac.update(&raw[..40]);
        mac.verify_slice(&raw[40..])
            .map_err(|_| ApiError::unauthorized("The token is not ours."))?;
        let expires = i64::from_be_bytes(raw[32..40].try_into().expect("eight bytes"));
        if expires < now {
            return Err(ApiError::unauthorized("The token has expired."));
        }
        Ok(raw[..32].try_into().expect("32 bytes"))
    }
}

/// A request whose signature checked out: who signed it (as a key hash) and
/// the body they signed. Taking it as an extractor keeps the order every
/// signed route needs in one place: the body (within its size limit) first,
/// then the network limit and the signature.
struct Signed {
    hash: KeyHash,
    body: Bytes,
}

impl axum::extract::FromRequest<Arc<AppState>> for Signed {
    type Rejection = ApiError;

    async fn from_request(
        request: axum::extract::Request,
        state: &Arc<AppState>,
    ) -> Result<Signed, ApiError> {
        let peer = peer(request.extensions())?;
        let (method, uri, headers) = (
            request.method().clone(),
            request.uri().clone(),
            request.headers().clone(),
        );
        let body = body_or_413(Bytes::from_request(request, state).await)?;
        let hash = state.verify(peer, &method, &uri, &headers, &body).await?;
        Ok(Signed { hash, body })
    }
}

/// A signed request without a body (a GET): who signed it, the signature
/// checked over an empty body after the network limit, as [`Signed`] does.
struct SignedGet {
    hash: KeyHash,
}

impl axum::extract::FromRequestParts<Arc<AppState>> for SignedGet {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &Arc<AppState>,
    ) -> Result<SignedGet, ApiError> {
        let peer = peer(&parts.extensions)?;
        let hash = state
            .verify(peer, &parts.method, &parts.uri, &parts.headers, b"")
            .await?;
        Ok(SignedGet { hash })
    }
}

fn peer(extensions: &axum::http::Extensions) -> Result<SocketAddr, ApiError> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| *peer)
        .ok_or_else(|| {
            ApiError::because(
                ErrorCode::Internal,
                "The service cannot see where the request came from.",
            )
        })
}

fn body_or_413(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorCode::TooLarge)
        } else {
            ApiError::new(ErrorCode::BadBody)
        }
    })
}

fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|_| ApiError::new(ErrorCode::BadJson))
}

/// A letter or reply as it will be stored: without the characters that
/// could play tricks on a reader's screen ([`crate::text::for_storing`]),
/// and only if it has words, fits, and is kind.
fn check_text(state: &AppState, text: &str, max: usize) -> Result<String, ApiError> {
    let text = crate::text::for_storing(text);
    let text = text.trim();
    if text.is_empty() {
        return Err(ApiError::new(ErrorCode::Empty));
    }
    if text.chars().count() > max {
        return Err(ApiError::new(ErrorCode::TooLong));
    }
    if state.config.filter.blocks(text) {
        return Err(ApiError::new(ErrorCode::UnkindWords));
    }
    Ok(text.to_string())
}

/// `{"ok": true}` while the database can take writes; 503 once it cannot
/// (gone away, or deleted under the service), so a supervisor notices.
async fn healthz(State(state): State<Arc<AppState>>) -> Result<Json<serde_json::Value>, ApiError> {
    state.store.healthy().await?;
    Ok(Json(serde_json::json!({ "ok": true })))
}

async fn openapi(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Result<impl IntoResponse, ApiError> {
    state.check_read(peer, now())?;
    Ok((
        [(h::CONTENT_TYPE, "application/json")],
        crate::openapi::DOCUMENT,
    ))
}

/// The idempotency key of a new text, if it has a usable one.
fn idempotency_key(text: &NewText) -> Result<Option<String>, ApiError> {
    match &text.idempotency_key {
        None => Ok(None),
        Some(key) if protocol::is_idempotency_key(key) => Ok(Some(key.clone())),
        Some(_) => Err(ApiError::because(
            ErrorCode::BadJson,
            "The idempotency key is not 8 to 64 letters, digits, - or _.",
        )),
    }
}

async fn session(
    State(state): State<Arc<AppState>>,
    Signed { hash, .. }: Signed,
) -> ApiResult<Session> {
    Ok(Json(Session {
        token: state.issue_token(hash, now() + TOKEN_SECS),
        expires_in: TOKEN_SECS,
    }))
}

async fn heartbeat(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> ApiResult<protocol::Presence> {
    let now = now();
    state.check_network(peer, now)?;
    let hash = state.check_token(&headers, now)?;
    if !state.beat_limit.allow(&hash, now) {
        return Err(ApiError::new(ErrorCode::RateLimited));
    }
    Ok(Json(protocol::Presence {
        resting: state.presence.beat(hash, now),
    }))
}

async fn resting(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> ApiResult<protocol::Presence> {
    state.check_read(peer, now())?;
    Ok(Json(protocol::Presence {
        resting: state.presence.resting(),
    }))
}

async fn write_letter(
    State(state): State<Arc<AppState>>,
    Signed { hash, body }: Signed,
) -> Result<(StatusCode, Json<protocol::Created>), ApiError> {
    let text: NewText = parse_json(&body)?;
    let key = idempotency_key(&text)?;
    let text = check_text(&state, &text.body, LETTER_MAX_CHARS)?;
    let id = state.store.write_letter(hash, text, key, now()).await?;
    Ok((StatusCode::CREATED, Json(protocol::Created { id })))
}

async fn inbox(
    State(state): State<Arc<AppState>>,
    SignedGet { hash }: SignedGet,
) -> ApiResult<protocol::Inbox> {
    let now = now();
    Ok(Json(
        state
            .store
            .inbox(hash, state.config.policy(now), now)
            .await?,
    ))
}

async fn reply(
    State(state): State<Arc<AppState>>,
    Path(letter_id): Path<String>,
    Signed { hash, body }: Signed,
) -> Result<(StatusCode, Json<protocol::Created>), ApiError> {
    let text: NewText = parse_json(&body)?;
    let key = idempotency_key(&text)?;
    let text = check_text(&state, &text.body, REPLY_MAX_CHARS)?;
    let id = state.store.reply(hash, letter_id, text, key, now()).await?;
    Ok((StatusCode::CREATED, Json(protocol::Created { id })))
}

#[derive(Serialize)]
struct Done {
    ok: bool,
}

async fn thank(
    State(state): State<Arc<AppState>>,
    Path(reply_id): Path<String>,
    Signed { hash, .. }: Signed,
) -> ApiResult<Done> {
    state.store.thank(hash, reply_id, now()).await?;
    Ok(Json(Done { ok: true }))
}

#[derive(serde::Deserialize)]
struct ThanksAsked {
    /// Seconds since the epoch; thanks before it are not counted.
    since: Option<i64>,
}

/// How the signer's own answers were thanked: the signer is the only one
/// whose thanks can be read, and the answer names no thanker.
async fn thanks(
    State(state): State<Arc<AppState>>,
    SignedGet { hash }: SignedGet,
    asked: Result<Query<ThanksAsked>, QueryRejection>,
) -> ApiResult<protocol::Thanks> {
    let Query(asked) = asked.map_err(|_| {
        ApiError::because(
            ErrorCode::BadJson,
            "since is seconds since the epoch, a whole number.",
        )
    })?;
    Ok(Json(
        state.store.thanks(hash, asked.since.unwrap_or(0)).await?,
    ))
}

async fn report(
    State(state): State<Arc<AppState>>,
    Signed { hash, body }: Signed,
) -> ApiResult<Done> {
    let report: Report = parse_json(&body)?;
    let now = now();
    state
        .store
        .report(hash, report.kind, report.id, state.config.policy(now), now)
        .await?;
    Ok(Json(Done { ok: true }))
}
