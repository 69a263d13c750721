//! The room: Goro's home on a terminal, and the heart of iyashi.
//!
//! A small Japanese apartment: a window onto the season, Goro on his
//! cushion, Chibi and Piyo coming and going, a shelf of today's small joys,
//! and a status line with the day's work, the next break and the season.
//!
//! The shape is the usual one for a terminal app: an [`app::App`] that owns
//! the state, a pure [`render::render`], and the loop below, which only turns
//! key presses and ticks into changes of state and draws when something
//! visible changed. The companions' behaviour is decided in
//! `iyashi_core::companion`; their drawings are data in `frames/`.
//!
//! `IYASHI_ROOM_FIRST_FRAME=FILE` makes the room write, once its first frame
//! is on screen, the wall-clock time in nanoseconds since the Unix epoch to
//! FILE (for `bench/room_cpu.sh`).

mod app;
mod art;
#[cfg(test)]
mod drawings;
mod footer;
mod input;
mod keys;
mod layout;
mod look;
mod pages;
mod places;
mod render;
mod scene;
mod text;
mod together;
mod world;

#[cfg(test)]
mod screens;
#[cfg(test)]
mod tests;

use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use iyashi_app::clock::RunningClock;
use iyashi_core::companion::TICKS_PER_SECOND;
use iyashi_core::Clock as _;
use jiff::Timestamp;
use ratatui::DefaultTerminal;

use crate::context::Context;
use crate::failure::Failure;
use app::{App, Setup};
use look::Look;
use together::Together;
use world::World;

/// The longest the loop sleeps without news, so the status line's minutes
/// and Piyo's timings stay current.
const AT_MOST: Duration = Duration::from_secs(1);

/// Opens the room and stays until `q`.
pub fn run(ctx: &Context) -> Result<(), Failure> {
    let started = Instant::now();
    let clock = Clock {
        started,
        time: ctx.clock.clone(),
    };
    let now = clock.now();
    let mut world = World::open(ctx, now)?;
    let (joys, low_mood) = world.today(ctx.today())?;
    let settings = &ctx.config.room;
    let mut app = App::new(Setup {
        lang: ctx.lang,
        look: Look {
            color: ctx.color,
            high_contrast: settings.high_contrast,
            large_text: settings.large_text,
            motion: settings.motion,
        },
        tz: ctx.tz.clone(),
        rollover: ctx.rollover,
        late_night: ctx.config.rhythm.late_night,
        now,
        seed: now.as_nanosecond() as u64,
        joys,
        low_mood,
    });
    // Opening the room is itself a key press.
    world.key_pressed(now, &mut app);
    world.refresh(now, &mut app);

    let mut terminal = ratatui::try_init().map_err(Failure::output)?;
    if let Ok(size) = terminal.size() {
        app.resize(size.width, size.height);
    }
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let mut together = iyashi_app::letters::RestTogether::new(&ctx.home.dir, &ctx.config.letters)
        .map(Together::start);
    let result = run_loop(&mut terminal, &mut app, &mut world, &clock, &mut together);
    world.save_progress(&mut app);
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::try_restore().map_err(Failure::output)?;
    result
}

/// The room's sense of time: the run's one clock, and the animation's ticks.
struct Clock {
    started: Instant,
    time: RunningClock,
}

impl Clock {
    fn now(&self) -> Timestamp {
        self.time.now()
    }

    /// Animation ticks since the room opened.
    fn ticks(&self) -> u64 {
        (self.started.elapsed().as_nanos() * u128::from(TICKS_PER_SECOND) / 1_000_000_000) as u64
    }

    /// How long until tick `tick`.
    fn until_tick(&self, tick: u64) -> Duration {
        let at = Duration::from_nanos(tick * 1_000_000_000 / u64::from(TICKS_PER_SECOND));
        at.saturating_sub(self.started.elapsed())
    }
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    world: &mut World,
    clock: &Clock,
    together: &mut Option<Together>,
) -> Result<(), Failure> {
    let mut ticks_done = 0;
    let mut first_frame = std::env::var_os("IYASHI_ROOM_FIRST_FRAME");
    loop {
        let now = clock.now();
        if app.set_now(now) {
            if let Ok((joys, _)) = world.today(app.day) {
                app.set_joys(joys);
            }
        }
        world.tick(now, app);
        if let Some(together) = together.as_mut() {
            together.set_resting(matches!(app.rhythm.next, app::Next::Resting(_)));
            let count = together.count();
            if count != app.resting_together {
                app.resting_together = count;
                app.dirty = true;
            }
        }
        let due = clock.ticks();
        if due > ticks_done {
            app.advance(u32::try_from(due - ticks_done).unwrap_or(u32::MAX));
            ticks_done = due;
        }
        if app.dirty {
            app.dirty = false;
            terminal
                .draw(|frame| render::render(app, frame))
                .map_err(Failure::output)?;
            if let Some(path) = first_frame.take() {
                note_first_frame(&path);
            }
        }
        if app.quit {
            return Ok(());
        }
        let next = ticks_done + u64::from(app.stage.next_change());
        let wait = clock.until_tick(next).min(AT_MOST);
        if !event::poll(wait).map_err(Failure::output)? {
            continue;
        }
        match event::read().map_err(Failure::output)? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let now = clock.now();
                world.key_pressed(now, app);
                if let Some(request) = app.on_key(key) {
                    world.request(request, now, app);
                }
            }
            Event::Paste(text) => {
                world.key_pressed(clock.now(), app);
                app.on_paste(&text);
            }
            Event::Resize(width, height) => app.resize(width, height),
            _ => {}
        }
    }
}

fn note_first_frame(path: &std::ffi::OsStr) {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    if let Ok(mut file) = std::fs::File::create(path) {
        let _ = writeln!(file, "{}", since_epoch.as_nanos());
    }
}
