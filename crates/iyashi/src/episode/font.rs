//! The one font pictures are drawn with, and text laid out in it.
//!
//! Why embedded: a share card must render Japanese on every machine, and a
//! fresh machine (CI's among them) may have no Japanese font at all, so
//! finding one on the system can only ever be a hope. A subset of Noto Sans
//! CJK JP (open licence) covering JIS X 0208, kana and Latin is 1.5 MB in the
//! binary and needs nothing at run time; `fonts/README.md` says how it was
//! cut. A character it lacks is left out rather than drawn as a box.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlineCurve};
use iyashi_core::line_break::{may_begin_line, may_end_line};
use tiny_skia::{Path, PathBuilder};

/// The font file itself.
pub static FONT_BYTES: &[u8] = include_bytes!("fonts/NotoSansCJKjp-Regular-subset.otf");

/// The embedded font, parsed once.
pub fn font() -> &'static FontRef<'static> {
    static FONT: OnceLock<FontRef<'static>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).expect("the embedded font parses"))
}

/// Makes the font plotters' "sans-serif" for PNG plots (SVG names the
/// family and leaves the glyphs to whoever opens the file).
pub fn register_for_plotters() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = plotters::style::register_font(
            "sans-serif",
            plotters::style::FontStyle::Normal,
            FONT_BYTES,
        );
    });
}

/// Whether the font can draw `c` (whitespace needs no glyph).
pub fn covers(c: char) -> bool {
    c.is_whitespace() || font().glyph_id(c) != GlyphId(0)
}

fn scale(size: f32) -> f32 {
    size / font().units_per_em().unwrap_or(1000.0)
}

/// How wide `text` is at `size` pixels to the em.
pub fn width(text: &str, size: f32) -> f32 {
    let f = font();
    text.chars()
        .filter(|c| covers(*c))
        .map(|c| f.h_advance_unscaled(f.glyph_id(c)))
        .sum::<f32>()
        * scale(size)
}

/// The outlines of `text` at `size`, its baseline starting at `(x, y)`, as
/// one path to fill; `None` when nothing in it has ink (spaces, or nothing
/// the font covers).
pub fn outline(text: &str, size: f32, x: f32, y: f32) -> Option<Path> {
    let f = font();
    let s = scale(size);
    let mut pb = PathBuilder::new();
    let mut pen = x;
    for c in text.chars().filter(|c| covers(*c)) {
        let id = f.glyph_id(c);
        if let Some(outline) = f.outline(id) {
            let at = |p: ab_glyph::Point| (pen + p.x * s, y - p.y * s);
            let mut last: Option<ab_glyph::Point> = None;
            for curve in &outline.curves {
                let start = match curve {
                    OutlineCurve::Line(a, _)
                    | OutlineCurve::Quad(a, _, _)
                    | OutlineCurve::Cubic(a, _, _, _) => *a,
                };
                // A curve that does not start where the last ended begins a
                // new contour.
                if last != Some(start) {
                    if last.is_some() {
                        pb.close();
                    }
                    let (sx, sy) = at(start);
                    pb.move_to(sx, sy);
                }
                match curve {
                    OutlineCurve::Line(_, b) => {
                        let (bx, by) = at(*b);
                        pb.line_to(bx, by);
                        last = Some(*b);
                    }
                    OutlineCurve::Quad(_, b, c2) => {
                        let ((bx, by), (cx, cy)) = (at(*b), at(*c2));
                        pb.quad_to(bx, by, cx, cy);
                        last = Some(*c2);
                    }
                    OutlineCurve::Cubic(_, b, c2, d) => {
                        let ((bx, by), (cx, cy), (dx, dy)) = (at(*b), at(*c2), at(*d));
                        pb.cubic_to(bx, by, cx, cy, dx, dy);
                        last = Some(*d);
                    }
                }
            }
            if last.is_some() {
                pb.close();
            }
        }
        pen += f.h_advance_unscaled(id) * s;
    }
    pb.finish()
}

