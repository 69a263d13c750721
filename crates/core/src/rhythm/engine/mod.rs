//! The state machine itself: [`Engine::step`] turns one [`Event`] at one
//! instant into the [`Action`]s the caller should carry out.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::calendar::Calendar;
use super::event::{Action, BreakKind, Event};
use super::ledger::{Ledger, Tally};
use super::record::{BreakRecord, Record};
use super::settings::RhythmSettings;
use crate::catalogue::rhythm::Piyo;

/// The rhythm engine: settings, the user's calendar and everything it
/// remembers between events. See the [module docs](super) for the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Engine {
    settings: RhythmSettings,
    calendar: Calendar,
    mode: Mode,
    /// The latest instant seen, so a clock stepping back cannot undo time.
    seen: Option<Timestamp>,
    /// The latest known moment of input (or the end of a break).
    last_input: Option<Timestamp>,
    /// What the pause since `last_input` has already counted as.
    marks: Marks,
    /// A break ended and no input has come since: the person may still be
    /// away, so they are not active until they touch something.
    returning: bool,
    /// The break the current pause stands in for, kept until the pause ends
    /// so its length is known and a pause counts as one break, not two.
    natural: Option<BreakRecord>,
    ledger: Ledger,
    phase: Phase,
    /// A long absence ended a session on this day: greet the return.
    welcome_back: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Sessions start and end with activity.
    Auto,
    /// `work start` was said: ticks count as work.
    Manual,
    /// `work stop` was said on this day: activity is not work until tomorrow.
    Stopped(Date),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marks {
    micro: bool,
    rest: bool,
    absent: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Working,
    /// A break has been asked for and not yet taken or let go.
    Asking {
        kind: BreakKind,
        postponed: u8,
        /// When to ask again (or let it go).
        remind_at: Timestamp,
        /// A prompt is on screen waiting for an answer (not snoozed by "later").
        awaiting: bool,
    },
    OnBreak {
        kind: BreakKind,
        started: Timestamp,
        until: Timestamp,
        postponed: u8,
        asked: bool,
    },
}

/// A summary of where things stand, for `iyashi break` and the room.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// The open session's start, if one is open.
    pub session_start: Option<Timestamp>,
    /// Input recently enough to count as working right now.
    pub active: bool,
    /// The break in progress and when it ends.
    pub on_break: Option<(BreakKind, Timestamp)>,
    /// The break being asked for, if any.
    pub asking: Option<BreakKind>,
    /// Work left before the next micro-break is due.
    pub until_micro: SignedDuration,
    /// Work left before the next rest break is due.
    pub until_rest: SignedDuration,
    /// Work so far on the day of `now`.
    pub worked_today: SignedDuration,
}

