//! The world outside the room: the journal, and the rhythm of work and rest.
//!
//! When `iyashi watch` runs, it keeps time: the room reads the day's records
//! for its status line and sends `w` and `b` to the daemon. Otherwise the room
//! runs the rhythm engine itself, fed by its own key presses, and keeps what
//! the engine records.

use std::fs::{File, TryLockError};
use std::time::{Duration, Instant};

use iyashi_core::catalogue::room::{RoomAction, RoomText};
use iyashi_core::catalogue::{Message, Say};
use iyashi_core::companion::pace_from_records;
use iyashi_core::day::{day_of, DayRange};
use iyashi_core::entry::{Entry, EntryKind, Mood};
use iyashi_core::episode::Month;
use iyashi_core::printable::for_terminal;
use iyashi_core::rhythm::{Action, BreakKind, Engine, Event, Record, Status, COUNTED_FROM};
use iyashi_store::Store;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::app::{App, Next, Request, RhythmView};
use super::keys;
use crate::context::Context;
use crate::failure::Failure;
use iyashi_app::daemon::{self, Request as Ask};
use iyashi_app::day::DaySummary;
use iyashi_app::engine;
use iyashi_app::journal::new_entry;
use iyashi_app::quiet::{set_quiet, QuietSpan};

/// How often to look again whether `watch` started or stopped, and to read
/// its records.
const LOOK_AGAIN: Duration = Duration::from_secs(5);
/// How often the room's own engine hears "no new keys" and saves progress.
const CHECK_IN: SignedDuration = SignedDuration::from_secs(30);

pub struct World<'c> {
    ctx: &'c Context,
    store: Store,
    engine: Option<Engine>,
    wake: Option<Timestamp>,
    last_key: Timestamp,
    last_check_in: Timestamp,
    looked: Instant,
    refreshed: Option<Instant>,
    /// A manual session is open (read from the store now and then).
    manual: bool,
}

impl<'c> World<'c> {
    pub fn open(ctx: &'c Context, now: Timestamp) -> Result<World<'c>, Failure> {
        let store = ctx.open_store()?;
        let mut world = World {
            ctx,
            store,
            engine: None,
            wake: None,
            last_key: now,
            last_check_in: now,
            looked: Instant::now(),
            refreshed: None,
            manual: false,
        };
        world.manual = matches!(world.store.manual_work(), Ok(Some(_)));
        if !world.watch_runs() {
            world.start_engine(now)?;
        }
        Ok(world)
    }

    /// Today's joys and whether today's latest mood was low.
    pub fn today(&self, day: Date) -> Result<(Vec<String>, bool), Failure> {
        let summary = DaySummary::read(&self.store, day)?;
        let joys = summary
            .joys()
            .map(|e| for_terminal(&e.text).into_owned())
            .collect();
        Ok((joys, summary.low_mood()))
    }

    /// Whether `iyashi watch` holds its lock in this home.
    fn watch_runs(&self) -> bool {
        let Ok(file) = File::open(self.ctx.home.watch_lock()) else {
            return false;
        };
        // Taking the lock for a moment is how to ask; it is let go at once.
        matches!(file.try_lock(), Err(TryLockError::WouldBlock))
    }

    fn start_engine(&mut self, now: Timestamp) -> Result<(), Failure> {
        let day = day_of(now, &self.ctx.tz, self.ctx.rollover);
        let records = self.store.records_in(DayRange::single(day))?;
        let open = self.store.manual_work()?;
        let at_now = Context {
            now,
            ..self.ctx.clone()
        };
        let mut engine = engine::now_with_session(&at_now, &records, open);
        // Quiet asked for elsewhere (`iyashi quiet`) holds this engine too.
        engine.step(now, Event::QuietUntil(self.store.quiet_until()?));
        self.engine = Some(engine);
        Ok(())
    }

    /// A key was pressed in the room: the person is here.
    pub fn key_pressed(&mut self, now: Timestamp, app: &mut App) {
        self.last_key = now;
        self.step(
            now,
            Event::Activity {
                idle_for: SignedDuration::ZERO,
            },
            app,
        );
    }

    /// Time passed: feed the engine when it asked, look at `watch` now and
    /// then, and refresh the status line.
    pub fn tick(&mut self, now: Timestamp, app: &mut App) {
        if self.looked.elapsed() >= LOOK_AGAIN {
            self.looked = Instant::now();
            self.look_at_watch(now, app);
        }
        let due = self.wake.is_some_and(|w| now >= w)
            || now.duration_since(self.last_check_in) >= CHECK_IN;
        if self.engine.is_some() && due {
            self.last_check_in = now;
            let idle_for = now.duration_since(self.last_key).max(SignedDuration::ZERO);
            self.step(now, Event::Activity { idle_for }, app);
            self.save_progress(app);
        }
        if self
            .refreshed
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(1))
        {
            self.refresh(now, app);
        }
    }

