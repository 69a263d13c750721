//! Property tests: random traces of activity, checked against what the rhythm
//! engine promises whatever the day looks like.
//!
//! A trace is a run of samples at a fixed step. Each sample either saw input
//! at that instant or saw none (and reports the idle time since the last
//! input), exactly as an idle-time activity source would.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::day::RolloverHour;
use iyashi_core::rhythm::{Action, BreakKind, Calendar, Engine, Event, Record, RhythmSettings};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Seg {
    /// Samples that each saw input.
    Active(u32),
    /// Samples that saw none.
    Idle(u32),
    /// A person's answer, at the current instant.
    Say(Event),
}

fn settings() -> impl Strategy<Value = RhythmSettings> {
    (
        (5i64..=30, 10i64..=60, 30i64..=90, 2i64..=10),
        (1i64..=10, 0u8..=4, 15i64..=60, any::<bool>()),
    )
        .prop_map(
            |((micro_every, micro_len, rest_every, rest_len), (postpone, max, absence, strict))| {
                RhythmSettings {
                    micro_break_every: SignedDuration::from_mins(micro_every),
                    micro_break_length: SignedDuration::from_secs(micro_len),
                    rest_break_every: SignedDuration::from_mins(rest_every),
                    rest_break_length: SignedDuration::from_mins(rest_len),
                    postpone: SignedDuration::from_mins(postpone),
                    max_postpones: max,
                    long_absence: SignedDuration::from_mins(absence),
                    daily_limit: SignedDuration::from_hours(3),
                    strict,
                    ..RhythmSettings::default()
                }
            },
        )
        .prop_filter("valid settings", |s| s.validate().is_ok())
}

fn activity() -> impl Strategy<Value = Seg> {
    prop_oneof![
        5 => (1u32..600).prop_map(Seg::Active),
        2 => (1u32..10).prop_map(Seg::Idle),
        2 => (10u32..200).prop_map(Seg::Idle),
        1 => (200u32..1500).prop_map(Seg::Idle),
    ]
}

fn answer() -> impl Strategy<Value = Seg> {
    prop_oneof![
        Just(Event::TakeBreak),
        Just(Event::Later),
        Just(Event::Skip),
        Just(Event::BreakFinished),
        Just(Event::BreakNow(BreakKind::Micro)),
        Just(Event::BreakNow(BreakKind::Rest)),
    ]
    .prop_map(Seg::Say)
}

fn start() -> impl Strategy<Value = Timestamp> {
    // Any second of a week in March 2025, so days, evenings and nights all occur.
    (0i64..7 * 86_400).prop_map(|s| {
        "2025-03-03T00:00:00Z".parse::<Timestamp>().unwrap() + SignedDuration::from_secs(s)
    })
}

/// One action and what was true when it came.
struct Seen {
    at: Timestamp,
    /// Time since the last real input (not the engine's idea of it).
    idle: SignedDuration,
    action: Action,
}

struct Run {
    engine: Engine,
    now: Timestamp,
    step: SignedDuration,
    last_input: Timestamp,
    seen: Vec<Seen>,
}

impl Run {
    fn new(settings: RhythmSettings, start: Timestamp, step_secs: i64) -> Run {
        let tz = TimeZone::get("Asia/Tokyo").unwrap();
        let mut run = Run {
            engine: Engine::new(settings, Calendar::new(tz, RolloverHour::DEFAULT)),
            now: start,
            step: SignedDuration::from_secs(step_secs),
            last_input: start,
            seen: Vec::new(),
        };
        run.send(Event::Activity {
            idle_for: SignedDuration::ZERO,
        });
        run
    }

    fn send(&mut self, event: Event) {
        for action in self.engine.step(self.now, event) {
            self.seen.push(Seen {
                at: self.now,
                idle: self.now.duration_since(self.last_input),
                action,
            });
        }
    }

    fn play(&mut self, trace: &[Seg]) {
        for seg in trace {
            match *seg {
                Seg::Active(n) => {
                    for _ in 0..n {
                        self.now += self.step;
                        self.last_input = self.now;
                        self.send(Event::Activity {
                            idle_for: SignedDuration::ZERO,
                        });
                    }
                }
                Seg::Idle(n) => {
                    for _ in 0..n {
                        self.now += self.step;
                        let idle_for = self.now.duration_since(self.last_input);
                        self.send(Event::Activity { idle_for });
                    }
                }
                Seg::Say(event) => self.send(event),
            }
        }
    }

    fn records(&self) -> impl Iterator<Item = &Record> {
        self.seen.iter().filter_map(|s| match &s.action {
            Action::Record(r) => Some(r),
            _ => None,
        })
    }
}

