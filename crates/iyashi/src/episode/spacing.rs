//! The plots' type sizes and room in pixels: one set for every chart of a
//! picture, so the charts stacked in one file read as one page and their
//! days line up.

/// Room for the y labels, the same in every chart so their days line up.
pub const Y_LABELS: u32 = 110;
/// Room for the x labels, the same in every chart so their heights match.
pub const X_LABELS: u32 = 36;
/// Around each chart.
pub const MARGIN: u32 = 16;
/// The picture's heading.
pub const HEADING: u32 = 30;
/// A chart's caption.
pub const CAPTION: u32 = 24;
/// The legend's words.
pub const LEGEND: u32 = 18;
/// The axes' labels.
pub const TICK: u32 = 16;
