//! The `watch` daemon's loop, with everything it senses and says injected:
//! the clock, the activity source, the situation, the voice (notifications)
//! and where its inputs come from. `iyashi watch` hands it the desktop's
//! real ones; a test hands it a fake clock and a scripted day, and a whole
//! working day runs in milliseconds through the very same loop.
//!
//! One loop, one thread of decisions: it waits until the next thing it must
//! do (a reading of the activity source, an instant the engine asked to be
//! woken at, a periodic save) or until an input arrives (a request on the
//! socket, a notification's answer, a face's own choice, a stop).

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::watch::SourceName;
use iyashi_core::rhythm::{Action, Activity, BreakKind, BreakPrompt, Engine, Event, Reasons};
use iyashi_core::Clock;
use iyashi_store::Store;
use jiff::{SignedDuration, Timestamp};

use crate::context::Context;
use crate::daemon::{Reply, Request};
use crate::engine;
use crate::failure::Failure;

/// How often the open session is saved, so `iyashi week` and the room see
/// it and a power cut loses at most this much.
pub const SAVE_EVERY: SignedDuration = SignedDuration::from_mins(5);

/// Something that can tell how long there has been no input.
pub trait ActivitySource {
    /// Which source this is, for what the daemon says.
    fn name(&self) -> SourceName;

    /// Time since the last input, or `None` when this source measures nothing
    /// (manual sessions: only `iyashi work start|stop` speak).
    fn idle_for(&mut self) -> Result<Option<Duration>, String>;
}

/// Something that can tell what holds a prompt back right now (fullscreen,
/// a call, do-not-disturb).
pub trait SituationSource {
    /// What holds a prompt back now; a source that fails says nothing.
    fn look(&mut self) -> Reasons;
}

/// How the daemon speaks to the person (Piyo's notifications).
pub trait Voice {
    /// Asks for a break; the answer comes back later as [`Input::Answer`].
    fn ask(&mut self, prompt: &BreakPrompt);
    /// A break has begun: what to do with it, and for how long.
    fn resting(&mut self, kind: BreakKind, left: SignedDuration, activity: Activity);
    /// Something that needs no answer.
    fn tell(&mut self, text: &Piyo);
    /// Takes down the break prompt, if one is showing.
    fn dismiss(&mut self);
    /// The activity source could not be read this time.
    fn source_lost(&mut self, source: SourceName);
    /// A break has begun, already put off `postponed` times: a face with a
    /// break screen shows it (nothing by default).
    fn show_break(
        &mut self,
        _kind: BreakKind,
        _left: SignedDuration,
        _activity: Activity,
        _postponed: u8,
    ) {
    }
    /// The break is over: its screen, if any, comes down.
    fn break_over(&mut self) {}
}

/// An answer from a notification's buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// "Take the break".
    TakeBreak,
    /// "Later".
    Later,
    /// "Not this time".
    Skip,
}

impl Answer {
    fn event(self) -> Event {
        match self {
            Answer::TakeBreak => Event::TakeBreak,
            Answer::Later => Event::Later,
            Answer::Skip => Event::Skip,
        }
    }
}

/// What wakes the loop. `C` is a face's own choice (the tray's menu).
pub enum Input<C> {
    /// A request through the socket, and where its reply goes.
    Request(Request, Sender<Reply>),
    /// A notification's button.
    Answer(Answer),
    /// A choice the face carries out itself (see [`Face::choose`]).
    Choice(C),
    /// Stop watching (SIGTERM, the tray's Quit).
    Stop,
}

/// Where the loop's inputs come from.
pub trait Inputs<C> {
    /// The next input to arrive before `deadline` (it is `now` when asked),
    /// or `None` when the deadline came first.
    fn wait(&mut self, now: Timestamp, deadline: Timestamp) -> Option<Input<C>>;
}

