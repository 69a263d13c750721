//! One frame of the desk window: Goro on his cushion on a small mat of
//! tatami against the room's wall, so the window reads as a corner of his
//! room set on the desktop. Pure: the window copies the pixels out, and the
//! snapshot tests look at the same pixels.

use iyashi_art::palette::{self, Rgb};
use iyashi_art::room::Shown;
use tiny_skia::{Pixmap, Rect, Transform};

use crate::canvas::fit::{Area, Fit};
use crate::canvas::paint::{paint, Pictures};

/// The card, in units: his portrait and a margin.
pub const CARD: (f32, f32) = (240.0, 200.0);
/// Where Goro (and his cushion) are drawn.
pub const GORO: Area = Area::new(6.0, 4.0, 228.0, 190.0);
/// The tatami under the cushion, to the card's foot.
pub const MAT: Area = Area::new(0.0, 160.0, 240.0, 40.0);
/// The window's size on screen, in logical pixels (scaled by the
/// monitor's factor): small enough to sit beside a panel.
pub const WINDOW: (f64, f64) = (168.0, 140.0);

/// Draws Goro as `goro` over the whole of `pixmap`.
pub fn frame(pixmap: &mut Pixmap, goro: Shown, pictures: &mut Pictures) {
    let fit = Fit::within(CARD, pixmap.width(), pixmap.height());
    let wall = palette::WALL;
    pixmap.fill(tiny_skia::Color::from_rgba8(wall.0, wall.1, wall.2, 255));
    let card = fit.transform();
    // The wall and the mat run to the window's edges, whatever its shape.
    let (left, right) = (
        -fit.x / fit.scale,
        (pixmap.width() as f32 - fit.x) / fit.scale,
    );
    let bottom = (pixmap.height() as f32 - fit.y) / fit.scale;
    band(
        pixmap,
        card,
        (left, right),
        (MAT.y, bottom),
        palette::TATAMI,
    );
    band(
        pixmap,
        card,
        (left, right),
        (MAT.y, MAT.y + 3.0),
        palette::TATAMI_EDGE,
    );
    pictures.draw(pixmap, fit, GORO, goro);
}

/// A band of `colour` across the card, from `x.0` to `x.1` and `y.0` to `y.1`.
fn band(pixmap: &mut Pixmap, card: Transform, x: (f32, f32), y: (f32, f32), colour: Rgb) {
    if let Some(r) = Rect::from_ltrb(x.0, y.0, x.1, y.1) {
        pixmap.fill_rect(r, &paint(colour), card, None);
    }
}