    fn look_at_watch(&mut self, now: Timestamp, app: &mut App) {
        // `iyashi work` may have been run in another terminal.
        self.manual = matches!(self.store.manual_work(), Ok(Some(_)));
        match (self.watch_runs(), self.engine.is_some()) {
            (true, true) => {
                // The daemon takes over; what the room counted is kept.
                self.save_progress(app);
                self.engine = None;
            }
            (false, false) => {
                if let Err(e) = self.start_engine(now) {
                    app.notice(e.problem.render(self.ctx.lang));
                }
            }
            _ => {}
        }
    }

    /// Carries out what the room asked for.
    pub fn request(&mut self, request: Request, now: Timestamp, app: &mut App) {
        match request {
            Request::Keep { kind, mood, text } => match self.keep(kind, mood, &text, now) {
                Ok((entry, said)) => app.kept(&entry, said),
                Err(e) => app.not_kept(e.problem.render(self.ctx.lang)),
            },
            Request::ShowLog => {
                let day = day_of(now, &self.ctx.tz, self.ctx.rollover);
                match self.store.entries_in(DayRange::week_of(day)) {
                    Ok(entries) => app.show_log(entries),
                    Err(e) => app.notice(Failure::from(e).problem.render(self.ctx.lang)),
                }
            }
            Request::ShowEpisode => match self.episode(now) {
                Ok(text) => app.show_episode(text),
                Err(e) => app.notice(e.problem.render(self.ctx.lang)),
            },
            Request::BreakNow => self.event(now, Event::BreakNow(BreakKind::Rest), app),
            Request::TakeBreak => self.event(now, Event::TakeBreak, app),
            Request::Later => self.event(now, Event::Later, app),
            Request::ToggleWork => self.toggle_work(now, app),
            Request::Quiet(span) => self.quiet(span, now, app),
        }
        self.refresh(now, app);
    }

    fn keep(
        &mut self,
        kind: EntryKind,
        mood: Option<Mood>,
        text: &str,
        now: Timestamp,
    ) -> Result<(Entry, String), Failure> {
        let entry = new_entry(self.ctx, kind, mood, text, now)?;
        self.store.add_entry(&entry)?;
        let count_today = self.store.count_on(entry.day, kind)?;
        let said = Say::Kept {
            kind,
            mood,
            count_today,
        }
        .render(self.ctx.lang);
        Ok((entry, said))
    }

    /// This month's episode so far.
    fn episode(&self, now: Timestamp) -> Result<String, Failure> {
        let today = day_of(now, &self.ctx.tz, self.ctx.rollover);
        let month = Month::of(today);
        let episode = iyashi_app::episode::episode_of(self.ctx, &self.store, month, today)?;
        Ok(episode.render_text(self.ctx.lang))
    }

    /// An event for whoever keeps time: the daemon, or the room's engine.
    fn event(&mut self, now: Timestamp, event: Event, app: &mut App) {
        if self.engine.is_some() {
            self.step(now, event, app);
            return;
        }
        let Some(ask) = Ask::for_event(event) else {
            return;
        };
        if let Err(reason) = daemon::ask(&self.ctx.home.watch_socket(), ask) {
            app.notice(RoomText::NotKept(reason.render(self.ctx.lang)).render(self.ctx.lang));
        } else if matches!(event, Event::BreakNow(_) | Event::TakeBreak) {
            app.break_begins();
        }
    }

    /// Quiet as `iyashi quiet` keeps it; the room's own engine, when it
    /// keeps time, holds its prompts from now too.
    fn quiet(&mut self, span: QuietSpan, now: Timestamp, app: &mut App) {
        let at_now = Context {
            now,
            ..self.ctx.clone()
        };
        match set_quiet(&at_now, &mut self.store, span) {
            Ok((until, said)) => {
                self.step(now, Event::QuietUntil(until), app);
                app.piyo_says(said.render(self.ctx.lang), false);
            }
            Err(e) => app.notice(e.problem.render(self.ctx.lang)),
        }
    }

    fn toggle_work(&mut self, now: Timestamp, app: &mut App) {
        let open = match self.store.manual_work() {
            Ok(open) => open.is_some(),
            Err(e) => return app.notice(Failure::from(e).problem.render(self.ctx.lang)),
        };
        let (event, said) = if open {
            (Event::WorkStop, RoomText::WorkStopped)
        } else {
            (
                Event::WorkStart,
                RoomText::WorkStarted {
                    work_key: keys::shown(RoomAction::Work),
                },
            )
        };
        let done = if self.engine.is_none() {
            // The daemon keeps the manual session itself.
            self.event(now, event, app);
            Ok(())
        } else if open {
            let records = self.step(now, event, app);
            self.store.finish_manual_work(&records)
        } else {
            let started = self.store.start_manual_work(now);
            if started.is_ok() {
                self.step(now, event, app);
            }
            started
        };
        match done {
            Ok(()) => {
                self.manual = !open;
                app.piyo_says(said.render(self.ctx.lang), false);
            }
            Err(e) => app.notice(Failure::from(e).problem.render(self.ctx.lang)),
        }
    }

