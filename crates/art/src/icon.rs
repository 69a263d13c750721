//! Goro's face as a small icon, 16 to 64 pixels: how the day stands at a
//! glance (for the tray).

use resvg::tiny_skia::Pixmap;

use crate::picture;
use crate::render::{render, RenderError};

/// Which face.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Working along, all is well.
    Content,
    /// A break is due: he looks up.
    LookingUp,
    /// Resting.
    Asleep,
    /// Quiet hours, or outside working hours: a small moon.
    Moon,
}

impl Face {
    /// Every face.
    pub const ALL: [Face; 4] = [Face::Content, Face::LookingUp, Face::Asleep, Face::Moon];

    /// The drawing's id.
    pub fn drawing(self) -> &'static str {
        match self {
            Face::Content => "goro.face.content",
            Face::LookingUp => "goro.face.looking-up",
            Face::Asleep => "goro.face.asleep",
            Face::Moon => "moon.face",
        }
    }

    /// The icon as an SVG document, `size` pixels square. No wobble: an icon
    /// stays crisp.
    pub fn svg(self, size: u32) -> String {
        picture::single(self.drawing(), size, None)
    }

    /// The icon, `size` pixels square, on a transparent background.
    pub fn render(self, size: u32) -> Result<Pixmap, RenderError> {
        render(&self.svg(size), size, size)
    }
}