/// The real inputs: a channel the socket, the notifications, the signals and
/// the tray send into, waited on in real time.
impl<C> Inputs<C> for Receiver<Input<C>> {
    fn wait(&mut self, now: Timestamp, deadline: Timestamp) -> Option<Input<C>> {
        // A deadline already past is no reason to wait as long again.
        let wait = now.duration_until(deadline).max(SignedDuration::ZERO);
        match self.recv_timeout(wait.unsigned_abs()) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Disconnected) => Some(Input::Stop),
            Err(RecvTimeoutError::Timeout) => None,
        }
    }
}

/// Whether the daemon goes on after a face's choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Watch on.
    GoOn,
    /// Stop watching.
    Quit,
}

/// What a face adds to the loop: its own choices, and showing where things
/// stand after each turn (the tray's face).
pub trait Face<V: Voice> {
    /// The face's own inputs.
    type Choice;
    /// Carries out `choice`, made at `now`.
    fn choose(
        &mut self,
        daemon: &mut Daemon<V>,
        choice: Self::Choice,
        now: Timestamp,
    ) -> Result<Then, Failure>;
    /// Shows where things stand, after every turn of the loop.
    fn show(&mut self, daemon: &Daemon<V>, now: Timestamp);
}

/// A face with nothing of its own: no choices, nothing to show.
pub struct NoFace;

impl<V: Voice> Face<V> for NoFace {
    type Choice = std::convert::Infallible;
    fn choose(
        &mut self,
        _: &mut Daemon<V>,
        choice: Self::Choice,
        _: Timestamp,
    ) -> Result<Then, Failure> {
        match choice {}
    }
    fn show(&mut self, _: &Daemon<V>, _: Timestamp) {}
}

/// The engine, and what carries out its actions.
pub struct Daemon<V> {
    /// The rhythm engine, deciding everything.
    pub engine: Engine,
    /// The journal its records go to.
    pub store: Store,
    /// How it speaks.
    pub voice: V,
    /// The instant the engine last asked to be woken at.
    pub wake_at: Option<Timestamp>,
}

impl<V: Voice> Daemon<V> {
    /// A daemon that carries on the journal's day as of `now`, and a manual
    /// session opened with `iyashi work start` before it ran.
    pub fn start(ctx: &Context, store: Store, voice: V, now: Timestamp) -> Result<Self, Failure> {
        let engine = engine::from_journal(ctx, &store, now)?;
        let mut daemon = Daemon {
            engine,
            store,
            voice,
            wake_at: None,
        };
        if daemon.store.manual_work()?.is_some() {
            daemon.step(now, Event::WorkStart)?;
        }
        Ok(daemon)
    }

    /// Hands `event` to the engine and carries out what it says.
    pub fn step(&mut self, now: Timestamp, event: Event) -> Result<(), Failure> {
        let mut records = Vec::new();
        for action in self.engine.step(now, event) {
            match action {
                Action::ShowBreak(prompt) => self.voice.ask(&prompt),
                Action::StartBreak {
                    kind,
                    until,
                    activity,
                    ..
                } => {
                    self.voice.dismiss();
                    let left = now.duration_until(until);
                    self.voice.resting(kind, left, activity);
                    let postponed = self.engine.status(now).postponed;
                    self.voice.show_break(kind, left, activity, postponed);
                }
                Action::EndBreak { text, .. } => {
                    self.voice.break_over();
                    self.voice.tell(&text);
                }
                Action::Notify(text) => self.voice.tell(&text),
                Action::DismissBreak => self.voice.dismiss(),
                Action::Record(record) => records.push(record),
                Action::WakeAt(at) => self.wake_at = Some(at),
            }
        }
        if !records.is_empty() {
            self.store.record(&records)?;
        }
        Ok(())
    }

