//! Drawing on a card with tiny-skia, shared by the break screen and the
//! joy window: Goro's pictures, words in the embedded font, and buttons.

use iyashi_art::palette::{self, Rgb};
use iyashi_art::picture::{document, place, PORTRAIT_BOX};
use iyashi_art::room::{Shown, COLUMN, ROW};
use tiny_skia::{FillRule, Paint, Pixmap, PixmapPaint, Stroke, Transform};

use super::fit::{Area, Fit};
use crate::episode::font;
use crate::episode::shape::rounded_rect;

/// Goro's pictures, drawn once per take at the window's size: the stage
/// comes back to the same few takes over and over.
#[derive(Default)]
pub struct Pictures {
    drawn: Vec<(Shown, u32, u32, Pixmap)>,
}

impl Pictures {
    fn get(&mut self, shown: Shown, w: u32, h: u32) -> Option<&Pixmap> {
        let at = self
            .drawn
            .iter()
            .position(|(s, dw, dh, _)| *s == shown && *dw == w && *dh == h);
        let at = match at {
            Some(at) => at,
            None => {
                let mut body = String::new();
                place(&mut body, "room.cushion", 0.0, 8.0, None);
                let (dx, dy) = (f32::from(shown.dx) * COLUMN, f32::from(shown.dy) * ROW);
                place(&mut body, shown.drawing, dx, dy, Some(shown.wobble));
                let doc = document(PORTRAIT_BOX, w, h, &body);
                let picture = iyashi_art::render::render(&doc, w, h).ok()?;
                self.drawn.push((shown, w, h, picture));
                self.drawn.len() - 1
            }
        };
        self.drawn.get(at).map(|(.., p)| p)
    }

    /// Goro as `shown`, on his cushion, filling `area` of the card.
    pub fn draw(&mut self, pixmap: &mut Pixmap, fit: Fit, area: Area, shown: Shown) {
        let (w, h) = ((area.w * fit.scale) as u32, (area.h * fit.scale) as u32);
        if let Some(goro) = self.get(shown, w.max(1), h.max(1)) {
            pixmap.draw_pixmap(
                (fit.x + area.x * fit.scale) as i32,
                (fit.y + area.y * fit.scale) as i32,
                goro.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
        }
    }
}

/// A fill (or stroke) of `colour`, smoothed.
pub fn paint(colour: Rgb) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(colour.0, colour.1, colour.2, 255);
    p.anti_alias = true;
    p
}

/// A rounded button at `a` with `label` centred in it, `size` units high,
/// filled and outlined in `colours`.
pub fn pill(
    pixmap: &mut Pixmap,
    card: Transform,
    a: Area,
    label: &str,
    size: f32,
    (fill, line): (Rgb, Rgb),
) {
    if let Some(shape) = rounded_rect(a.x, a.y, a.w, a.h, corner(a)) {
        pixmap.fill_path(&shape, &paint(fill), FillRule::Winding, card, None);
        let stroke = Stroke {
            width: 1.5,
            ..Stroke::default()
        };
        pixmap.stroke_path(&shape, &paint(line), &stroke, card, None);
    }
    let w = font::width(label, size);
    let x = a.x + (a.w - w) / 2.0;
    let y = a.y + a.h / 2.0 + 0.36 * size;
    text(pixmap, card, label, size, x, y, palette::INK);
}

/// How round a button's corners are.
pub fn corner(a: Area) -> f32 {
    a.h / 4.0
}

/// The keyboard's place: a soft wood-brown ring `gap` units outside `a`
/// (whose corners are rounded by `radius`), as the web room marks focus,
/// so it reads as "here" without the glare of a system outline.
pub fn focus_ring(pixmap: &mut Pixmap, card: Transform, a: Area, radius: f32, gap: f32) {
    let (x, y, w, h) = (a.x - gap, a.y - gap, a.w + 2.0 * gap, a.h + 2.0 * gap);
    if let Some(ring) = rounded_rect(x, y, w, h, radius + gap) {
        let stroke = Stroke {
            width: 3.0,
            ..Stroke::default()
        };
        pixmap.stroke_path(&ring, &paint(palette::WOOD_DARK), &stroke, card, None);
    }
}

/// `s` at `size` units, its baseline starting at `(x, y)` on the card.
pub fn text(pixmap: &mut Pixmap, card: Transform, s: &str, size: f32, x: f32, y: f32, colour: Rgb) {
    if let Some(path) = font::outline(s, size, x, y) {
        pixmap.fill_path(&path, &paint(colour), FillRule::Winding, card, None);
    }
}

/// How many pixels of `area` are within a small distance of `colour`.
#[cfg(test)]
pub fn count(p: &Pixmap, area: Area, colour: Rgb) -> usize {
    let mut n = 0;
    for y in area.y as u32..(area.y + area.h) as u32 {
        for x in area.x as u32..(area.x + area.w) as u32 {
            let px = p.pixel(x, y).unwrap();
            let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
            if d(px.red(), colour.0) + d(px.green(), colour.1) + d(px.blue(), colour.2) < 24 {
                n += 1;
            }
        }
    }
    n
}
