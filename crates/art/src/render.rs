//! SVG to pixels, through usvg (parsing) and resvg (drawing with tiny-skia).

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

/// Why an SVG document could not become a picture.
#[derive(Debug)]
pub enum RenderError {
    /// The document is not SVG usvg can read.
    Parse(usvg::Error),
    /// A zero or absurd size was asked for.
    Size { width: u32, height: u32 },
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Parse(e) => write!(f, "the drawing is not readable SVG: {e}"),
            RenderError::Size { width, height } => {
                write!(f, "cannot draw a picture {width}×{height} pixels")
            }
        }
    }
}

impl std::error::Error for RenderError {}

/// Parses `svg` (which may refer to nothing outside itself).
pub fn parse(svg: &str) -> Result<usvg::Tree, RenderError> {
    usvg::Tree::from_str(svg, &usvg::Options::default()).map_err(RenderError::Parse)
}

/// Draws `svg` scaled to fit `width` × `height` pixels, centred, on a
/// transparent background.
pub fn render(svg: &str, width: u32, height: u32) -> Result<Pixmap, RenderError> {
    let tree = parse(svg)?;
    let mut pixmap = Pixmap::new(width, height).ok_or(RenderError::Size { width, height })?;
    draw_tree(&tree, &mut pixmap, 0.0, 0.0, width as f32, height as f32);
    Ok(pixmap)
}

/// Draws `tree` into the box `(x, y, w, h)` of `pixmap`, scaled to fit and
/// centred in it.
pub fn draw_tree(tree: &usvg::Tree, pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32) {
    let size = tree.size();
    let scale = (w / size.width()).min(h / size.height());
    let dx = x + (w - size.width() * scale) / 2.0;
    let dy = y + (h - size.height() * scale) / 2.0;
    let transform = Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    resvg::render(tree, transform, &mut pixmap.as_mut());
}

/// Draws the SVG document `svg` into the box `(x, y, w, h)` of `pixmap`,
/// scaled to fit and centred.
pub fn draw(
    pixmap: &mut Pixmap,
    svg: &str,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
) -> Result<(), RenderError> {
    let tree = parse(svg)?;
    draw_tree(&tree, pixmap, x, y, w, h);
    Ok(())
}
