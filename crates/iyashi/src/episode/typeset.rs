//! Text for PNG plots, set with each glyph's side bearing.
//!
//! plotters' own ab_glyph drawing places every glyph's ink box at the pen,
//! ignoring where the font puts the ink within the em, which spaces kana
//! unevenly ("まあま あ"). This backend passes every shape through to the
//! one it wraps and draws text itself, with the embedded font, the way the
//! card does.

use ab_glyph::{point, Font, PxScale, ScaleFont};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

use super::font;

/// A backend whose text is drawn from the embedded font's outlines.
pub struct Typeset<B> {
    /// The backend everything else goes to.
    pub inner: B,
}

/// The pixels to the em of text plotters sizes at `size`: plotters scales the
/// font so that its ascent-to-descent height is `size`, and lays labels out
/// by that, so text here must be set at the same scale.
fn em(size: f64) -> f32 {
    let f = font::font();
    let upem = f.units_per_em().unwrap_or(1000.0);
    size as f32 * upem / f.height_unscaled()
}

impl<B: DrawingBackend> DrawingBackend for Typeset<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        // iyashi's plots never turn text; should one, plotters draws it.
        if color.alpha == 0.0 || !matches!(style.transform(), FontTransform::None) {
            return self.inner.draw_text(text, style, pos);
        }
        let em = em(style.size());
        let f = font::font();
        let scale = PxScale::from(style.size() as f32);
        let scaled = f.as_scaled(scale);
        let width = font::width(text, em);
        let anchor = style.anchor();
        let (x, y) = (pos.0 as f32, pos.1 as f32);
        let mut pen = match anchor.h_pos {
            HPos::Left => x,
            HPos::Center => x - width / 2.0,
            HPos::Right => x - width,
        };
        // The CJK ink box runs from 0.88 em above the baseline to 0.12 below.
        let baseline = match anchor.v_pos {
            VPos::Top => y + 0.88 * em,
            VPos::Center => y + 0.38 * em,
            VPos::Bottom => y - 0.12 * em,
        };
        for c in text.chars().filter(|c| font::covers(*c)) {
            let id = f.glyph_id(c);
            let glyph = id.with_scale_and_position(scale, point(pen, baseline));
            if let Some(outlined) = f.outline_glyph(glyph) {
                let bounds = outlined.px_bounds();
                let mut failed = None;
                outlined.draw(|gx, gy, coverage| {
                    if coverage <= 0.0 || failed.is_some() {
                        return;
                    }
                    let at = (
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                    );
                    let ink = BackendColor {
                        alpha: color.alpha * f64::from(coverage.min(1.0)),
                        rgb: color.rgb,
                    };
                    if let Err(e) = self.inner.draw_pixel(at, ink) {
                        failed = Some(e);
                    }
                });
                if let Some(e) = failed {
                    return Err(e);
                }
            }
            pen += scaled.h_advance(id);
        }
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let em = em(style.size());
        Ok((font::width(text, em).ceil() as u32, em.ceil() as u32))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }
}
