//! The break screen's windows (panes): one, or with fullscreen one on
//! every monitor, all showing the same break.

use std::time::{Duration, Instant};

use iyashi_core::catalogue::screen::ScreenSays;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use winit::application::ApplicationHandler;
use winit::dpi::{LogicalSize, PhysicalPosition, Size};
use winit::event::{ElementState, MouseButton, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop};
use winit::keyboard::{Key, NamedKey};
use winit::window::{Fullscreen, Window, WindowId, WindowLevel};

use crate::canvas::pane::{ended, FirstFrame, Pane};
use crate::canvas::why_no_desktop;

use super::draw::{frame, Offer, Pictures};
use super::layout::{window_size, Button, Fit, CARD};
use super::show::Show;
use super::Closed;

/// How the windows open.
pub struct Setup {
    /// Cover every monitor.
    pub fullscreen: bool,
    /// Print on standard error how long after this instant the first frame
    /// was on screen (the benchmark reads it).
    pub report_first_frame: Option<Instant>,
}

struct App {
    show: Show,
    setup: Setup,
    panes: Vec<Pane>,
    pictures: Pictures,
    began: Instant,
    closed: Option<Closed>,
    failed: Option<String>,
    first_frame: FirstFrame,
    /// Shift is held: Tab goes back.
    shift: bool,
}

/// Shows the break until it is answered, closed or over.
pub fn run(show: Show, setup: Setup) -> Result<Closed, String> {
    let lang = show.view.lang;
    let why = |e| why_no_desktop(e, lang);
    let events = EventLoop::new().map_err(why)?;
    let mut app = App {
        show,
        first_frame: FirstFrame::new(setup.report_first_frame),
        setup,
        panes: Vec::new(),
        pictures: Pictures::default(),
        began: Instant::now(),
        closed: None,
        failed: None,
        shift: false,
    };
    events.run_app(&mut app).map_err(why)?;
    // The desktop going away under it is as if closed by hand.
    ended(app.closed, app.failed, Closed::Done)
}

impl App {
    fn open(&mut self, events: &ActiveEventLoop) -> Result<(), String> {
        let title = ScreenSays::Title(self.show.view.kind).render(self.show.view.lang);
        let plain_name = ScreenSays::Title(self.show.view.kind).render(Lang::En);
        let screen = events
            .primary_monitor()
            .or_else(|| events.available_monitors().next());
        let size: Size = match screen {
            // Logical, not physical: on Wayland the window learns its
            // scale only once it is on an output, so a physical size asked
            // for before is taken at scale 1 and doubled at scale 2.
            Some(m) => {
                let scale = m.scale_factor();
                let (w, h) = window_size((m.size().width, m.size().height), scale);
                LogicalSize::new(f64::from(w) / scale, f64::from(h) / scale).into()
            }
            None => LogicalSize::new(CARD.0, CARD.1).into(),
        };
        let base = Window::default_attributes()
            .with_title(title)
            .with_inner_size(size)
            .with_min_inner_size(LogicalSize::new(CARD.0 / 2.0, CARD.1 / 2.0))
            .with_window_level(WindowLevel::AlwaysOnTop);
        let monitors: Vec<_> = match self.setup.fullscreen {
            true => events.available_monitors().map(Some).collect(),
            false => Vec::new(),
        };
        let wanted = if monitors.is_empty() {
            vec![base.clone().with_fullscreen(
                self.setup
                    .fullscreen
                    .then_some(Fullscreen::Borderless(None)),
            )]
        } else {
            monitors
                .into_iter()
                .map(|m| {
                    base.clone()
                        .with_fullscreen(Some(Fullscreen::Borderless(m)))
                })
                .collect()
        };
        for attributes in wanted {
            self.panes
                .push(Pane::open(events, attributes, &plain_name)?);
        }
        Ok(())
    }

    fn draw(&mut self, at: usize) -> Result<(), String> {
        let Some(pane) = self.panes.get_mut(at) else {
            return Ok(());
        };
        let mut view = self.show.view;
        let pointer = pane.pointer;
        let pictures = &mut self.pictures;
        let shown = pane.paint(|pixmap| {
            view.hover = pointer.and_then(|p| {
                Fit::of(pixmap.width(), pixmap.height()).button_at(
                    p.x as f32,
                    p.y as f32,
                    &view.offer.buttons(),
                )
            });
            frame(pixmap, &view, pictures);
        })?;
        if shown {
            self.first_frame.shown();
        }
        Ok(())
    }

