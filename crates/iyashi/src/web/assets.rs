//! The page's files, embedded in the binary so the room works offline and
//! from wherever `iyashi` was copied.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use iyashi_art::palette;
use std::sync::OnceLock;

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
        Some(("app.css", kind, _)) => {
            ([(header::CONTENT_TYPE, *kind)], stylesheet()).into_response()
        }
        Some((_, kind, body)) => ([(header::CONTENT_TYPE, *kind)], *body).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The page's stylesheet: the palette's colours that `app.css` uses, as
/// CSS variables (`--soft`), then `app.css` itself, so the page, the
/// drawings, the card and the plots share one palette.
fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| {
        let css = FILES[2].2;
        let vars: String = palette::ALL
            .iter()
            .map(|(name, rgb)| (palette::css_variable(name), rgb))
            .filter(|(var, _)| css.contains(&format!("var({var})")))
            .map(|(var, rgb)| format!("{var}:{};", rgb.hex()))
            .collect();
        format!(":root{{{vars}}}\n{css}")
    })
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
        use super::super::labels::label;
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
    fn the_pages_scene_is_the_drawn_rooms_size() {
        // The static page cannot name the art crate's constant: it is
        // checked against it instead.
        let (w, h) = iyashi_art::room::ROOM_PIXELS;
        let (html, css) = (FILES[0].2, FILES[2].2);
        assert!(
            html.contains(&format!("viewBox=\"0 0 {w} {h}\"")),
            "index.html"
        );
        assert!(
            css.contains(&format!("aspect-ratio: {w} / {h};")),
            "app.css"
        );
    }

    #[test]
    fn every_colour_of_the_page_is_the_palettes() {
        let css = FILES[2].2;
        // A colour literal: `#` and 3, 4, 6 or 8 hex digits ending a word
        // (an id selector such as `#day` goes on in letters).
        let literal = css.split('#').skip(1).find(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_hexdigit).count();
            let after = rest[digits..].chars().next();
            [3, 4, 6, 8].contains(&digits)
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
        });
        assert_eq!(literal, None, "app.css names a colour of its own");
        assert!(!css.contains("rgb(") && !css.contains("hsl("));
        let sheet = stylesheet();
        let defined = &sheet[..sheet.find('\n').unwrap()];
        let used: Vec<&str> = css
            .split("var(")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
            .collect();
        assert!(used.len() > 10);
        for var in used {
            assert!(
                defined.contains(&format!("{var}:#")),
                "{var} is no colour of the palette"
            );
        }
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