impl Engine {
    /// A fresh engine. `settings` should have passed
    /// [`RhythmSettings::validate`]; the engine trusts them.
    pub fn new(settings: RhythmSettings, calendar: Calendar) -> Engine {
        Engine {
            settings,
            calendar,
            mode: Mode::Auto,
            seen: None,
            last_input: None,
            marks: Marks::default(),
            returning: false,
            natural: None,
            ledger: Ledger::new(Date::ZERO),
            phase: Phase::Working,
            welcome_back: None,
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> &RhythmSettings {
        &self.settings
    }

    /// The calendar days are counted in.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Carries on a day begun before a restart: `records` are what the store
    /// holds for the day of `now` (others are ignored), so the daily limit and
    /// the evening stop are not counted or said twice.
    pub fn restore(&mut self, now: Timestamp, records: &[Record]) {
        let day = self.calendar.day_of(now);
        let mut tally = Tally::new(day);
        for record in records.iter().filter(|r| r.day() == day) {
            match record {
                Record::Session(s) => tally.worked += s.worked,
                Record::Overtime(o) => {
                    tally.after_stop = o.after_evening_stop;
                    tally.late_night = o.late_night;
                }
                Record::Break(_) => {}
            }
        }
        tally.limit_noticed = tally.worked >= self.settings.daily_limit;
        tally.stop_noticed = tally.after_stop > SignedDuration::ZERO;
        self.ledger.today = tally;
    }

    /// The open session and the day's overtime as they stand, for a caller
    /// that saves progress now and then (a session is keyed by its start).
    pub fn checkpoint(&self) -> Vec<Record> {
        let mut out = Vec::new();
        if let Some(s) = self.ledger.session.as_ref().filter(|s| !s.worked.is_zero()) {
            out.push(Record::Session(s.clone()));
            out.extend(
                self.ledger
                    .today
                    .overtime(&self.settings)
                    .map(Record::Overtime),
            );
        }
        out
    }

    /// Where things stand at `now` (no later than the next event).
    pub fn status(&self, now: Timestamp) -> Status {
        let tail = self.tail(now);
        let left = |kind| self.settings.interval_of(kind) - self.ledger.towards(kind) - tail;
        let today = self.calendar.day_of(now);
        Status {
            session_start: self.ledger.session.as_ref().map(|s| s.start),
            active: self.active(now),
            on_break: match self.phase {
                Phase::OnBreak { kind, until, .. } => Some((kind, until)),
                _ => None,
            },
            asking: match self.phase {
                Phase::Asking { kind, .. } => Some(kind),
                _ => None,
            },
            until_micro: left(BreakKind::Micro).max(SignedDuration::ZERO),
            until_rest: left(BreakKind::Rest).max(SignedDuration::ZERO),
            worked_today: if self.ledger.today.day == today {
                self.ledger.today.worked + tail
            } else {
                tail
            },
        }
    }

    /// Handles `event` at `now` and says what to do about it. The last action
    /// is a [`Action::WakeAt`] whenever something is scheduled.
    pub fn step(&mut self, now: Timestamp, event: Event) -> Vec<Action> {
        let now = self.seen.map_or(now, |seen| seen.max(now));
        self.seen = Some(now);
        let mut out = Vec::new();
        let today = self.calendar.day_of(now);
        if matches!(self.mode, Mode::Stopped(day) if day != today) {
            self.mode = Mode::Auto;
        }
        self.ledger.roll_to(today);
        if let Phase::OnBreak { until, .. } = self.phase {
            if now >= until {
                self.end_break(until, &mut out);
            }
        }
        self.handle(now, event, &mut out);
        self.pause_until(now, &mut out);
        if self.active(now) {
            self.notices(now, &mut out);
            self.breaks(now, &mut out);
        }
        if let Some(at) = self.next_wake(now) {
            out.push(Action::WakeAt(at));
        }
        out
    }

    fn handle(&mut self, now: Timestamp, event: Event, out: &mut Vec<Action>) {
        match event {
            // In a manual session the person's word beats the idle clock.
            Event::Activity { .. } if self.mode == Mode::Manual => {
                self.input(now, now, true, out);
            }
            Event::Activity { idle_for } => {
                let input = now - idle_for.max(SignedDuration::ZERO);
                self.input(input, now, false, out);
            }
            Event::Tick => {
                if self.mode == Mode::Manual {
                    self.input(now, now, true, out);
                }
            }
            Event::WorkStart => {
                if let Phase::OnBreak { .. } = self.phase {
                    self.end_break(now, out);
                }
                self.mode = Mode::Manual;
                self.input(now, now, false, out);
                if let Some(s) = &mut self.ledger.session {
                    s.manual = true;
                }
            }
            Event::WorkStop => {
                if let Phase::OnBreak { .. } = self.phase {
                    self.end_break(now, out);
                }
                self.commit_tail(now, out);
                self.flush_natural(now, out);
                if let Phase::Asking { .. } = self.phase {
                    out.push(Action::DismissBreak);
                }
                self.phase = Phase::Working;
                self.close_session(out);
                self.welcome_back = None;
                self.mode = Mode::Stopped(self.calendar.day_of(now));
            }
            Event::TakeBreak => {
                if let Phase::Asking {
                    kind, postponed, ..
                } = self.phase
                {
                    self.start_break(now, kind, true, postponed, out);
                }
            }
            Event::Later => {
                // Only a prompt on screen can be put off; a second click on a
                // stale notification must not count twice.
                if let Phase::Asking {
                    kind,
                    postponed,
                    awaiting: true,
                    ..
                } = self.phase
                {
                    if self.settings.strict {
                        return;
                    }
                    if postponed >= self.settings.max_postpones {
                        self.let_go(now, kind, postponed, out);
                    } else {
                        self.phase = Phase::Asking {
                            kind,
                            postponed: postponed + 1,
                            remind_at: now + self.settings.postpone,
                            awaiting: false,
                        };
                        out.push(Action::DismissBreak);
                    }
                }
            }
            Event::Skip => {
                if let Phase::Asking {
                    kind, postponed, ..
                } = self.phase
                {
                    if !self.settings.strict {
                        self.let_go(now, kind, postponed, out);
                    }
                }
            }
            Event::BreakNow(kind) => match self.phase {
                Phase::OnBreak { .. } => {}
                // The asked-for break is answered too; a rest covers a micro.
                Phase::Asking {
                    kind: asked,
                    postponed,
                    ..
                } => self.start_break(now, kind.max(asked), true, postponed, out),
                Phase::Working => self.start_break(now, kind, false, 0, out),
            },
            Event::BreakFinished => {
                if let Phase::OnBreak { until, .. } = self.phase {
                    if !self.settings.strict || now >= until {
                        self.end_break(now.min(until), out);
                    }
                }
            }
        }
    }

    /// Learns of input at `at`, seen at `now`. `continuous` means the time
    /// since the previous input was work whatever its length (a manual tick).
    fn input(&mut self, at: Timestamp, now: Timestamp, continuous: bool, out: &mut Vec<Action>) {
        if self.last_input.is_some_and(|last| at <= last) {
            return;
        }
        if let Phase::OnBreak { .. } = self.phase {
            // Touching the keyboard to look at the countdown is not work.
            return;
        }
        if let Mode::Stopped(_) = self.mode {
            self.last_input = Some(at);
            self.marks = Marks::default();
            return;
        }
        if let (Some(last), Some(_)) = (self.last_input, &self.ledger.session) {
            let gap = at.duration_since(last);
            if continuous || (gap < self.threshold() && !self.returning) {
                self.commit(last, at, out);
            } else if gap >= self.threshold() {
                self.pause_until(at, out);
            }
        }
        self.flush_natural(at, out);
        let recent = now.duration_since(at) < self.threshold() || continuous;
        if self.ledger.session.is_none() && recent {
            let manual = self.mode == Mode::Manual;
            self.ledger.open(at, manual, &self.calendar);
            if self.welcome_back.take() == Some(self.calendar.day_of(at)) {
                out.push(Action::Notify(Piyo::WelcomeBack));
            }
        }
        self.last_input = Some(at);
        self.marks = Marks::default();
        self.returning = false;
    }

    fn commit(&mut self, from: Timestamp, to: Timestamp, out: &mut Vec<Action>) {
        let records = self.ledger.work(from, to, &self.calendar, &self.settings);
        out.extend(records.into_iter().map(Action::Record));
    }

    /// Counts the short gap since the last input as work, as if input
    /// happened now; used when a break starts or work stops mid-flow.
    fn commit_tail(&mut self, now: Timestamp, out: &mut Vec<Action>) {
        if self.active(now) {
            if let Some(last) = self.last_input {
                self.commit(last, now, out);
                self.last_input = Some(now);
            }
        }
    }

    /// The shortest pause that is idle rather than work.
    fn threshold(&self) -> SignedDuration {
        self.settings.micro_break_length
    }

    /// Whether the person counts as working at `now`.
    fn active(&self, now: Timestamp) -> bool {
        if self.ledger.session.is_none() || matches!(self.phase, Phase::OnBreak { .. }) {
            return false;
        }
        match self.mode {
            Mode::Manual => true,
            Mode::Stopped(_) => false,
            Mode::Auto => {
                !self.returning
                    && self
                        .last_input
                        .is_some_and(|last| now.duration_since(last) < self.threshold())
            }
        }
    }

    /// Provisional work since the last input, while it is too short to be a pause.
    fn tail(&self, now: Timestamp) -> SignedDuration {
        match self.last_input {
            Some(last) if self.active(now) => now.duration_since(last),
            _ => SignedDuration::ZERO,
        }
    }
}

mod flow;

#[cfg(test)]
mod tests;
