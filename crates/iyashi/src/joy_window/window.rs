//! The joy window on the desktop: one small pane (see `screen::pane`),
//! the keyboard and the input method turned into the form's presses.

use std::time::Instant;

use iyashi_core::catalogue::joy_window::JoyWindowSays;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use winit::application::ApplicationHandler;
use winit::dpi::{LogicalSize, PhysicalPosition, PhysicalSize};
use winit::event::{ElementState, Ime, KeyEvent, MouseButton, WindowEvent};
use winit::event_loop::{ActiveEventLoop, EventLoop};
use winit::keyboard::{Key, ModifiersState, NamedKey};
use winit::window::{Window, WindowId};

use super::draw::{button_at, frame, CaretBox, CARD, FIELD};
use super::form::{Answer, Focus, Form, Press};
use crate::canvas::fit::Fit;
use crate::canvas::paint::Pictures;
use crate::canvas::pane::{ended, FirstFrame, Pane};
use crate::canvas::raise::{forward, to_front, Raise};
use crate::canvas::why_no_desktop;

/// How the window was closed.
#[derive(Debug, PartialEq, Eq)]
pub enum Closed {
    /// The joy is in the journal.
    Kept,
    /// Closed without keeping (Not now, Esc, or the window closed): the
    /// words in the field then.
    Left(String),
}

/// Writes a joy down; a failure is said in the window, which stays open.
pub type Keep<'a> = dyn FnMut(&str) -> Result<(), String> + 'a;

struct App<'a> {
    form: Form,
    keep: &'a mut Keep<'a>,
    pane: Option<Pane>,
    pictures: Pictures,
    first_frame: FirstFrame,
    modifiers: ModifiersState,
    caret: Option<CaretBox>,
    closed: Option<Closed>,
    failed: Option<String>,
}

/// Shows `form` until it is answered or closed.
pub fn run<'a>(
    form: Form,
    report_first_frame: Option<Instant>,
    raise: signal_hook::iterator::Signals,
    keep: &'a mut Keep<'a>,
) -> Result<Closed, String> {
    let lang = form.lang;
    let why = |e| why_no_desktop(e, lang);
    let events = EventLoop::<Raise>::with_user_event().build().map_err(why)?;
    forward(raise, events.create_proxy());
    let mut app = App {
        // Until the desktop gives the window the keyboard.
        form: Form {
            active: false,
            ..form
        },
        keep,
        pane: None,
        pictures: Pictures::default(),
        first_frame: FirstFrame::new(report_first_frame),
        modifiers: ModifiersState::default(),
        caret: None,
        closed: None,
        failed: None,
    };
    events.run_app(&mut app).map_err(why)?;
    // The desktop going away under it is as if closed by hand.
    let left = Closed::Left(app.form.field.text().to_string());
    ended(app.closed, app.failed, left)
}

impl App<'_> {
    fn draw(&mut self) -> Result<(), String> {
        let Some(pane) = self.pane.as_mut() else {
            return Ok(());
        };
        let (form, pictures) = (&self.form, &mut self.pictures);
        let mut caret = None;
        if pane.paint(|pixmap| caret = Some(frame(pixmap, form, pictures)))? {
            self.first_frame.shown();
        }
        // The input method's candidates open beside the caret.
        if let Some(c) = caret.filter(|c| Some(*c) != self.caret) {
            pane.window.set_ime_cursor_area(
                PhysicalPosition::new(c.x as f64, c.y as f64),
                PhysicalSize::new(2.0, c.h as f64),
            );
            self.caret = Some(c);
        }
        Ok(())
    }

    fn answer(&mut self, events: &ActiveEventLoop, answer: Option<Answer>) {
        match answer {
            None => {}
            Some(Answer::NotNow) => {
                let left = self.form.field.text().to_string();
                self.closed.get_or_insert(Closed::Left(left));
                events.exit();
            }
            Some(Answer::Keep(text)) => match (self.keep)(&text) {
                Ok(()) => {
                    self.closed.get_or_insert(Closed::Kept);
                    events.exit();
                }
                Err(why) => self.form.message = Some(JoyWindowSays::NotKept(why)),
            },
        }
        self.redraw();
    }

    fn redraw(&self) {
        if let Some(pane) = &self.pane {
            pane.window.request_redraw();
        }
    }

    /// The key as the form understands it, if it means anything there.
    fn press(&self, event: &KeyEvent) -> Option<Press> {
        let shift = self.modifiers.shift_key();
        // Shortcuts of other programs (Ctrl+S, Alt+F4...) type nothing here.
        let chord = self.modifiers.control_key() || self.modifiers.alt_key();
        Some(match &event.logical_key {
            Key::Named(NamedKey::Enter) => Press::Enter { shift },
            Key::Named(NamedKey::Escape) => Press::Escape,
            Key::Named(NamedKey::Tab) => Press::Tab { back: shift },
            Key::Named(NamedKey::Backspace) => Press::Backspace,
            Key::Named(NamedKey::Delete) => Press::Delete,
            Key::Named(NamedKey::ArrowLeft) => Press::Left,
            Key::Named(NamedKey::ArrowRight) => Press::Right,
            Key::Named(NamedKey::Home) => Press::Home,
            Key::Named(NamedKey::End) => Press::End,
            _ if chord => return None,
            _ => Press::Text(event.text.as_ref()?.to_string()),
        })
    }
}

