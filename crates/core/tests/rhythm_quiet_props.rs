//! Property tests for the person's situation and schedule: random days of
//! typing, pauses, calls, films, quiet and answers, with and without working
//! hours. Whatever happens, no prompt lands in a call or outside working
//! hours, held prompts never pile up, and no break cuts into typing.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::day::RolloverHour;
use iyashi_core::rhythm::{
    Action, BreakKind, Calendar, Engine, Event, Reason, Reasons, Record, RhythmSettings, Schedule,
};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Seg {
    Active(u32),
    Idle(u32),
    Say(Event),
}

fn settings() -> impl Strategy<Value = RhythmSettings> {
    (
        (5i64..=30, 10i64..=60, 30i64..=90, 2i64..=10),
        (1i64..=10, 0u8..=4, any::<bool>(), 0i64..=120),
        (1i64..=5, any::<bool>()),
    )
        .prop_map(
            |(
                (micro_every, micro_len, rest_every, rest_len),
                (postpone, max, strict, grace),
                (answer, scheduled),
            )| {
                let mut s = RhythmSettings {
                    micro_break_every: SignedDuration::from_mins(micro_every),
                    micro_break_length: SignedDuration::from_secs(micro_len),
                    rest_break_every: SignedDuration::from_mins(rest_every),
                    rest_break_length: SignedDuration::from_mins(rest_len),
                    postpone: SignedDuration::from_mins(postpone),
                    max_postpones: max,
                    strict,
                    answer_within: SignedDuration::from_mins(answer),
                    ..RhythmSettings::default()
                };
                s.quiet.grace = SignedDuration::from_secs(grace);
                if scheduled {
                    s.schedule = toml::from_str::<Schedule>(
                        r#"
                        mon = "09:00-12:00, 13:00-18:00"
                        tue = "09:00-12:00, 13:00-18:00"
                        wed = "10:00-16:00"
                        thu = "09:00-18:00"
                        fri = "09:00-15:00"
                        sat = "off"
                        breaks = ["12:00-12:45 lunch", "15:00-15:15 tea"]
                        "#,
                    )
                    .unwrap();
                }
                s
            },
        )
        .prop_filter("valid settings", |s| s.validate().is_ok())
}

fn reasons() -> impl Strategy<Value = Reasons> {
    prop::collection::vec(prop::sample::select(Reason::ALL.to_vec()), 0..3)
        .prop_map(|r| r.into_iter().filter(|r| *r != Reason::Quiet).collect())
}

fn segment() -> impl Strategy<Value = Seg> {
    prop_oneof![
        6 => (1u32..600).prop_map(Seg::Active),
        2 => (1u32..10).prop_map(Seg::Idle),
        2 => (10u32..300).prop_map(Seg::Idle),
        3 => reasons().prop_map(|r| Seg::Say(Event::Situation(r))),
        1 => (0i64..120).prop_map(|m| Seg::Say(Event::QuietUntil(None).with_minutes(m))),
        2 => prop_oneof![
            Just(Event::TakeBreak),
            Just(Event::Later),
            Just(Event::Skip),
            Just(Event::BreakFinished),
            Just(Event::BreakNow(BreakKind::Micro)),
        ]
        .prop_map(Seg::Say),
    ]
}

/// `QuietUntil` is relative to the instant it is sent; it is fixed up in play.
trait Minutes {
    fn with_minutes(self, m: i64) -> Event;
}

impl Minutes for Event {
    fn with_minutes(self, m: i64) -> Event {
        // Zero minutes stands for "quiet off"; the instant is set in play.
        Event::QuietUntil((m > 0).then(|| Timestamp::UNIX_EPOCH + SignedDuration::from_mins(m)))
    }
}

struct Seen {
    at: Timestamp,
    idle: SignedDuration,
    /// The event that was being handled.
    cause: Event,
    /// What held prompts back just before (situation and quiet).
    holding: Reasons,
    working: bool,
    action: Action,
}