    /// Steps the room's engine and carries out its actions; returns the
    /// records it asked to keep (already kept, unless in a manual stop).
    fn step(&mut self, now: Timestamp, event: Event, app: &mut App) -> Vec<Record> {
        let Some(engine) = self.engine.as_mut() else {
            return Vec::new();
        };
        let lang = self.ctx.lang;
        let mut records = Vec::new();
        for action in engine.step(now, event) {
            match action {
                Action::ShowBreak(prompt) => app.piyo_says(prompt.text.render(lang), true),
                Action::StartBreak { .. } => app.break_begins(),
                Action::EndBreak { text, .. } | Action::Notify(text) => {
                    app.piyo_says(text.render(lang), false)
                }
                Action::DismissBreak => app.take_down_prompt(),
                Action::Record(record) => records.push(record),
                Action::WakeAt(at) => self.wake = Some(at),
            }
        }
        let manual_stop = event == Event::WorkStop;
        if !manual_stop && !records.is_empty() {
            if let Err(e) = self.store.record(&records) {
                app.notice(Failure::from(e).problem.render(lang));
            }
        }
        records
    }

    /// Keeps the open session as it stands, so a closed room loses nothing.
    pub fn save_progress(&mut self, app: &mut App) {
        if let Some(engine) = &self.engine {
            let records = engine.checkpoint();
            if !records.is_empty() {
                if let Err(e) = self.store.record(&records) {
                    app.notice(Failure::from(e).problem.render(self.ctx.lang));
                }
            }
        }
    }

    /// Brings the status line up to date.
    pub fn refresh(&mut self, now: Timestamp, app: &mut App) {
        self.refreshed = Some(Instant::now());
        let manual = self.manual;
        let minute = |d: SignedDuration| SignedDuration::from_mins((d.as_secs() + 59) / 60);
        let view = match &self.engine {
            Some(engine) => {
                let status = engine.status(now);
                let next = next_break(&status, manual, now);
                RhythmView {
                    worked: SignedDuration::from_mins(status.worked_today.as_secs() / 60),
                    next,
                    manual,
                    watched: false,
                }
            }
            None => {
                let day = day_of(now, &self.ctx.tz, self.ctx.rollover);
                let records = self
                    .store
                    .records_in(DayRange::single(day))
                    .unwrap_or_default();
                let pace = pace_from_records(&records, &self.ctx.config.rhythm, now);
                RhythmView {
                    worked: SignedDuration::from_mins(pace.worked.as_secs() / 60),
                    next: pace
                        .next_break
                        .map_or(Next::Unknown, |d| Next::In(minute(d))),
                    manual,
                    watched: true,
                }
            }
        };
        app.set_rhythm(view);
    }
}

/// What the status line may say of the next break. A countdown only while
/// work is being counted: by hand, or from keys pressed lately on a day
/// with some work on it. The key that opened the room is not a working day.
fn next_break(status: &Status, manual: bool, now: Timestamp) -> Next {
    let minute = |d: SignedDuration| SignedDuration::from_mins((d.as_secs() + 59) / 60);
    let counting = status.session_start.is_some()
        && (manual || (status.active && status.worked_today >= COUNTED_FROM));
    match (status.on_break, status.asking) {
        (Some((_, until)), _) => Next::Resting(minute(now.duration_until(until))),
        (None, Some(_)) => Next::Due,
        (None, None) if counting => Next::In(minute(status.until_micro.min(status.until_rest))),
        (None, None) => Next::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::rhythm::{Calendar, RhythmSettings};

    #[test]
    fn the_room_counts_down_to_a_break_only_while_work_is_counted() {
        let calendar = Calendar::new(
            jiff::tz::TimeZone::UTC,
            iyashi_core::day::RolloverHour::DEFAULT,
        );
        let mut engine = Engine::new(RhythmSettings::default(), calendar);
        let opened: Timestamp = "2026-11-25T13:00:00Z".parse().unwrap();
        let key = |idle: i64| Event::Activity {
            idle_for: SignedDuration::from_secs(idle),
        };
        // Opening the room is a key press; then nobody types.
        engine.step(opened, key(0));
        for s in (10..=600).step_by(10) {
            let now = opened + SignedDuration::from_secs(s);
            engine.step(now, key(s));
            assert_eq!(
                next_break(&engine.status(now), false, now),
                Next::Unknown,
                "{s}s"
            );
        }
        // Typing for a few minutes is work being counted.
        let back = opened + SignedDuration::from_mins(11);
        for s in (0..=180).step_by(5) {
            engine.step(back + SignedDuration::from_secs(s), key(0));
        }
        let now = back + SignedDuration::from_mins(3);
        assert!(matches!(
            next_break(&engine.status(now), false, now),
            Next::In(_)
        ));
        // A session by hand counts from its first moment.
        let mut by_hand = Engine::new(
            RhythmSettings::default(),
            Calendar::new(
                jiff::tz::TimeZone::UTC,
                iyashi_core::day::RolloverHour::DEFAULT,
            ),
        );
        by_hand.step(opened, Event::WorkStart);
        assert!(matches!(
            next_break(&by_hand.status(opened), true, opened),
            Next::In(_)
        ));
    }
}
