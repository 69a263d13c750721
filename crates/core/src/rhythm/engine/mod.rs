//! The state machine itself: [`Engine::step`] turns one [`Event`] at one
//! instant into the [`Action`]s the caller should carry out.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::activity::Activity;
use super::calendar::Calendar;
use super::event::{Action, BreakKind, Event};
use super::ledger::{Ledger, Tally};
use super::record::{BreakRecord, Record};
use super::settings::RhythmSettings;
use super::situation::{Reason, Reasons};
use crate::catalogue::rhythm::Piyo;
use hold::Hold;

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
    /// What the situation sources last said (only the reasons allowed).
    situation: Reasons,
    /// `iyashi quiet`: prompts wait until then.
    quiet_until: Option<Timestamp>,
    /// A due break waiting for the situation to clear.
    hold: Option<Hold>,
    /// The activities offered on `offered.0`, oldest first.
    offered: (Date, Vec<Activity>),
}

/// A break that is due: its kind, and which fixed-time break it is, if one.
/// A fixed break (lunch) outranks a rest break, which outranks a micro-break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Due {
    kind: BreakKind,
    fixed: Option<u8>,
}

impl Due {
    fn of(kind: BreakKind) -> Due {
        Due { kind, fixed: None }
    }
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
        due: Due,
        postponed: u8,
        /// A prompt on screen: from then on, the break begins at the next
        /// natural pause. Snoozed by "later": when to ask again.
        remind_at: Timestamp,
        /// A prompt is on screen waiting for an answer (not snoozed by "later").
        awaiting: bool,
        activity: Activity,
    },
    OnBreak {
        kind: BreakKind,
        /// The break that was due, so "5 more minutes" on the break screen
        /// puts off the same one (a lunch stays a lunch).
        due: Due,
        started: Timestamp,
        until: Timestamp,
        postponed: u8,
        asked: bool,
        activity: Activity,
    },
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
            situation: Reasons::NONE,
            quiet_until: None,
            hold: None,
            offered: (Date::ZERO, Vec::new()),
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
        let mut offered = Vec::new();
        for record in records.iter().filter(|r| r.day() == day) {
            match record {
                Record::Session(s) => tally.worked += s.worked,
                Record::Overtime(o) => {
                    tally.after_stop = o.after_evening_stop;
                    tally.outside = o.outside_hours;
                    tally.late_night = o.late_night;
                }
                Record::Break(b) => offered.extend(b.activity),
                Record::Held(_) => {}
            }
        }
        tally.limit_noticed = tally.worked >= self.settings.daily_limit;
        tally.stop_noticed = tally.after_stop > SignedDuration::ZERO;
        tally.wind_down_noticed = tally.stop_noticed;
        self.ledger.today = tally;
        self.offered = (day, offered);
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

    /// Handles `event` at `now` and says what to do about it. The last action
    /// is a [`Action::WakeAt`] whenever something is scheduled.
    ///
    /// # Example: a natural pause is a break
    ///
    /// Hands off the keyboard for as long as a micro-break counts as one:
    /// the next reminder moves a whole interval away, and no one was asked.
    /// A shorter pause changes nothing.
    ///
    /// ```
    /// use iyashi_core::day::RolloverHour;
    /// use iyashi_core::rhythm::{Calendar, Engine, Event, RhythmSettings};
    /// use jiff::{SignedDuration, Timestamp};
    ///
    /// let calendar = Calendar::new(jiff::tz::TimeZone::UTC, RolloverHour::DEFAULT);
    /// let mut engine = Engine::new(RhythmSettings::default(), calendar);
    /// let start: Timestamp = "2026-11-25T10:00:00Z".parse().unwrap(); // a Wednesday
    /// let at = |secs| start + SignedDuration::from_secs(secs);
    /// let idle = |secs| Event::Activity { idle_for: SignedDuration::from_secs(secs) };
    /// for secs in (0..=900).step_by(10) {
    ///     engine.step(at(secs), idle(0)); // typing, read every 10 s
    /// }
    /// let left = |engine: &Engine, secs| engine.status(at(secs)).until_micro;
    /// assert_eq!(left(&engine, 900), SignedDuration::from_mins(5));
    ///
    /// engine.step(at(910), idle(10)); // 10 s: a glance away, not a break
    /// assert!(left(&engine, 910) < SignedDuration::from_mins(5));
    ///
    /// engine.step(at(940), idle(30)); // 30 s, longer than the 20 s micro-break
    /// assert_eq!(left(&engine, 940), SignedDuration::from_mins(20));
    /// ```
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
        self.roll_offered(today);
        self.handle(now, event, &mut out);
        self.begin_at_pause(now, &mut out);
        self.pause_until(now, &mut out);
        if self.active(now) {
            self.notices(now, &mut out);
            if self.settings.schedule.is_working(&self.calendar, now) {
                self.breaks(now, &mut out);
            } else {
                self.off_hours(now, &mut out);
            }
        }
        if let Some(at) = self.next_wake(now) {
            out.push(Action::WakeAt(at));
        }
        out
    }

    fn handle(&mut self, now: Timestamp, event: Event, out: &mut Vec<Action>) {
        match event {
            // In a manual session the person's word beats the idle clock, and
            // in a call, listening without typing is work too.
            Event::Activity { .. } if self.mode == Mode::Manual || self.in_meeting() => {
                self.input(now, now, true, out);
            }
            Event::Activity { idle_for } => {
                let input = now - idle_for.max(SignedDuration::ZERO);
                self.input(input, now, false, out);
            }
            Event::Tick => {
                if self.mode == Mode::Manual || self.in_meeting() {
                    self.input(now, now, true, out);
                }
            }
            Event::Situation(reasons) => {
                let allowed = self.settings.quiet.allowed().without(Reason::Quiet);
                let was_meeting = self.in_meeting();
                self.situation = reasons.iter().filter(|r| allowed.contains(*r)).collect();
                if self.in_meeting() && !was_meeting && self.active(now) {
                    // The call began a moment ago, at the last input at the latest.
                    self.commit_tail(now, out);
                }
            }
            Event::QuietUntil(until) => self.quiet_until = until.filter(|t| *t > now),
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
                self.end_hold(now, out);
                self.close_session(out);
                self.welcome_back = None;
                self.mode = Mode::Stopped(self.calendar.day_of(now));
            }
            Event::TakeBreak => {
                if let Phase::Asking {
                    due,
                    postponed,
                    activity,
                    ..
                } = self.phase
                {
                    self.start_break(now, due, true, postponed, activity, out);
                }
            }
            Event::Later => match self.phase {
                // Only a prompt on screen can be put off; a second click on a
                // stale notification must not count twice.
                // After the last postpone "later" is not offered; a stale
                // click then changes nothing.
                Phase::Asking {
                    due,
                    postponed,
                    awaiting: true,
                    activity,
                    ..
                } => self.put_off(now, due, postponed, activity, out),
                // "5 more minutes" on the break screen: the break is put off
                // as a prompt would be, and comes back after the postpone.
                Phase::OnBreak {
                    due,
                    postponed,
                    activity,
                    ..
                } => self.put_off(now, due, postponed, activity, out),
                _ => {}
            },
            Event::Skip => {
                if let Phase::Asking {
                    due,
                    postponed,
                    activity,
                    ..
                } = self.phase
                {
                    if !self.settings.strict {
                        self.let_go(now, due, postponed, activity, out);
                    }
                }
            }
            Event::BreakNow(kind) => match self.phase {
                Phase::OnBreak { .. } => {}
                // The asked-for break is answered too; a rest covers a micro.
                Phase::Asking {
                    due,
                    postponed,
                    activity,
                    ..
                } => {
                    let (due, activity) = if Due::of(kind) > due {
                        (Due::of(kind), self.offer(now, kind))
                    } else {
                        (due, activity)
                    };
                    self.start_break(now, due, true, postponed, activity, out);
                }
                Phase::Working => {
                    // Resting early answers a held break too.
                    self.end_hold(now, out);
                    let activity = self.offer(now, kind);
                    self.start_break(now, Due::of(kind), false, 0, activity, out);
                }
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

    /// A call or a video meeting is going on, within a session.
    fn in_meeting(&self) -> bool {
        self.situation.is_meeting() && self.ledger.session.is_some() && self.mode == Mode::Auto
    }

    /// Starts a fresh list of offered activities on a new day.
    fn roll_offered(&mut self, today: Date) {
        if self.offered.0 != today {
            self.offered = (today, Vec::new());
        }
    }

    /// The activity for the next break of `kind`, and remembers it was offered.
    fn offer(&mut self, now: Timestamp, kind: BreakKind) -> Activity {
        let day = self.calendar.day_of(now);
        self.roll_offered(day);
        let activity = Activity::pick(kind, day, &self.offered.1);
        self.offered.1.push(activity);
        activity
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

mod ask;
mod flow;
mod hold;
mod status;
mod wake;

pub use status::{HeldNow, Status};

#[cfg(test)]
mod tests;