/// The work a trace holds: the time between consecutive inputs, when the gap
/// between them is shorter than a micro-break (a longer gap is a pause).
fn work_in(trace: &[Seg], step: SignedDuration, threshold: SignedDuration) -> SignedDuration {
    let mut work = SignedDuration::ZERO;
    let mut since_input = SignedDuration::ZERO;
    for seg in trace {
        match *seg {
            Seg::Active(n) => {
                for _ in 0..n {
                    since_input += step;
                    if since_input < threshold {
                        work += since_input;
                    }
                    since_input = SignedDuration::ZERO;
                }
            }
            Seg::Idle(n) => since_input += step * i32::try_from(n).unwrap(),
            Seg::Say(_) => {}
        }
    }
    work
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Without answers from the person: work is exactly the active time, and
    /// no stretch of work goes much past a break interval without a prompt
    /// (an unanswered one stands until the break begins at a pause).
    #[test]
    fn work_is_active_time_and_breaks_come_due(
        settings in settings().prop_filter("no strict", |s| !s.strict),
        start in start(),
        step_secs in 1i64..=10,
        trace in prop::collection::vec(activity(), 1..40),
    ) {
        // Nobody answers here, and no break begins at a pause: what is left
        // to check is that the time with input is the work.
        let settings = RhythmSettings { answer_within: SignedDuration::from_hours(24 * 30), ..settings };
        let mut run = Run::new(settings.clone(), start, step_secs);
        run.play(&trace);

        let mut recorded = SignedDuration::ZERO;
        for record in run.records().chain(run.engine.checkpoint().iter()) {
            if let Record::Session(s) = record {
                prop_assert!(s.start <= s.end && s.worked <= s.end.duration_since(s.start));
                recorded += s.worked;
            }
        }
        let threshold = settings.micro_break_length;
        prop_assert_eq!(recorded, work_in(&trace, run.step, threshold));

        // Replay the work since each kind's last reset and bound it.
        for kind in [BreakKind::Micro, BreakKind::Rest] {
            let bound = settings.interval_of(kind).max(settings.postpone) + run.step;
            let mut since = SignedDuration::ZERO;
            let mut previous = start;
            // Work before a prompt is not work since it.
            let mut reset_at = start;
            let mut asked = false;
            let mut by_instant = run.seen.iter().peekable();
            let mut now = start;
            for seg in &trace {
                let (n, input) = match *seg {
                    Seg::Active(n) => (n, true),
                    Seg::Idle(n) => (n, false),
                    Seg::Say(_) => continue,
                };
                for _ in 0..n {
                    now += run.step;
                    if input {
                        let gap = now.duration_since(previous);
                        if asked {
                            // An ask on screen stands until the next pause.
                        } else if gap < threshold {
                            since += now.duration_since(previous.max(reset_at));
                        } else if gap >= settings.length_of(kind) {
                            since = SignedDuration::ZERO;
                        }
                        previous = now;
                    }
                    while let Some(s) = by_instant.next_if(|s| s.at <= now) {
                        let reset = match &s.action {
                            Action::ShowBreak(p) => {
                                asked |= p.kind >= kind;
                                p.kind >= kind
                            }
                            Action::DismissBreak => {
                                asked = false;
                                false
                            }
                            Action::StartBreak { .. } => {
                                asked = false;
                                false
                            }
                            Action::Record(Record::Break(b)) => b.kind >= kind,
                            Action::Record(Record::Session(_)) => s.idle >= settings.long_absence,
                            _ => false,
                        };
                        if reset {
                            since = SignedDuration::ZERO;
                            reset_at = s.at;
                        }
                    }
                    prop_assert!(since <= bound, "{kind:?}: {since} of work without a break by {now}");
                }
            }
        }
    }

    /// With random answers (and sometimes strict mode): a break is never asked
    /// of someone who is idle, and no break is put off more than allowed or
    /// asked for more loudly than before.
    #[test]
    fn no_break_while_idle_and_postpones_stay_within_the_cap(
        settings in settings(),
        start in start(),
        step_secs in 1i64..=10,
        trace in prop::collection::vec(prop_oneof![3 => activity(), 2 => answer()], 1..60),
    ) {
        let mut run = Run::new(settings.clone(), start, step_secs);
        run.play(&trace);
        let max = settings.max_postpones;

        let mut run_of: Option<(BreakKind, u8, u32)> = None;
        for s in &run.seen {
            match &s.action {
                Action::ShowBreak(p) => {
                    prop_assert!(s.idle < settings.micro_break_length,
                        "asked for a break {} into a pause", s.idle);
                    prop_assert!(p.gentleness.level() <= 3);
                    let (count, louder) = match run_of {
                        Some((kind, level, count)) if kind == p.kind => (count + 1, p.gentleness.level() < level),
                        _ => (1, false),
                    };
                    prop_assert!(!louder, "a reminder got louder");
                    prop_assert!(count <= u32::from(max) + 1, "{} reminders with {} postpones allowed", count, max);
                    prop_assert!(!settings.strict || (!p.can_postpone && !p.can_skip));
                    run_of = Some((p.kind, p.gentleness.level(), count));
                }
                Action::Record(Record::Break(b)) => {
                    prop_assert!(b.postponed <= max);
                    run_of = None;
                }
                // A session's end (a long absence) closes any episode too.
                Action::StartBreak { .. } | Action::Record(Record::Session(_)) => run_of = None,
                Action::WakeAt(t) => prop_assert!(*t > s.at),
                _ => {}
            }
        }
    }
}