/// Breaks `text` into lines no wider than `max` at `size`: between words in
/// English, between characters in Japanese (never before a closing mark). At
/// most `max_lines`; a cut-short last line ends in "…".
pub fn wrap(text: &str, size: f32, max: f32, max_lines: usize) -> Vec<String> {
    // Units that stay together: a run of non-CJK letters with its trailing
    // spaces, or one wide character with any closing marks after it.
    let mut units: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| covers(*c)) {
        let c = if c == '\n' { ' ' } else { c };
        let wide = c > '\u{2E80}';
        match units.last_mut() {
            Some(u) if !may_begin_line(c) => u.push(c),
            // An opening mark stays with what it opens.
            Some(u) if u.chars().next_back().is_some_and(|l| !may_end_line(l)) => u.push(c),
            Some(u) if !wide && c != ' ' && !u.ends_with(' ') && !is_wide(u) => u.push(c),
            Some(u) if c == ' ' => u.push(c),
            _ => units.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for unit in units {
        let candidate = format!("{line}{unit}");
        if !line.is_empty() && width(candidate.trim_end(), size) > max {
            lines.push(line.trim_end().to_string());
            line = unit.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && width(&format!("{last}…"), size) > max {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    lines
}

fn is_wide(unit: &str) -> bool {
    unit.chars().next().is_some_and(|c| c > '\u{2E80}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::catalogue::episode::EpisodeText;
    use iyashi_core::catalogue::Message;
    use iyashi_core::episode::{sample, Episode, Month};
    use iyashi_core::rhythm::RhythmSettings;
    use iyashi_core::season::SolarTerm;
    use iyashi_core::Lang;

    #[test]
    fn every_season_and_every_episode_text_has_its_glyphs() {
        let mut text = String::new();
        for term in SolarTerm::in_year_order() {
            let n = term.name();
            text += &format!("{}{}{}{}", n.kanji, n.kana, n.romaji, n.english);
        }
        let year = sample::year(2026, jiff::civil::date(2026, 12, 31), Lang::Ja);
        for m in 1..=12 {
            let month = Month {
                year: 2026,
                month: m,
            };
            let e = Episode::build(
                month,
                jiff::civil::date(2026, 12, 31),
                &year.entries,
                &year.records,
                &RhythmSettings::default(),
            );
            for lang in [Lang::En, Lang::Ja] {
                text += &e.render_text(lang);
                text += &EpisodeText::PrivateJoys(3).render(lang);
            }
        }
        let missing: String = text
            .chars()
            .filter(|c| !covers(*c) && !"▁▂▃▄▅▆▇█".contains(*c))
            .collect();
        assert_eq!(missing, "", "characters the card could not draw");
    }

    #[test]
    fn japanese_is_drawn_as_outlines_not_boxes() {
        let path = outline("小雪と、お茶", 40.0, 0.0, 40.0).expect("ink");
        let b = path.bounds();
        assert!(b.width() > 200.0 && b.width() < 6.0 * 40.0, "{b:?}");
        assert!(!covers('\u{10FFFD}'));
        // A character outside the font is left out, not drawn as a box.
        assert_eq!(width("\u{10FFFD}", 40.0), 0.0);
    }

    #[test]
    fn lines_break_between_words_and_never_before_a_closing_mark() {
        let en = wrap("a quiet walk home by the river at dusk", 20.0, 150.0, 5);
        assert!(
            en.len() > 1 && en.iter().all(|l| width(l, 20.0) <= 150.0),
            "{en:?}"
        );
        assert!(en.iter().all(|l| !l.starts_with(' ')));
        let ja = wrap(
            "静かな帰り道、川沿いを散歩した。とても気持ちよかった。",
            20.0,
            100.0,
            9,
        );
        assert!(
            ja.iter()
                .all(|l| !l.starts_with('、') && !l.starts_with('。')),
            "{ja:?}"
        );
        // Nor does a line end on an opening mark, at any width.
        for max in (60..=200).step_by(5) {
            let quoted = wrap("帰り道に「小雪」と書いた。", 20.0, max as f32, 9);
            assert_eq!(quoted.concat(), "帰り道に「小雪」と書いた。");
            assert!(quoted.iter().all(|l| !l.ends_with('「')), "{quoted:?}");
        }
        let cut = wrap("one two three four five six seven eight", 20.0, 80.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
    }
}
