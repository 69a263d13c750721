//! Writes one frame of the room as a PNG, to look at:
//! `cargo run -p iyashi-art --example room_frame -- out.png`.

use iyashi_art::room::{self, Moment, Shown};
use iyashi_core::companion::{Light, Scenery};

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "room.png".to_string());
    let shown = |drawing| Shown::at_home(drawing, 1);
    let moment = Moment {
        scenery: Scenery::Rain,
        light: Light::Dusk,
        weather: 1,
        goro: shown("goro.breathe-in"),
        chibi: Some(shown("chibi.sit")),
        piyo: Some(shown("piyo.chirp")),
    };
    let pixmap = iyashi_art::render::render(&room::svg(&moment, 1200, 720), 1200, 720)
        .expect("the room renders");
    pixmap.save_png(&out).expect("written");
    println!("{out}");
}
