//! A window that shows pixels drawn with tiny-skia, shared by the break
//! screen and the joy window: winit opens it (X11 or Wayland), softbuffer
//! puts the pixmap on screen. Everything here is safe code: winit's window
//! is handed to softbuffer through `Rc`, which carries the raw window
//! handle without any `unsafe` on this side.

use std::num::NonZeroU32;
use std::rc::Rc;

use std::time::Instant;

use tiny_skia::Pixmap;
use winit::dpi::PhysicalPosition;
use winit::event_loop::ActiveEventLoop;
use winit::window::{Window, WindowAttributes};

use super::why_no_window;

type Surface = softbuffer::Surface<Rc<Window>, Rc<Window>>;

/// One window and what it shows.
pub struct Pane {
    pub window: Rc<Window>,
    surface: Surface,
    pixmap: Option<Pixmap>,
    /// Where the pointer is over the window, while it is.
    pub pointer: Option<PhysicalPosition<f64>>,
}

impl Pane {
    /// Opens a window with `attributes`, asking for its first frame.
    /// `plain_name` is its title in ASCII, for where X11 can only carry
    /// Latin-1 (see `canvas::x11_name`).
    pub fn open(
        events: &ActiveEventLoop,
        attributes: WindowAttributes,
        plain_name: &str,
    ) -> Result<Pane, String> {
        let title = attributes.title.clone();
        let window = Rc::new(events.create_window(attributes).map_err(why_no_window)?);
        #[cfg(feature = "x11")]
        super::x11_name::set(&window, &title, plain_name);
        #[cfg(not(feature = "x11"))]
        let _ = (title, plain_name);
        let context = softbuffer::Context::new(window.clone()).map_err(why_no_window)?;
        let surface = Surface::new(&context, window.clone()).map_err(why_no_window)?;
        window.request_redraw();
        Ok(Pane {
            window,
            surface,
            pixmap: None,
            pointer: None,
        })
    }

    /// Lets `draw` paint the whole window (at its size in pixels) and shows
    /// it. False when the window has no area yet, so nothing was shown.
    pub fn paint(&mut self, draw: impl FnOnce(&mut Pixmap)) -> Result<bool, String> {
        let size = self.window.inner_size();
        let (Some(w), Some(h)) = (NonZeroU32::new(size.width), NonZeroU32::new(size.height)) else {
            return Ok(false);
        };
        if self
            .pixmap
            .as_ref()
            .is_none_or(|p| p.width() != w.get() || p.height() != h.get())
        {
            self.pixmap = Pixmap::new(w.get(), h.get());
        }
        let Some(pixmap) = self.pixmap.as_mut() else {
            return Ok(false);
        };
        draw(pixmap);
        self.surface.resize(w, h).map_err(why_no_window)?;
        let mut buffer = self.surface.buffer_mut().map_err(why_no_window)?;
        for (out, px) in buffer.iter_mut().zip(pixmap.pixels()) {
            // The background is opaque, so premultiplied is plain colour.
            *out = u32::from(px.red()) << 16 | u32::from(px.green()) << 8 | u32::from(px.blue());
        }
        buffer.present().map_err(why_no_window)?;
        Ok(true)
    }
}

/// Says on standard error, once, how long after an instant the first
/// frame was on screen (the benchmarks read it).
pub struct FirstFrame(Option<Instant>);

impl FirstFrame {
    /// Reports against `since`; says nothing when `None`.
    pub fn new(since: Option<Instant>) -> FirstFrame {
        FirstFrame(since)
    }

    /// A frame is on screen.
    pub fn shown(&mut self) {
        if let Some(since) = self.0.take() {
            eprintln!("first frame {} ms", since.elapsed().as_millis());
        }
    }
}

/// How a window's event loop ended: `failed` if something failed, else how
/// it was `closed`, else (the desktop went away under it) `otherwise`.
pub fn ended<T>(closed: Option<T>, failed: Option<String>, otherwise: T) -> Result<T, String> {
    match (closed, failed) {
        (_, Some(why)) => Err(why),
        (Some(closed), None) => Ok(closed),
        (None, None) => Ok(otherwise),
    }
}
