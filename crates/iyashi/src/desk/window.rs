//! The desk window: one small borderless pane (see `canvas::pane`) that
//! stays above the others at the bottom edge of the screen. It sleeps
//! until the picture next changes or the daemon's news arrives (a small
//! thread asks every few seconds), so it costs nothing while Goro holds
//! still.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use iyashi_app::daemon::{ask, Request};
use iyashi_core::catalogue::desk::DeskSays;
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use winit::application::ApplicationHandler;
use winit::dpi::{LogicalSize, PhysicalPosition};
use winit::event::{ElementState, MouseButton, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy};
use winit::keyboard::{Key, NamedKey};
use winit::monitor::MonitorHandle;
use winit::window::{Window, WindowId, WindowLevel};

use super::draw::{frame, WINDOW};
use super::mood::Mood;
use super::place::{self, Screen};
use super::play::Play;
use crate::canvas::paint::Pictures;
use crate::canvas::pane::{ended, FirstFrame, Pane};
use crate::canvas::raise::{forward, to_front, Raise};
use crate::canvas::why_no_desktop;

/// How often the daemon is asked how the day is.
const ASK_EVERY: Duration = Duration::from_secs(3);
/// A drag has ended when the window has not moved for this long; only
/// then is its place written down.
const SETTLED_AFTER: Duration = Duration::from_millis(400);

/// How the window opens.
pub struct Setup {
    pub lang: Lang,
    /// The daemon's socket.
    pub socket: PathBuf,
    /// Where the window's place is kept.
    pub place: PathBuf,
    pub play: Play,
    /// Print on standard error how long after this instant the first frame
    /// was on screen (the benchmark reads it).
    pub report_first_frame: Option<Instant>,
}

/// What wakes the window's loop besides the desktop's own events.
enum News {
    /// How the day is, as the daemon says, changed Goro's mood.
    Mood(Mood),
    /// A second `iyashi desk` asked for him.
    Raise,
}

impl From<Raise> for News {
    fn from(_: Raise) -> News {
        News::Raise
    }
}

struct App {
    setup: Setup,
    pane: Option<Pane>,
    pictures: Pictures,
    began: Instant,
    first_frame: FirstFrame,
    /// A person has pressed on him to drag him: moves from now on are
    /// theirs (not the window manager's placing him at the start).
    dragged: bool,
    /// Where a drag left the window, and when it last moved.
    moved: Option<(PhysicalPosition<i32>, Instant)>,
    closed: Option<()>,
    failed: Option<String>,
}

/// Shows Goro until he is closed; `raise` is a second `iyashi desk`
/// asking for him.
pub fn run(setup: Setup, raise: signal_hook::iterator::Signals) -> Result<(), String> {
    let lang = setup.lang;
    let why = |e| why_no_desktop(e, lang);
    let events = EventLoop::<News>::with_user_event().build().map_err(why)?;
    let news = events.create_proxy();
    let socket = setup.socket.clone();
    std::thread::spawn(move || listen(&socket, &news));
    forward(raise, events.create_proxy());
    let mut app = App {
        first_frame: FirstFrame::new(setup.report_first_frame),
        setup,
        pane: None,
        pictures: Pictures::default(),
        began: Instant::now(),
        dragged: false,
        moved: None,
        closed: None,
        failed: None,
    };
    events.run_app(&mut app).map_err(why)?;
    app.keep_place();
    ended(app.closed, app.failed, ())
}

/// Asks the daemon every few seconds, and tells the window when Goro's
/// mood changes; ends when the window has gone.
fn listen(socket: &std::path::Path, news: &EventLoopProxy<News>) {
    let mut told = None;
    loop {
        let reply = ask(socket, Request::Status).ok().flatten();
        let mood = Mood::of(reply.as_ref());
        if told != Some(mood) {
            if news.send_event(News::Mood(mood)).is_err() {
                return;
            }
            told = Some(mood);
        }
        std::thread::sleep(ASK_EVERY);
    }
}

fn screen(m: &MonitorHandle) -> Screen {
    let (at, size) = (m.position(), m.size());
    Screen {
        x: at.x,
        y: at.y,
        w: size.width,
        h: size.height,
    }
}