    /// Watches until an input says stop, then saves the open session.
    pub fn run<F: Face<V>>(
        &mut self,
        clock: &dyn Clock,
        senses: Senses<'_>,
        inputs: &mut dyn Inputs<F::Choice>,
        face: &mut F,
    ) -> Result<(), Failure> {
        let Senses {
            activity: source,
            situation,
        } = senses;
        let started = clock.now();
        let sample_every = sample_interval(&self.engine.settings().micro_break_length);
        let look_every = look_interval(sample_every);
        let mut next_sample = started;
        let mut next_save = started + SAVE_EVERY;
        let mut looked: Option<(Timestamp, Reasons)> = None;
        loop {
            let now = clock.now();
            let deadline = [Some(next_sample), self.wake_at, Some(next_save)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(next_save);
            match inputs.wait(now, deadline) {
                Some(Input::Stop) => break,
                Some(Input::Request(request, reply)) => {
                    let now = clock.now();
                    if let Some(event) = request.event() {
                        self.step(now, event)?;
                    }
                    let _ = reply.send(Reply::of(&self.engine.status(now)));
                }
                Some(Input::Answer(answer)) => self.step(clock.now(), answer.event())?,
                Some(Input::Choice(choice)) => {
                    let then = face.choose(self, choice, clock.now())?;
                    if then == Then::Quit {
                        break;
                    }
                }
                None => {}
            }
            let now = clock.now();
            let woken = self.wake_at.is_some_and(|at| at <= now);
            if now >= next_sample || woken {
                // Looking at the situation costs a little, so only when a
                // break is near, waiting, or a pause might be a call.
                let stale = |every| looked.is_none_or(|(at, _)| now.duration_since(at) >= every);
                let matters = self.engine.situation_matters(now, now + sample_every);
                if matters
                    && (stale(look_every) || (due_now(&self.engine, now) && stale(sample_every)))
                {
                    let reasons = situation.look();
                    if looked.is_none_or(|(_, before)| before != reasons) {
                        self.step(now, Event::Situation(reasons))?;
                    }
                    looked = Some((now, reasons));
                }
                next_sample = now + sample_every;
                self.wake_at = None;
                match source.idle_for() {
                    Ok(Some(idle)) => {
                        let idle_for =
                            SignedDuration::try_from(idle).unwrap_or(SignedDuration::MAX);
                        self.step(now, Event::Activity { idle_for })?;
                    }
                    Ok(None) => self.step(now, Event::Tick)?,
                    Err(_) => {
                        self.voice.source_lost(source.name());
                        self.step(now, Event::Tick)?;
                    }
                }
            }
            if now >= next_save {
                next_save = now + SAVE_EVERY;
                self.store.record(&self.engine.checkpoint())?;
            }
            face.show(self, now);
        }
        self.voice.dismiss();
        self.store.record(&self.engine.checkpoint())?;
        Ok(())
    }
}

/// What the daemon senses the person by.
pub struct Senses<'a> {
    /// How long since the last input.
    pub activity: &'a mut dyn ActivitySource,
    /// What holds prompts back.
    pub situation: &'a mut dyn SituationSource,
}

/// Readings often enough to see a micro-break's pause, and never more than
/// about one wakeup a second.
fn sample_interval(micro_break_length: &SignedDuration) -> SignedDuration {
    (*micro_break_length / 2).clamp(SignedDuration::from_secs(1), SignedDuration::from_secs(10))
}

/// How often the situation may be looked at while it matters: a few
/// readings apart, at most every half minute.
fn look_interval(sample_every: SignedDuration) -> SignedDuration {
    (sample_every * 3).clamp(SignedDuration::from_secs(3), SignedDuration::from_secs(30))
}

/// A break is due (or waiting) right now, so the situation must be fresh.
fn due_now(engine: &Engine, now: Timestamp) -> bool {
    let status = engine.status(now);
    status.active && (status.until_micro.is_zero() || status.until_rest.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_come_at_most_once_a_second() {
        let s = |secs| SignedDuration::from_secs(secs);
        assert_eq!(sample_interval(&s(20)), s(10));
        assert_eq!(sample_interval(&s(1)), s(1));
        assert_eq!(sample_interval(&s(300)), s(10));
    }

    #[test]
    fn a_deadline_already_past_is_not_waited_for() {
        // Waiting as long again as the deadline is past would hang here for
        // a day.
        let (_inputs, mut events) = std::sync::mpsc::channel::<Input<NoChoice>>();
        let now: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
        let past = now - SignedDuration::from_hours(24);
        assert!(Inputs::wait(&mut events, now, past).is_none());
    }

    type NoChoice = std::convert::Infallible;
}