impl ApplicationHandler<Raise> for App<'_> {
    fn user_event(&mut self, _: &ActiveEventLoop, _: Raise) {
        if let Some(pane) = &self.pane {
            to_front(&pane.window);
        }
    }

    fn resumed(&mut self, events: &ActiveEventLoop) {
        if self.pane.is_some() {
            return;
        }
        let attributes = Window::default_attributes()
            .with_title(JoyWindowSays::Title.render(self.form.lang))
            .with_inner_size(LogicalSize::new(CARD.0, CARD.1))
            .with_min_inner_size(LogicalSize::new(CARD.0 / 2.0, CARD.1 / 2.0));
        match Pane::open(events, attributes, &JoyWindowSays::Title.render(Lang::En)) {
            Ok(pane) => {
                pane.window.set_ime_allowed(true);
                self.pane = Some(pane);
            }
            Err(why) => {
                self.failed = Some(why);
                events.exit();
            }
        }
    }

    fn window_event(&mut self, events: &ActiveEventLoop, _: WindowId, event: WindowEvent) {
        match event {
            WindowEvent::CloseRequested => self.answer(events, Some(Answer::NotNow)),
            WindowEvent::RedrawRequested => {
                if let Err(why) = self.draw() {
                    self.failed = Some(why);
                    events.exit();
                }
            }
            WindowEvent::Resized(_) => self.redraw(),
            WindowEvent::Focused(focused) => {
                self.form.active = focused;
                self.redraw();
            }
            WindowEvent::ModifiersChanged(m) => self.modifiers = m.state(),
            // winit makes up a press for every key already held when the
            // window gains the focus: an Enter or Tab meant for the window
            // before must not act here (a Tab then counted twice).
            WindowEvent::KeyboardInput {
                event,
                is_synthetic: false,
                ..
            } if event.state == ElementState::Pressed => {
                if let Some(press) = self.press(&event) {
                    let answer = self.form.key(press);
                    self.answer(events, answer);
                }
            }
            WindowEvent::Ime(Ime::Preedit(composing, _)) => {
                self.form.field.set_preedit(&composing);
                self.redraw();
            }
            WindowEvent::Ime(Ime::Commit(text)) => {
                self.form.field.set_preedit("");
                let answer = self.form.key(Press::Text(text));
                self.answer(events, answer);
            }
            WindowEvent::Ime(Ime::Disabled) => {
                self.form.field.set_preedit("");
                self.redraw();
            }
            WindowEvent::CursorMoved { position, .. } => {
                let Some(pane) = self.pane.as_mut() else {
                    return;
                };
                pane.pointer = Some(position);
                let size = pane.window.inner_size();
                let over = button_at(
                    size.width,
                    size.height,
                    position.x as f32,
                    position.y as f32,
                );
                if over != self.form.hover {
                    self.form.hover = over;
                    self.redraw();
                }
            }
            WindowEvent::CursorLeft { .. } => {
                self.form.hover = None;
                self.redraw();
            }
            WindowEvent::MouseInput {
                state: ElementState::Released,
                button: MouseButton::Left,
                ..
            } => {
                let Some(pane) = &self.pane else {
                    return;
                };
                let Some(at) = pane.pointer else {
                    return;
                };
                let size = pane.window.inner_size();
                let (x, y) = (at.x as f32, at.y as f32);
                let (ux, uy) = Fit::within(CARD, size.width, size.height).on_card(x, y);
                if let Some(button) = button_at(size.width, size.height, x, y) {
                    let answer = self.form.press(button);
                    self.answer(events, answer);
                } else if FIELD.contains(ux, uy) {
                    self.form.focus = Focus::Field;
                    self.redraw();
                }
            }
            _ => {}
        }
    }
}
