//! The room's door: every request passes through [`guard`] before any
//! handler sees it.
//!
//! What it keeps out, and how:
//! - **Another website, through DNS rebinding** (a name of theirs that
//!   suddenly points at 127.0.0.1): the `Host` header must be this server's
//!   own, `127.0.0.1:PORT` or `localhost:PORT`.
//! - **Another local user or program**: every request needs the per-install
//!   secret token, from a file only its owner can read. The link printed by
//!   `iyashi web` carries it once (`/?token=…`); the server trades it for an
//!   `HttpOnly; SameSite=Strict` cookie and sends the browser on without it,
//!   so the token stays out of the address bar and history.
//! - **Cross-site request forgery**: a change (anything but GET or HEAD)
//!   must come with this server's own `Origin`, and the API reads only JSON
//!   bodies, which a plain cross-site form cannot send.
//! - **Injected script**: every response carries a Content-Security-Policy
//!   that allows only the room's own script and styles, no inline script,
//!   no framing; the page only ever puts a person's words in as text.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use iyashi_core::catalogue::web::WebText;
use iyashi_core::catalogue::Message;

use super::AppState;

/// The policy sent with every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'";

/// Who may come in: the server's port and its secret.
#[derive(Clone, Debug)]
pub struct Door {
    pub port: u16,
    pub token: String,
}

impl Door {
    /// The cookie's name; it carries the port so two rooms on one machine
    /// (two homes) do not overwrite each other's key.
    pub fn cookie_name(&self) -> String {
        format!("iyashi-{}", self.port)
    }

    fn host_is_ours(&self, host: &str) -> bool {
        let port = self.port.to_string();
        match host.rsplit_once(':') {
            Some((name, p)) => p == port && (name == "127.0.0.1" || name == "localhost"),
            None => false,
        }
    }

    fn origin_is_ours(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| self.host_is_ours(host))
    }

    fn token_matches(&self, given: &str) -> bool {
        same(given.as_bytes(), self.token.as_bytes())
    }

    fn cookie_token<'h>(&self, headers: &'h HeaderMap) -> Option<&'h str> {
        let name = self.cookie_name();
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

/// Compares secrets in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token a link carries, from a query string.
fn query_token(query: &str) -> Option<&str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| v)
}

/// The middleware: checks a request, and hardens whatever goes back.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let mut response = match check(&state.door, &request) {
        Ok(Pass::Through) => next.run(request).await,
        Ok(Pass::KeepToken) => keep_token(&state.door),
        Err((status, text)) => (status, text.render(state.lang)).into_response(),
    };
    harden(response.headers_mut());
    response
}

enum Pass {
    Through,
    /// The link's token was right: set the cookie and go on without it.
    KeepToken,
}

fn check(door: &Door, request: &Request) -> Result<Pass, (StatusCode, WebText)> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| door.host_is_ours(h)) {
        return Err((StatusCode::MISDIRECTED_REQUEST, WebText::WrongHost));
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes {
        let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
        let fetched_from_elsewhere = headers
            .get("sec-fetch-site")
            .is_some_and(|s| s != "same-origin");
        if !origin.is_some_and(|o| door.origin_is_ours(o)) || fetched_from_elsewhere {
            return Err((StatusCode::FORBIDDEN, WebText::WrongOrigin));
        }
    }
    if let Some(given) = request.uri().query().and_then(query_token) {
        return if !changes && request.uri().path() == "/" && door.token_matches(given) {
            Ok(Pass::KeepToken)
        } else {
            Err((StatusCode::UNAUTHORIZED, WebText::NoToken))
        };
    }
    match door.cookie_token(headers) {
        Some(given) if door.token_matches(given) => Ok(Pass::Through),
        _ => Err((StatusCode::UNAUTHORIZED, WebText::NoToken)),
    }
}

fn keep_token(door: &Door) -> Response {
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000",
        door.cookie_name(),
        door.token
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, HeaderValue::from_static("/"));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

/// Headers every response carries, errors included.
fn harden(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, "content-security-policy", CSP);
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "no-referrer");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, "cache-control", "no-store");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn door() -> Door {
        Door {
            port: 8765,
            token: "abc123".into(),
        }
    }

    #[test]
    fn only_our_own_host_and_port_are_ours() {
        let d = door();
        assert!(d.host_is_ours("127.0.0.1:8765"));
        assert!(d.host_is_ours("localhost:8765"));
        for other in [
            "127.0.0.1",
            "127.0.0.1:8766",
            "evil.example:8765",
            "localhost.evil.example:8765",
            "127.0.0.1.nip.io:8765",
            "[::1]:8765",
        ] {
            assert!(!d.host_is_ours(other), "{other}");
        }
        assert!(d.origin_is_ours("http://localhost:8765"));
        assert!(!d.origin_is_ours("https://localhost:8765"));
        assert!(!d.origin_is_ours("null"));
    }

    #[test]
    fn the_token_is_found_in_a_cookie_among_others() {
        let d = door();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; iyashi-8765=abc123; b=2"),
        );
        assert_eq!(d.cookie_token(&headers), Some("abc123"));
        assert!(d.token_matches("abc123"));
        assert!(!d.token_matches("abc124"));
        assert!(!d.token_matches("abc12"));
        assert_eq!(query_token("x=1&token=t0k"), Some("t0k"));
    }
}
