//! The contact sheet: every drawing of the cast on one page, to look at
//! them side by side (`cargo run -p iyashi-art --example contact_sheet`
//! writes `docs/cast.png`).

use std::fmt::Write;

use iyashi_core::companion::{ChibiPose, GoroPose, Light, PiyoPose, Scenery};

use crate::palette;
use crate::picture::{bounds, document, place, ViewBox, WINDOW_BOX};
use crate::room::{self, Moment, Shown, ROOM_BOX};

const CELL: f32 = 150.0;
const GAP: f32 = 10.0;
const COLUMNS: usize = 8;

struct Page {
    body: String,
    y: f32,
}

impl Page {
    fn cell(&mut self, x: f32, w: f32, h: f32, view: ViewBox, inner: &str) {
        let _ = write!(
            self.body,
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{h}\" rx=\"8\" fill=\"{}\"/>\
             <svg x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"{} {} {} {}\">{inner}</svg>",
            self.y,
            palette::PILL.hex(),
            self.y,
            view.x,
            view.y,
            view.w,
            view.h
        );
    }

    /// Drawings in rows of [`COLUMNS`] square cells.
    fn grid(&mut self, ids: &[&str]) {
        for row in ids.chunks(COLUMNS) {
            for (i, id) in row.iter().enumerate() {
                let mut inner = String::new();
                place(&mut inner, id, 0.0, 0.0, Some(0));
                let x = GAP + i as f32 * (CELL + GAP);
                self.cell(x, CELL, CELL, bounds(id), &inner);
            }
            self.y += CELL + GAP;
        }
    }
}

/// The width of the sheet in pixels.
pub const WIDTH: u32 = (GAP + COLUMNS as f32 * (CELL + GAP)) as u32;

/// The contact sheet as an SVG document, and its height in pixels.
pub fn svg() -> (String, u32) {
    let mut page = Page {
        body: String::new(),
        y: GAP,
    };
    let goro: Vec<&str> = GoroPose::ALL.iter().map(|p| p.name()).collect();
    page.grid(&goro);
    let mut friends: Vec<&str> = ChibiPose::ALL.iter().map(|p| p.name()).collect();
    friends.extend(PiyoPose::ALL.iter().map(|p| p.name()));
    friends.extend(["room.cushion", "room.lamp", "room.lamp-lit"]);
    friends.extend(crate::icon::Face::ALL.iter().map(|f| f.drawing()));
    page.grid(&friends);
    // The window: every season (rows) by day, dusk and night, and the
    // whole room at each light.
    let (w, h) = (
        (WIDTH as f32 - 4.0 * GAP) / 3.0,
        (WIDTH as f32 - 4.0 * GAP) / 3.0 * WINDOW_BOX.h / WINDOW_BOX.w,
    );
    for scenery in Scenery::ALL {
        for (i, light) in [Light::Day, Light::Dusk, Light::Night]
            .into_iter()
            .enumerate()
        {
            let mut inner = String::new();
            room::window(&mut inner, scenery, light, 0);
            page.cell(GAP + i as f32 * (w + GAP), w, h, WINDOW_BOX, &inner);
        }
        page.y += h + GAP;
    }
    let rh = w * ROOM_BOX.h / ROOM_BOX.w;
    let rooms = [
        (Scenery::Petals, Light::Day, "goro.hug", Some("chibi.wave")),
        (Scenery::Leaves, Light::Dusk, "goro.stretch-high", None),
        (
            Scenery::Snow,
            Light::Night,
            "goro.yawn-wide",
            Some("chibi.sit"),
        ),
    ];
    for (i, (scenery, light, goro, chibi)) in rooms.into_iter().enumerate() {
        let shown = |drawing| Shown::at_home(drawing, 0);
        let moment = Moment {
            scenery,
            light,
            weather: 0,
            goro: shown(goro),
            chibi: chibi.map(shown),
            piyo: Some(shown("piyo.perch")),
        };
        page.cell(
            GAP + i as f32 * (w + GAP),
            w,
            rh,
            ROOM_BOX,
            &room::layers(&moment),
        );
    }
    page.y += rh + GAP;
    let height = page.y as u32;
    let mut body = format!(
        "<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"{}\"/>",
        palette::PAPER.hex()
    );
    body.push_str(&page.body);
    (
        document(
            ViewBox::new(0.0, 0.0, WIDTH as f32, height as f32),
            WIDTH,
            height,
            &body,
        ),
        height,
    )
}
