//! The whole room as one picture: the wall, the window with the season and
//! the hour outside, the floor, the lamp, the cushion, and whoever is home.
//!
//! The room is 600 × 360 units. The core's stage moves companions in the
//! terminal's cells; here a column is [`COLUMN`] units and a row [`ROW`],
//! the shape of a terminal's cell, so a move looks the same in both rooms.

use iyashi_core::companion::{Light, Scenery};

use crate::picture::{document, place, ViewBox};

/// The room's extent.
pub const ROOM_BOX: ViewBox = ViewBox::new(0.0, 0.0, 600.0, 360.0);
/// The room's natural size in pixels, a unit to a pixel: the web page's
/// scene and its placeholder are this size.
pub const ROOM_PIXELS: (u32, u32) = (ROOM_BOX.w as u32, ROOM_BOX.h as u32);
/// One terminal column, in room units.
pub const COLUMN: f32 = 10.0;
/// One terminal row, in room units.
pub const ROW: f32 = 18.0;

/// Where Goro sits (the middle of his seat) before any offset.
pub const GORO_AT: (f32, f32) = (290.0, 318.0);
/// Where Chibi sits.
pub const CHIBI_AT: (f32, f32) = (468.0, 322.0);
/// Where Piyo perches: the window sill, clear of Goro's ear.
pub const PIYO_AT: (f32, f32) = (186.0, 196.0);
/// The top-left corner of the window's glass.
pub const WINDOW_AT: (f32, f32) = (50.0, 46.0);
const CUSHION_AT: (f32, f32) = (290.0, 326.0);
const LAMP_AT: (f32, f32) = (542.0, 326.0);

/// A drawing as the room shows it: which, offset in cells, which wobble.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The drawing's id, e.g. `goro.sit`.
    pub drawing: &'static str,
    /// Columns right of the companion's place.
    pub dx: i8,
    /// Rows below it.
    pub dy: i8,
    /// Which wobble (taken modulo [`crate::picture::WOBBLES`]).
    pub wobble: u8,
}

impl Shown {
    /// A drawing at its companion's own place.
    pub const fn at_home(drawing: &'static str, wobble: u8) -> Shown {
        Shown {
            drawing,
            dx: 0,
            dy: 0,
            wobble,
        }
    }
}

/// Everything to draw one moment of the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// The season outside.
    pub scenery: Scenery,
    /// The light outside.
    pub light: Light,
    /// Which drawing of the weather (the stage's window counter).
    pub weather: u32,
    /// Goro.
    pub goro: Shown,
    /// Chibi, when visiting.
    pub chibi: Option<Shown>,
    /// Piyo, when around.
    pub piyo: Option<Shown>,
}

/// How many drawings of its weather a scenery has.
pub fn weather_frames(scenery: Scenery) -> u32 {
    match scenery {
        Scenery::Summer | Scenery::Moon => 2,
        _ => 4,
    }
}

/// The drawing of the weather for the stage's window counter.
pub fn weather(scenery: Scenery, counter: u32) -> String {
    let stem = scenery.name();
    format!("{stem}.{}", counter % weather_frames(scenery) + 1)
}

/// The sky behind a scenery at a light.
pub fn sky(scenery: Scenery, light: Light) -> &'static str {
    match (scenery, light) {
        (Scenery::Rain, Light::Day) => "window.sky.rain",
        (_, Light::Day) => "window.sky.day",
        (_, Light::Dusk) => "window.sky.dusk",
        (_, Light::Night) => "window.sky.night",
    }
}

/// The sun or the moon, if one shows.
pub fn luminary(scenery: Scenery, light: Light) -> Option<&'static str> {
    match (scenery, light) {
        (Scenery::Rain, _) => None,
        (Scenery::Moon, Light::Day) => Some("window.pale-moon"),
        (Scenery::Moon, _) => Some("window.full-moon"),
        (Scenery::Summer, Light::Day) => Some("window.sun"),
        // The maple branch fills the top right.
        (Scenery::Leaves, Light::Night) => Some("window.crescent-left"),
        (_, Light::Night) => Some("window.crescent"),
        _ => None,
    }
}