    fn close(&mut self, events: &ActiveEventLoop, closed: Closed) {
        self.closed.get_or_insert(closed);
        events.exit();
    }

    fn press(&mut self, events: &ActiveEventLoop, button: Button) {
        match button {
            Button::Later => self.close(events, Closed::Later),
            Button::Done => self.close(events, Closed::Done),
        }
    }

    /// Every control from the keyboard: Tab and Shift+Tab move the focus
    /// between the buttons, Enter or Space presses the focused one, Esc is
    /// "N minutes more" where the break may be put off.
    fn key(&mut self, events: &ActiveEventLoop, key: &Key, repeat: bool) {
        let (offer, focus) = (self.show.view.offer, self.show.view.focus);
        match key {
            Key::Named(NamedKey::Tab) => {
                self.show.view.focus = Button::tab(&offer.buttons(), focus, self.shift);
                for pane in &self.panes {
                    pane.window.request_redraw();
                }
            }
            // A held key does not answer: only a deliberate press does.
            Key::Named(NamedKey::Enter | NamedKey::Space) if !repeat => {
                if let Some(button) = focus {
                    self.press(events, button);
                }
            }
            Key::Named(NamedKey::Escape) if matches!(offer, Offer::Buttons { later: Some(_) }) => {
                self.press(events, Button::Later);
            }
            _ => {}
        }
    }
}

impl ApplicationHandler for App {
    fn resumed(&mut self, events: &ActiveEventLoop) {
        if self.panes.is_empty() {
            if let Err(why) = self.open(events) {
                self.failed = Some(why);
                events.exit();
            }
        }
    }

    fn window_event(&mut self, events: &ActiveEventLoop, id: WindowId, event: WindowEvent) {
        let Some(at) = self.panes.iter().position(|p| p.window.id() == id) else {
            return;
        };
        let offer = self.show.view.offer;
        match event {
            WindowEvent::CloseRequested => self.close(events, Closed::Done),
            WindowEvent::RedrawRequested => {
                if let Err(why) = self.draw(at) {
                    self.failed = Some(why);
                    events.exit();
                }
            }
            WindowEvent::Resized(_) => self.panes[at].window.request_redraw(),
            WindowEvent::CursorMoved { position, .. } => {
                let pane = &mut self.panes[at];
                let size = pane.window.inner_size();
                let fit = Fit::of(size.width, size.height);
                let shown = offer.buttons();
                let under = |p: Option<PhysicalPosition<f64>>| {
                    p.and_then(|p| fit.button_at(p.x as f32, p.y as f32, &shown))
                };
                let before = under(pane.pointer);
                pane.pointer = Some(position);
                if under(pane.pointer) != before {
                    pane.window.request_redraw();
                }
            }
            WindowEvent::CursorLeft { .. } => {
                self.panes[at].pointer = None;
                self.panes[at].window.request_redraw();
            }
            WindowEvent::MouseInput {
                state: ElementState::Released,
                button: MouseButton::Left,
                ..
            } => {
                let pane = &self.panes[at];
                let size = pane.window.inner_size();
                let pressed = pane.pointer.and_then(|p| {
                    Fit::of(size.width, size.height).button_at(
                        p.x as f32,
                        p.y as f32,
                        &offer.buttons(),
                    )
                });
                if let Some(button) = pressed {
                    self.press(events, button);
                }
            }
            WindowEvent::ModifiersChanged(modifiers) => self.shift = modifiers.state().shift_key(),
            // winit makes up a press for every key already held when the
            // window gains the focus: an Enter or Tab meant for the window
            // before must not act here (a Tab then counted twice).
            WindowEvent::KeyboardInput {
                event,
                is_synthetic: false,
                ..
            } if event.state == ElementState::Pressed => {
                self.key(events, &event.logical_key, event.repeat);
            }
            _ => {}
        }
    }

    fn about_to_wait(&mut self, events: &ActiveEventLoop) {
        let since = self.began.elapsed();
        if self.show.over(since) {
            self.close(events, Closed::TimeUp);
            return;
        }
        if self.show.at(since) {
            for pane in &self.panes {
                pane.window.request_redraw();
            }
        }
        let next = self
            .show
            .next_change(since)
            .max(since + Duration::from_millis(5));
        events.set_control_flow(ControlFlow::WaitUntil(self.began + next));
    }
}
