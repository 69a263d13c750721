//! iyashi's drawn cast: Goro, Chibi, Piyo and the room as SVG files, the
//! stop-motion that moves them, one palette, and a renderer.

pub mod cast;
pub mod film;
pub mod icon;
pub mod palette;
pub mod picture;
pub mod render;
pub mod room;
pub mod sequence;
pub mod sheet;

pub use resvg::tiny_skia;