fn light_filter(light: Light) -> Option<&'static str> {
    match light {
        Light::Day => None,
        Light::Dusk => Some("light-dusk"),
        Light::Night => Some("light-night"),
    }
}

/// The window's layers, on the glass's own grid (place it at
/// [`WINDOW_AT`]).
pub fn window(out: &mut String, scenery: Scenery, light: Light, counter: u32) {
    window_with(out, scenery, light, |out| {
        place(out, &weather(scenery, counter), 0.0, 0.0, None)
    });
}

/// The window's layers with `weather` drawing what the season does outside
/// (one drawing of it, or a face's own way of moving through them), under
/// the glass and in the hour's light.
pub fn window_with(
    out: &mut String,
    scenery: Scenery,
    light: Light,
    weather: impl FnOnce(&mut String),
) {
    out.push_str("<g clip-path=\"url(#window-glass)\">");
    place(out, sky(scenery, light), 0.0, 0.0, None);
    if let Some(body) = luminary(scenery, light) {
        place(out, body, 0.0, 0.0, None);
    }
    match light_filter(light) {
        Some(filter) => {
            out.push_str("<g filter=\"url(#");
            out.push_str(filter);
            out.push_str(")\">");
            weather(out);
            out.push_str("</g>");
        }
        None => weather(out),
    }
    out.push_str("</g>");
    place(out, "window.frame", 0.0, 0.0, None);
}

fn companion(out: &mut String, shown: Shown, at: (f32, f32)) {
    let x = at.0 + f32::from(shown.dx) * COLUMN;
    let y = at.1 + f32::from(shown.dy) * ROW;
    place(out, shown.drawing, x, y, Some(shown.wobble));
}

/// The room's layers, back to front, in room units.
pub fn layers(moment: &Moment) -> String {
    let mut out = String::new();
    setting(&mut out, moment.light, |out| {
        window(out, moment.scenery, moment.light, moment.weather)
    });
    // Piyo's sill is on the wall behind Goro: he goes behind Goro too.
    if let Some(piyo) = moment.piyo {
        companion(&mut out, piyo, PIYO_AT);
    }
    companion(&mut out, moment.goro, GORO_AT);
    if let Some(chibi) = moment.chibi {
        companion(&mut out, chibi, CHIBI_AT);
    }
    out
}

/// Everything of the room but its companions, back to front, in room
/// units: the wall, the window (drawn by `window`, on the glass's grid),
/// the floor, the lamp (lit from dusk) and Goro's cushion.
pub fn setting(out: &mut String, light: Light, window: impl FnOnce(&mut String)) {
    let night = light == Light::Night;
    place(
        out,
        if night {
            "room.wall-night"
        } else {
            "room.wall"
        },
        0.0,
        0.0,
        None,
    );
    out.push_str(&format!(
        "<g transform=\"translate({} {})\">",
        WINDOW_AT.0, WINDOW_AT.1
    ));
    window(out);
    out.push_str("</g>");
    place(out, "room.floor", 0.0, 0.0, None);
    if light != Light::Day {
        place(out, "room.glow", LAMP_AT.0, LAMP_AT.1, None);
    }
    let lamp = if light == Light::Day {
        "room.lamp"
    } else {
        "room.lamp-lit"
    };
    place(out, lamp, LAMP_AT.0, LAMP_AT.1, None);
    place(out, "room.cushion", CUSHION_AT.0, CUSHION_AT.1, None);
}

/// The room as an SVG document of `width` × `height` pixels.
pub fn svg(moment: &Moment, width: u32, height: u32) -> String {
    document(ROOM_BOX, width, height, &layers(moment))
}
