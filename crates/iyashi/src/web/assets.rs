//! The page's files, embedded in the binary so the room works offline and
//! from wherever `iyashi` was copied.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// `(name, content type, bytes)` of every embedded file.
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_str!("assets/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_str!("assets/favicon.svg"),
    ),
];

/// The embedded file `name`.
pub fn page(name: &str) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, body)) => ([(header::CONTENT_TYPE, *kind)], *body).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_no_inline_script_or_style() {
        let html = FILES[0].2;
        assert!(html.contains("<script src=\"/app.js\" defer></script>"));
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the one script file"
        );
        assert!(!html.contains("<style") && !html.contains("style=\""));
        assert!(!html.contains(" on"), "no inline event handlers");
    }

    #[test]
    fn every_label_the_script_asks_for_is_in_the_catalogue() {
        use iyashi_core::catalogue::web::label;
        use iyashi_core::Lang;
        let js = FILES[1].2;
        let html = FILES[0].2;
        let keys = js
            .split("label(\"")
            .skip(1)
            .chain(html.split("data-label=\"").skip(1))
            .filter_map(|rest| rest.split('"').next());
        let mut seen = 0;
        for key in keys {
            seen += 1;
            assert!(label(Lang::En, key).is_some(), "no label {key:?}");
        }
        assert!(seen > 10);
    }

    #[test]
    fn the_script_never_writes_markup() {
        let js = FILES[1].2;
        for risky in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!js.contains(risky), "app.js uses {risky}");
        }
    }
}
