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
//! - **Another server on this computer**: browsers keep cookies apart by
//!   host, not by port, so any local server the browser visits receives the
//!   cookie. The cookie alone therefore opens nothing but the page's own
//!   code: everything that carries the journal (the API, its events, the
//!   scene and its film, which know whether today's mood was low) also
//!   needs the page's key. The key is handed over once, with the cookie, in
//!   the address's fragment (which never reaches a server); the page keeps
//!   it in its own storage, which
//!   browsers do keep apart by port, and sends it in an `X-Iyashi-Key`
//!   header that no other site can set. Neither the cookie nor the key
//!   reveals the token, or each other.
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

/// The header that carries the page's key.
pub const KEY_HEADER: &str = "x-iyashi-key";

/// Who may come in: the server's port and its secret.
#[derive(Clone, Debug)]
pub struct Door {
    pub port: u16,
    pub token: String,
}

/// One secret made from the token for one use; one-way, so the cookie
/// (which other local servers may see) tells nothing of the token or the key.
fn derived(token: &str, purpose: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"iyashi web ")
        .chain_update(purpose.as_bytes())
        .chain_update(b"\0")
        .chain_update(token.as_bytes())
        .finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Door {
    /// What the cookie holds.
    fn cookie_value(&self) -> String {
        derived(&self.token, "cookie")
    }

    /// The key the page sends with everything that reads or writes the
    /// journal.
    fn page_key(&self) -> String {
        derived(&self.token, "page key")
    }

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

    fn cookie_matches(&self, given: &str) -> bool {
        same(given.as_bytes(), self.cookie_value().as_bytes())
    }

    fn key_matches(&self, given: &str) -> bool {
        same(given.as_bytes(), self.page_key().as_bytes())
    }

    /// The page's key, from its header, or for a GET that the browser makes
    /// itself and cannot add headers to (the event stream, the film's
    /// stylesheet), from the `key` query parameter.
    fn key_given<'r>(&self, request: &'r Request) -> Option<&'r str> {
        let header = request
            .headers()
            .get(KEY_HEADER)
            .and_then(|k| k.to_str().ok());
        header.or_else(|| {
            (*request.method() == Method::GET)
                .then(|| request.uri().query().and_then(|q| query_value(q, "key")))
                .flatten()
        })
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

/// One parameter of a query string (the link's `token`, the page's `key`).
fn query_value<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The page's own code and pictures: the same for everyone, nothing of the
/// journal in them, so the cookie alone opens them.
fn is_page_code(path: &str) -> bool {
    matches!(
        path,
        "/" | "/app.js" | "/app.css" | "/favicon.svg" | "/cast.svg"
    )
}

/// The middleware: checks a request, and hardens whatever goes back.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let mut response = match check(&state.door, &request) {
        Ok(Pass::Through) => next.run(request).await,
        Ok(Pass::KeepToken { at_letters }) => keep_token(&state.door, at_letters),
        Err((status, text)) => (status, text.render(state.lang)).into_response(),
    };
    harden(response.headers_mut());
    response
}

enum Pass {
    Through,
    /// The link's token was right: set the cookie and go on without it
    /// (to the letter form when the link asked for it with `at=letters`,
    /// as the tray's "Write a kind letter" does).
    KeepToken {
        at_letters: bool,
    },
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
    let path = request.uri().path();
    if let Some(given) = request.uri().query().and_then(|q| query_value(q, "token")) {
        return if !changes && path == "/" && door.token_matches(given) {
            let at = request.uri().query().and_then(|q| query_value(q, "at"));
            Ok(Pass::KeepToken {
                at_letters: at == Some("letters"),
            })
        } else {
            Err((StatusCode::UNAUTHORIZED, WebText::NoToken))
        };
    }
    let no_entry = Err((StatusCode::UNAUTHORIZED, WebText::NoToken));
    if !door
        .cookie_token(headers)
        .is_some_and(|c| door.cookie_matches(c))
    {
        return no_entry;
    }
    if is_page_code(path) || door.key_given(request).is_some_and(|k| door.key_matches(k)) {
        Ok(Pass::Through)
    } else {
        no_entry
    }
}

fn keep_token(door: &Door, at_letters: bool) -> Response {
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000",
        door.cookie_name(),
        door.cookie_value()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    // The fragment stays in the browser: the page takes the key from it
    // and clears the address.
    let at = if at_letters { "&at=letters" } else { "" };
    if let Ok(place) = HeaderValue::from_str(&format!("/#key={}{at}", door.page_key())) {
        headers.insert(header::LOCATION, place);
    }
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
        assert_eq!(query_value("x=1&token=t0k", "token"), Some("t0k"));
    }

    #[test]
    fn the_cookie_and_the_key_are_different_and_reveal_no_token() {
        let d = door();
        let (cookie, key) = (d.cookie_value(), d.page_key());
        assert_eq!((cookie.len(), key.len()), (64, 64));
        assert!(cookie != key && !cookie.contains("abc123") && !key.contains("abc123"));
        assert!(!d.token_matches(&cookie) && !d.key_matches(&cookie));
        assert!(d.cookie_matches(&cookie) && d.key_matches(&key));
    }
}
