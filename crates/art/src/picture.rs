//! Pictures made of the cast's drawings: a document that carries the whole
//! library in its `<defs>` and places drawings with `<use>`.

use std::fmt::Write;

use crate::cast;

/// A rectangle of a drawing's own units: what a picture shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl ViewBox {
    /// The box from its left, top, width and height.
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> ViewBox {
        ViewBox { x, y, w, h }
    }
}

/// How many wobbles there are (`wobble-0` ...): every drawing shown is
/// pushed about by one of them, a different one each take.
pub const WOBBLES: u8 = 3;

/// Goro's drawings stand on their origin and fit this box.
pub const GORO_BOX: ViewBox = ViewBox::new(-110.0, -166.0, 220.0, 176.0);
/// Chibi's.
pub const CHIBI_BOX: ViewBox = ViewBox::new(-46.0, -84.0, 92.0, 88.0);
/// Piyo's.
pub const PIYO_BOX: ViewBox = ViewBox::new(-36.0, -56.0, 72.0, 60.0);
/// The window with its frame and sill, on the glass's grid.
pub const WINDOW_BOX: ViewBox = ViewBox::new(-20.0, -14.0, 240.0, 176.0);
/// A face for an icon: square.
pub const FACE_BOX: ViewBox = ViewBox::new(-50.0, -50.0, 100.0, 100.0);
/// The paper lamp.
pub const LAMP_BOX: ViewBox = ViewBox::new(-36.0, -112.0, 72.0, 116.0);
/// The lamp's glow.
pub const GLOW_BOX: ViewBox = ViewBox::new(-130.0, -170.0, 260.0, 220.0);
/// The floor cushion.
pub const CUSHION_BOX: ViewBox = ViewBox::new(-112.0, -30.0, 224.0, 46.0);

/// The box a drawing fits in, by what it is a drawing of.
pub fn bounds(id: &str) -> ViewBox {
    match id.split('.').next() {
        _ if id.starts_with("goro.face") || id == "moon.face" => FACE_BOX,
        Some("goro") => GORO_BOX,
        Some("chibi") => CHIBI_BOX,
        Some("piyo") => PIYO_BOX,
        Some("window") => WINDOW_BOX,
        _ if id == "room.lamp" || id == "room.lamp-lit" => LAMP_BOX,
        _ if id == "room.cushion" => CUSHION_BOX,
        _ if id == "room.glow" => GLOW_BOX,
        _ => crate::room::ROOM_BOX,
    }
}

/// A whole SVG document showing `view`, `width` × `height` pixels, with the
/// library in its defs and `body` drawn.
pub fn document(view: ViewBox, width: u32, height: u32, body: &str) -> String {
    let mut out = String::with_capacity(cast::library().len() + body.len() + 256);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" width=\"{width}\" height=\"{height}\">",
        view.x, view.y, view.w, view.h
    );
    out.push_str("<defs>");
    out.push_str(cast::library());
    out.push_str("</defs>");
    out.push_str(body);
    out.push_str("</svg>");
    out
}

/// A `<use>` of drawing `id` with its origin at `(x, y)`, through a wobble
/// when one is given.
pub fn place(out: &mut String, id: &str, x: f32, y: f32, wobble: Option<u8>) {
    let _ = write!(out, "<use href=\"#{id}\"");
    if x != 0.0 || y != 0.0 {
        let _ = write!(out, " transform=\"translate({x} {y})\"");
    }
    if let Some(w) = wobble {
        let _ = write!(out, " filter=\"url(#wobble-{})\"", w % WOBBLES);
    }
    out.push_str("/>");
}

/// One drawing alone, filling a `size` × `size` picture (its box scaled to
/// fit), as a document.
pub fn single(id: &str, size: u32, wobble: Option<u8>) -> String {
    let mut body = String::new();
    place(&mut body, id, 0.0, 0.0, wobble);
    document(bounds(id), size, size, &body)
}

/// Goro on his floor cushion, as the room has him, in a box just big
/// enough for both: the share card's Goro.
pub const PORTRAIT_BOX: ViewBox = ViewBox::new(-114.0, -164.0, 228.0, 190.0);

/// Goro in `pose` (a drawing id such as `goro.sit`) on his cushion, as a
/// document `size` pixels square.
pub fn portrait(pose: &str, size: u32) -> String {
    let mut body = String::new();
    place(&mut body, "room.cushion", 0.0, 8.0, None);
    place(&mut body, pose, 0.0, 0.0, Some(0));
    document(PORTRAIT_BOX, size, size, &body)
}
