//! A card of fixed units scaled to fit a window and centred in it, and
//! rectangles on it: how the break screen and the joy window place what
//! they draw, and find what the pointer is over.

/// A rectangle in the card's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Area {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Area {
        Area { x, y, w, h }
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }
}

/// The card placed in a window of `width` × `height` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Pixels per unit.
    pub scale: f32,
    /// Where the card's left edge is, in pixels.
    pub x: f32,
    /// Where its top edge is.
    pub y: f32,
}

impl Fit {
    /// A card of `card` units as large as fits in `width` × `height` pixels
    /// (never smaller than a tenth), centred.
    pub fn within(card: (f32, f32), width: u32, height: u32) -> Fit {
        let (w, h) = (width as f32, height as f32);
        let scale = (w / card.0).min(h / card.1).max(0.1);
        Fit {
            scale,
            x: (w - card.0 * scale) / 2.0,
            y: (h - card.1 * scale) / 2.0,
        }
    }

    /// The pixel `(x, y)` in the card's units.
    pub fn on_card(&self, x: f32, y: f32) -> (f32, f32) {
        ((x - self.x) / self.scale, (y - self.y) / self.scale)
    }

    /// Drawing in the card's units lands here on the pixmap.
    pub fn transform(&self) -> tiny_skia::Transform {
        tiny_skia::Transform::from_row(self.scale, 0.0, 0.0, self.scale, self.x, self.y)
    }
}