fn play(settings: &RhythmSettings, start: Timestamp, step: i64, trace: &[Seg]) -> Vec<Seen> {
    let tz = TimeZone::get("Asia/Tokyo").unwrap();
    let cal = Calendar::new(tz, RolloverHour::DEFAULT);
    let mut engine = Engine::new(settings.clone(), cal.clone());
    let step = SignedDuration::from_secs(step);
    let (mut now, mut last_input) = (start, start);
    let mut seen = Vec::new();
    let mut send = |engine: &mut Engine, now: Timestamp, last: Timestamp, event: Event| {
        let event = match event {
            Event::QuietUntil(Some(t)) => {
                Event::QuietUntil(Some(now + t.duration_since(Timestamp::UNIX_EPOCH)))
            }
            other => other,
        };
        let actions = engine.step(now, event);
        // What holds prompts back once this event is known.
        let holding = engine.status(now).holding;
        let working = settings.schedule.is_working(&cal, now);
        for action in actions {
            seen.push(Seen {
                at: now,
                idle: now.duration_since(last),
                cause: event,
                holding,
                working,
                action,
            });
        }
    };
    send(
        &mut engine,
        now,
        last_input,
        Event::Activity {
            idle_for: SignedDuration::ZERO,
        },
    );
    for seg in trace {
        match *seg {
            Seg::Active(n) => {
                for _ in 0..n {
                    now += step;
                    last_input = now;
                    send(
                        &mut engine,
                        now,
                        last_input,
                        Event::Activity {
                            idle_for: SignedDuration::ZERO,
                        },
                    );
                }
            }
            Seg::Idle(n) => {
                for _ in 0..n {
                    now += step;
                    send(
                        &mut engine,
                        now,
                        last_input,
                        Event::Activity {
                            idle_for: now.duration_since(last_input),
                        },
                    );
                }
            }
            Seg::Say(event) => send(&mut engine, now, last_input, event),
        }
    }
    seen
}

/// Whether two prompts ask for the same break (however gently worded).
fn same_break(a: &Piyo, b: &Piyo) -> bool {
    match (a, b) {
        (Piyo::FixedBreak { label: x, .. }, Piyo::FixedBreak { label: y, .. }) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

fn start() -> impl Strategy<Value = Timestamp> {
    (0i64..7 * 86_400).prop_map(|s| {
        "2025-03-03T00:00:00+09:00".parse::<Timestamp>().unwrap() + SignedDuration::from_secs(s)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn quiet_when_it_matters_and_nothing_piles_up(
        settings in settings(),
        start in start(),
        step in 1i64..=10,
        trace in prop::collection::vec(segment(), 1..50),
    ) {
        let seen = play(&settings, start, step, &trace);
        let mut open_holds: Vec<Timestamp> = Vec::new();
        // The prompt on screen: a new one may only replace it with a bigger break.
        // (A lunch left unanswered may give way to tea: another break.)
        let mut on_screen: Option<(BreakKind, SignedDuration, Piyo)> = None;
        for s in &seen {
            match &s.action {
                Action::ShowBreak(p) => {
                    prop_assert!(s.holding.is_empty(),
                        "asked for a break at {} while held by {:?}", s.at, s.holding);
                    prop_assert!(s.working, "asked for a break at {} outside working hours", s.at);
                    prop_assert!(
                        on_screen.as_ref().is_none_or(|(k, len, text)| p.kind > *k
                            || p.length > *len
                            || !same_break(text, &p.text)),
                        "a second prompt piled on the first at {}", s.at);
                    on_screen = Some((p.kind, p.length, p.text.clone()));
                }
                Action::DismissBreak => on_screen = None,
                Action::Record(Record::Held(h)) => {
                    match h.until {
                        None => if !open_holds.contains(&h.at) { open_holds.push(h.at) },
                        Some(_) => open_holds.retain(|at| *at != h.at),
                    }
                    prop_assert!(open_holds.len() <= 1, "two holds at once: {:?}", open_holds);
                    prop_assert!(!h.reasons.is_empty());
                }
                Action::StartBreak { asked, .. } => {
                    on_screen = None;
                    if !*asked || settings.strict {
                        continue;
                    }
                    let answered = matches!(s.cause, Event::TakeBreak | Event::BreakNow(_));
                    prop_assert!(answered || s.idle >= settings.natural_pause(),
                        "a break cut into typing at {} ({} after input)", s.at, s.idle);
                    prop_assert!(answered || s.holding.is_empty(), "a break began in a call at {}", s.at);
                }
                Action::WakeAt(t) => prop_assert!(*t > s.at),
                _ => {}
            }
        }
    }
}
