//! The share card: a 1080×1350 PNG (the portrait size social feeds show
//! whole) with the episode's title, its season in kanji with its name in the
//! card's language, three joys, the month's rest when there was some, and Goro.
//!
//! Drawn with tiny-skia (anti-aliased, pure Rust) and the embedded font, so
//! the same card comes out on every machine.

use iyashi_art::palette::{self, Rgb};
use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::episode::Episode;
use iyashi_core::season::SolarTerm;
use iyashi_core::Lang;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use super::font;

/// A colour with its opacity, 0–255 each.
type Rgba = (u8, u8, u8, u8);

const fn opaque(c: Rgb) -> Rgba {
    (c.0, c.1, c.2, 255)
}

/// The card's size in pixels.
pub const WIDTH: u32 = 1080;
/// The card's height in pixels.
pub const HEIGHT: u32 = 1350;

const MARGIN: f32 = 80.0;
const PAPER: Rgba = opaque(palette::PAPER);
const INK: Rgba = opaque(palette::INK);
const SOFT: Rgba = opaque(palette::SOFT);
const FAINT: Rgba = opaque(palette::FAINT);

/// Goro's square: its top-left corner and side.
const GORO_AT: (f32, f32) = (WIDTH as f32 - MARGIN - 450.0, 345.0);
const GORO_SIZE: f32 = 470.0;

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
    opaque(match term.map(|t| t.longitude()) {
        Some(l) if !(45..315).contains(&l) => palette::WASH_SPRING,
        Some(l) if l < 135 => palette::WASH_SUMMER,
        Some(l) if l < 225 => palette::WASH_AUTUMN,
        Some(_) => palette::WASH_WINTER,
        None => palette::WASH_NONE,
    })
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
        if let Some(path) = super::shape::rounded_rect(x, y, w, h, r) {
            self.pixmap.fill_path(
                &path,
                &paint(c),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }

    /// Goro on his cushion, from the drawn cast, in the square of `size`
    /// pixels at `(x, y)`.
    fn goro(&mut self, x: f32, y: f32, size: f32) {
        let svg = iyashi_art::picture::portrait("goro.sit", size as u32);
        // The cast is embedded and its tests parse every drawing, so this
        // cannot fail at run time; a card without Goro beats no card.
        let _ = iyashi_art::render::draw(&mut self.pixmap, &svg, x, y, size, size);
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
                opaque(palette::FLOWER),
            );
        }
        self.oval(cx, cy, r * 0.3, r * 0.3, opaque(palette::FLOWER_HEART));
    }
}

/// The two lines under a season's kanji, in the card's language.
fn season_lines(term: SolarTerm, lang: Lang) -> [String; 2] {
    [
        EpisodeText::CardSeason(term).render(lang),
        EpisodeText::CardSeasonAside(term).render(lang),
    ]
}

/// The month's breaks and their rest, only when there were some: a card
/// never counts what did not happen.
fn rest_figure(episode: &Episode, lang: Lang) -> Option<String> {
    let breaks = episode.work.breaks();
    (breaks > 0).then(|| {
        EpisodeText::RestFigure {
            breaks,
            rest: episode.work.rest,
        }
        .render(lang)
    })
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
    // A motif is the person's own words (from a joy): private keeps
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

    // The season in kanji, large, in both languages: a window onto the
    // Japanese calendar. Under it, words in the card's own language.
    let season_top = below_title.max(330.0) + 30.0;
    if let Some(term) = episode.title.season {
        let [name, aside] = season_lines(term, lang);
        c.text(
            term.name().kanji,
            170.0,
            MARGIN + 4.0,
            season_top + 170.0,
            INK,
        );
        c.text(&name, 44.0, MARGIN + 10.0, season_top + 250.0, INK);
        c.text(&aside, 30.0, MARGIN + 10.0, season_top + 300.0, SOFT);
    }
    c.goro(GORO_AT.0, GORO_AT.1, GORO_SIZE);

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

    // The month's rest, in a pill, when there was some.
    if let Some(rest) = rest_figure(episode, lang) {
        let rest_w = font::width(&rest, 36.0) + 70.0;
        c.rounded(MARGIN, 1180.0, rest_w, 74.0, 37.0, opaque(palette::PILL));
        c.text(&rest, 36.0, MARGIN + 35.0, 1230.0, INK);
    }

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
    fn goro_on_the_card_is_the_drawn_casts_goro() {
        let card = pixels(&render(&episode(Lang::En), Lang::En, false));
        let (x0, y0) = (GORO_AT.0 as u32, GORO_AT.1 as u32);
        let side = GORO_SIZE as u32;
        let fur = iyashi_art::palette::FUR;
        let count = |p: &Pixmap, (x0, y0): (u32, u32)| {
            (y0..y0 + side)
                .flat_map(|y| (x0..x0 + side).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    let px = p.pixel(x, y).expect("inside");
                    let near = |a: u8, b: u8| a.abs_diff(b) <= 2;
                    px.alpha() == 255
                        && near(px.red(), fur.0)
                        && near(px.green(), fur.1)
                        && near(px.blue(), fur.2)
                })
                .count()
        };
        // Drawn alone, the same portrait has as much of the same fur (but
        // for a few edge pixels blended with the card): one Goro, from the
        // cast's files.
        let alone = {
            let svg = iyashi_art::picture::portrait("goro.sit", side);
            let mut p = Pixmap::new(side, side).expect("a pixmap");
            iyashi_art::render::draw(&mut p, &svg, 0.0, 0.0, GORO_SIZE, GORO_SIZE)
                .expect("the portrait draws");
            p
        };
        let on_card = count(&card, (x0, y0));
        assert!(on_card > 20_000, "{on_card} fur pixels");
        let alone = count(&alone, (0, 0));
        assert!(
            on_card.abs_diff(alone) * 100 < alone,
            "{on_card} vs {alone}"
        );
    }

    #[test]
    fn the_season_under_the_kanji_is_in_the_card_s_language() {
        let shousetsu = SolarTerm::at_longitude(240).unwrap();
        assert_eq!(season_lines(shousetsu, Lang::En)[0], "Light snow");
        for line in season_lines(shousetsu, Lang::Ja) {
            assert!(!line.chars().any(|c| c.is_ascii_alphabetic()), "{line}");
        }
    }

    #[test]
    fn a_month_without_breaks_shows_no_rest_figure() {
        let quiet = Episode::build(
            Month {
                year: 2026,
                month: 11,
            },
            jiff::civil::date(2026, 12, 31),
            &[],
            &[],
            &RhythmSettings::default(),
        );
        assert_eq!(rest_figure(&quiet, Lang::En), None);
        let pill_rows = (1180, 1255);
        let card = pixels(&render(&quiet, Lang::Ja, false));
        assert_eq!(ink(&card, pill_rows.0, pill_rows.1), 0);
        let full = episode(Lang::Ja);
        assert!(rest_figure(&full, Lang::Ja).is_some());
        let card = pixels(&render(&full, Lang::Ja, false));
        assert!(ink(&card, pill_rows.0, pill_rows.1) > 500);
    }

    #[test]
    fn the_card_as_people_see_it() {
        // Looked at and accepted by hand: a change here is a change people see.
        insta::assert_binary_snapshot!("card_en.png", render(&episode(Lang::En), Lang::En, false));
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