impl App {
    fn open(&mut self, events: &ActiveEventLoop) -> Result<(), String> {
        let primary = events
            .primary_monitor()
            .or_else(|| events.available_monitors().next());
        let scale = primary.as_ref().map_or(1.0, MonitorHandle::scale_factor);
        let size = (
            (WINDOW.0 * scale).round() as u32,
            (WINDOW.1 * scale).round() as u32,
        );
        let monitors: Vec<Screen> = events.available_monitors().map(|m| screen(&m)).collect();
        let kept =
            place::read(&self.setup.place).and_then(|at| place::still_on(at, size, &monitors));
        let at = kept.or_else(|| primary.map(|m| place::first(screen(&m), size, scale)));
        let mut attributes = Window::default_attributes()
            .with_title(DeskSays::Title.render(self.setup.lang))
            .with_inner_size(LogicalSize::new(WINDOW.0, WINDOW.1))
            .with_resizable(false)
            .with_decorations(false)
            .with_window_level(WindowLevel::AlwaysOnTop)
            // Goro arriving does not take the keyboard from what a person
            // is typing into.
            .with_active(false);
        if let Some((x, y)) = at {
            attributes = attributes.with_position(PhysicalPosition::new(x, y));
        }
        self.pane = Some(Pane::open(
            events,
            attributes,
            &DeskSays::Title.render(Lang::En),
        )?);
        Ok(())
    }

    fn draw(&mut self) -> Result<(), String> {
        let Some(pane) = self.pane.as_mut() else {
            return Ok(());
        };
        let (goro, pictures) = (self.setup.play.goro, &mut self.pictures);
        if pane.paint(|pixmap| frame(pixmap, goro, pictures))? {
            self.first_frame.shown();
        }
        Ok(())
    }

    fn redraw(&self) {
        if let Some(pane) = &self.pane {
            pane.window.request_redraw();
        }
    }

    fn close(&mut self, events: &ActiveEventLoop) {
        self.closed = Some(());
        events.exit();
    }

    /// Writes down where a drag left the window (a failure to is no reason
    /// to bother anyone: he starts at the first place next time).
    fn keep_place(&mut self) {
        if let Some((at, _)) = self.moved.take() {
            let _ = place::keep(&self.setup.place, (at.x, at.y));
        }
    }
}

impl ApplicationHandler<News> for App {
    fn resumed(&mut self, events: &ActiveEventLoop) {
        if self.pane.is_none() {
            if let Err(why) = self.open(events) {
                self.failed = Some(why);
                events.exit();
            }
        }
    }

    fn user_event(&mut self, _: &ActiveEventLoop, news: News) {
        match news {
            News::Mood(mood) => {
                if self.setup.play.set_mood(mood) {
                    self.redraw();
                }
            }
            // Asked for by name, he may take the keyboard (Esc closes him).
            News::Raise => {
                if let Some(pane) = &self.pane {
                    to_front(&pane.window);
                }
            }
        }
    }

    fn window_event(&mut self, events: &ActiveEventLoop, _: WindowId, event: WindowEvent) {
        match event {
            WindowEvent::CloseRequested => self.close(events),
            WindowEvent::RedrawRequested => {
                if let Err(why) = self.draw() {
                    self.failed = Some(why);
                    events.exit();
                }
            }
            WindowEvent::Resized(_) => self.redraw(),
            WindowEvent::Moved(at) if self.dragged => self.moved = Some((at, Instant::now())),
            WindowEvent::MouseInput {
                state: ElementState::Pressed,
                button,
                ..
            } => match button {
                // The window manager moves him for as long as the button
                // is held.
                MouseButton::Left => {
                    if let Some(pane) = &self.pane {
                        self.dragged |= pane.window.drag_window().is_ok();
                    }
                }
                MouseButton::Right => self.close(events),
                _ => {}
            },
            WindowEvent::KeyboardInput {
                event,
                is_synthetic: false,
                ..
            } if event.state == ElementState::Pressed => match event.logical_key.as_ref() {
                Key::Named(NamedKey::Escape) | Key::Character("q") => self.close(events),
                _ => {}
            },
            _ => {}
        }
    }

    fn about_to_wait(&mut self, events: &ActiveEventLoop) {
        let since = self.began.elapsed();
        if self.setup.play.at(since) {
            self.redraw();
        }
        let mut wake = self.began + self.setup.play.next_change();
        if let Some((_, last)) = self.moved {
            if last.elapsed() >= SETTLED_AFTER {
                self.keep_place();
            } else {
                wake = wake.min(last + SETTLED_AFTER);
            }
        }
        events.set_control_flow(ControlFlow::WaitUntil(wake));
    }
}
