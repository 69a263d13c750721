//! The share card: a 1080×1350 PNG (the portrait size social feeds show
//! whole) with the episode's title, its season in kanji and English, three
//! joys, the month's rest, and Goro.
//!
//! Drawn with tiny-skia (anti-aliased, pure Rust) and the embedded font, so
//! the same card comes out on every machine.

use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::episode::Episode;
use iyashi_core::season::SolarTerm;
use iyashi_core::Lang;
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform,
};

use super::font;
use super::goro::{Rgba, Shape, GORO};

/// The card's size in pixels.
pub const WIDTH: u32 = 1080;
/// The card's height in pixels.
pub const HEIGHT: u32 = 1350;

const MARGIN: f32 = 80.0;
const PAPER: Rgba = (247, 241, 229, 255);
const INK: Rgba = (59, 42, 32, 255);
const SOFT: Rgba = (138, 106, 82, 255);
const FAINT: Rgba = (170, 150, 130, 255);

/// Where the joys are drawn, for tests that check `--private` leaves them out.
pub const JOYS_TOP: f32 = 860.0;
/// The bottom of the joys' area.
#[cfg(test)]
pub const JOYS_BOTTOM: f32 = 1160.0;

fn color((r, g, b, a): Rgba) -> Color {
    Color::from_rgba8(r, g, b, a)
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

/// A pale wash for the season's quarter of the year, by the Sun's longitude:
/// spring pink, summer green, autumn amber, winter blue.
fn season_wash(term: Option<SolarTerm>) -> Rgba {
    match term.map(|t| t.longitude()) {
        Some(l) if !(45..315).contains(&l) => (244, 217, 220, 255),
        Some(l) if l < 135 => (220, 235, 210, 255),
        Some(l) if l < 225 => (243, 222, 196, 255),
        Some(_) => (220, 229, 239, 255),
        None => (236, 228, 214, 255),
    }
}

struct Canvas {
    pixmap: Pixmap,
}

impl Canvas {
    fn text(&mut self, text: &str, size: f32, x: f32, baseline: f32, c: Rgba) {
        if let Some(path) = font::outline(text, size, x, baseline) {
            self.pixmap.fill_path(
                &path,
                &paint(c),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// Lines of wrapped text from `top`; returns where the next line would go.
    fn paragraph(&mut self, lines: &[String], size: f32, x: f32, top: f32, c: Rgba) -> f32 {
        let step = size * 1.35;
        let mut y = top + size;
        for line in lines {
            self.text(line, size, x, y, c);
            y += step;
        }
        y - size
    }

    fn oval(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, c: Rgba) {
        if let Some(rect) = Rect::from_xywh(cx - rx, cy - ry, rx * 2.0, ry * 2.0) {
            if let Some(path) = PathBuilder::from_oval(rect) {
                self.pixmap.fill_path(
                    &path,
                    &paint(c),
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
        }
    }

    fn rounded(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, c: Rgba) {
        let mut pb = PathBuilder::new();
        pb.move_to(x + r, y);
        pb.line_to(x + w - r, y);
        pb.quad_to(x + w, y, x + w, y + r);
        pb.line_to(x + w, y + h - r);
        pb.quad_to(x + w, y + h, x + w - r, y + h);
        pb.line_to(x + r, y + h);
        pb.quad_to(x, y + h, x, y + h - r);
        pb.line_to(x, y + r);
        pb.quad_to(x, y, x + r, y);
        pb.close();
        if let Some(path) = pb.finish() {
            self.pixmap.fill_path(
                &path,
                &paint(c),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// Goro at `(x, y)`, `size` pixels square.
    fn goro(&mut self, x: f32, y: f32, size: f32) {
        let k = size / 100.0;
        for shape in GORO {
            match *shape {
                Shape::Oval {
                    cx,
                    cy,
                    rx,
                    ry,
                    color,
                } => self.oval(x + cx * k, y + cy * k, rx * k, ry * k, color),
                Shape::Stroke {
                    points,
                    width,
                    color,
                } => {
                    let mut pb = PathBuilder::new();
                    for (i, (px, py)) in points.iter().enumerate() {
                        let (px, py) = (x + px * k, y + py * k);
                        if i == 0 {
                            pb.move_to(px, py);
                        } else {
                            pb.line_to(px, py);
                        }
                    }
                    if let Some(path) = pb.finish() {
                        let stroke = Stroke {
                            width: width * k,
                            line_cap: LineCap::Round,
                            line_join: LineJoin::Round,
                            ..Stroke::default()
                        };
                        self.pixmap.stroke_path(
                            &path,
                            &paint(color),
                            &stroke,
                            Transform::identity(),
                            None,
                        );
                    }
                }
            }
        }
    }

    /// A small five-petalled flower, the mark of a joy.
    fn flower(&mut self, cx: f32, cy: f32, r: f32) {
        for i in 0..5 {
            let a = std::f32::consts::TAU * i as f32 / 5.0 - std::f32::consts::FRAC_PI_2;
            self.oval(
                cx + a.cos() * r * 0.55,
                cy + a.sin() * r * 0.55,
                r * 0.42,
                r * 0.42,
                (236, 170, 160, 255),
            );
        }
        self.oval(cx, cy, r * 0.3, r * 0.3, (240, 200, 110, 255));
    }
}

/// The card for `episode`, as PNG bytes. With `private`, the joys' words are
/// left out and only their number is shown.
pub fn render(episode: &Episode, lang: Lang, private: bool) -> Vec<u8> {
    let pixmap = Pixmap::new(WIDTH, HEIGHT).expect("a card-sized pixmap");
    let mut c = Canvas { pixmap };
    let say = |t: EpisodeText| t.render(lang);
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    c.pixmap.fill(color(PAPER));
    // The season's wash behind the top of the card, and a paper edge.
    c.rounded(
        40.0,
        40.0,
        w - 80.0,
        760.0,
        48.0,
        season_wash(episode.title.season),
    );

    c.text(
        &say(EpisodeText::Number(episode.number)),
        40.0,
        MARGIN + 10.0,
        130.0,
        SOFT,
    );
    let month = words::month(lang, episode.month.year, episode.month.month);
    let month_w = font::width(&month, 30.0);
    c.text(&month, 30.0, w - MARGIN - 10.0 - month_w, 128.0, SOFT);
    // A motif is the person's own words (a tag or a joy): private keeps
    // them off the card too, leaving the season to name the episode.
    let mut title = episode.title.clone();
    if private {
        title.motif = None;
    }
    let title = say(EpisodeText::Title {
        title,
        month: episode.month,
    });
    let title_lines = font::wrap(&title, 64.0, w - 2.0 * MARGIN - 20.0, 2);
    let below_title = c.paragraph(&title_lines, 64.0, MARGIN + 10.0, 160.0, INK);

    // The season in kanji, large, with its English name: both languages
    // alike, as a window onto the Japanese calendar.
    let season_top = below_title.max(330.0) + 30.0;
    if let Some(term) = episode.title.season {
        let n = term.name();
        c.text(n.kanji, 170.0, MARGIN + 4.0, season_top + 170.0, INK);
        c.text(n.english, 44.0, MARGIN + 10.0, season_top + 250.0, INK);
        c.text(
            &format!("{} · {}", n.romaji, n.kana),
            30.0,
            MARGIN + 10.0,
            season_top + 300.0,
            SOFT,
        );
    }
    c.goro(w - MARGIN - 390.0, 380.0, 400.0);

    // Three joys, or how many there were.
    let mut y = JOYS_TOP;
    let joy_size = 38.0;
    if episode.empty {
        let lines = font::wrap(
            &say(EpisodeText::Empty(episode.month)),
            34.0,
            w - 2.0 * MARGIN,
            5,
        );
        c.paragraph(&lines, 34.0, MARGIN, y, SOFT);
    } else if private || episode.joys.is_empty() {
        let text = if episode.joys.is_empty() {
            say(EpisodeText::NoJoys)
        } else {
            say(EpisodeText::PrivateJoys(episode.joy_count))
        };
        let lines = font::wrap(&text, joy_size, w - 2.0 * MARGIN - 60.0, 3);
        c.flower(MARGIN + 20.0, y + joy_size * 0.62, 20.0);
        c.paragraph(&lines, joy_size, MARGIN + 60.0, y, INK);
    } else {
        for joy in episode.joys.iter().take(3) {
            let lines = font::wrap(&joy.text, joy_size, w - 2.0 * MARGIN - 60.0, 2);
            c.flower(MARGIN + 20.0, y + joy_size * 0.62, 20.0);
            y = c.paragraph(&lines, joy_size, MARGIN + 60.0, y, INK) + 22.0;
        }
    }

    // The month's rest, in a pill.
    let rest = say(EpisodeText::RestFigure {
        breaks: episode.work.breaks(),
        rest: episode.work.rest,
    });
    let rest_w = font::width(&rest, 36.0) + 70.0;
    c.rounded(MARGIN, 1180.0, rest_w, 74.0, 37.0, (255, 255, 255, 200));
    c.text(&rest, 36.0, MARGIN + 35.0, 1230.0, INK);

    let sign = "iyashi 癒し";
    let sign_w = font::width(sign, 28.0);
    c.text(sign, 28.0, w - MARGIN - sign_w, h - 58.0, FAINT);

    c.pixmap.encode_png().expect("a pixmap encodes as PNG")
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::episode::{sample, Month};
    use iyashi_core::rhythm::RhythmSettings;

    fn episode(lang: Lang) -> Episode {
        let year = sample::year(2026, jiff::civil::date(2026, 12, 31), lang);
        Episode::build(
            Month {
                year: 2026,
                month: 11,
            },
            jiff::civil::date(2026, 12, 31),
            &year.entries,
            &year.records,
            &RhythmSettings::default(),
        )
    }

    fn pixels(png: &[u8]) -> Pixmap {
        Pixmap::decode_png(png).expect("a PNG")
    }

    /// How many pixels in rows `top..bottom` are darker than the paper.
    fn ink(p: &Pixmap, top: u32, bottom: u32) -> usize {
        (top..bottom)
            .flat_map(|y| (0..p.width()).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let px = p.pixel(x, y).expect("inside");
                u16::from(px.red()) + u16::from(px.green()) + u16::from(px.blue()) < 300
            })
            .count()
    }

    #[test]
    fn a_card_is_portrait_size_and_has_text_in_it() {
        for lang in [Lang::En, Lang::Ja] {
            let png = render(&episode(lang), lang, false);
            let p = pixels(&png);
            assert_eq!((p.width(), p.height()), (WIDTH, HEIGHT));
            // Title rows, and the joys' rows, carry dark ink: text was drawn.
            assert!(ink(&p, 160, 260) > 2000, "{lang}: no title ink");
            assert!(
                ink(&p, JOYS_TOP as u32, JOYS_BOTTOM as u32) > 3000,
                "{lang}: no joys"
            );
        }
    }

    #[test]
    fn private_leaves_the_joys_words_out() {
        let e = episode(Lang::Ja);
        let open = pixels(&render(&e, Lang::Ja, false));
        let private = pixels(&render(&e, Lang::Ja, true));
        let (a, b) = (
            ink(&open, JOYS_TOP as u32, JOYS_BOTTOM as u32),
            ink(&private, JOYS_TOP as u32, JOYS_BOTTOM as u32),
        );
        assert!(b * 2 < a, "private {b} vs open {a}");
        // Above the joys it is the same card, but for the title's motif,
        // which is the person's own words too.
        assert!(e.title.motif.is_some());
        let mut untitled = e.clone();
        untitled.title.motif = None;
        let without_motif = pixels(&render(&untitled, Lang::Ja, false));
        assert_eq!(
            ink(&without_motif, 0, JOYS_TOP as u32),
            ink(&private, 0, JOYS_TOP as u32)
        );
        assert_ne!(ink(&open, 0, 300), ink(&private, 0, 300));
    }
}
