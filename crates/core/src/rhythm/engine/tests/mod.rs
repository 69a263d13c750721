//! Scenario tests: short stories of a working day, driven by a fake clock.

use jiff::civil::date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::Engine;
use crate::day::RolloverHour;
use crate::rhythm::{
    Action, BreakKind, BreakOutcome, BreakPrompt, Calendar, Event, Record, RhythmSettings,
};

pub(super) const STEP: SignedDuration = SignedDuration::from_secs(5);

pub(super) fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

pub(super) struct Sim {
    pub(super) engine: Engine,
    pub(super) now: Timestamp,
    pub(super) log: Vec<(Timestamp, Action)>,
}

impl Sim {
    /// Monday 3 March 2025, 09:00 UTC.
    pub(super) fn new(settings: RhythmSettings) -> Sim {
        Sim::at(settings, "2025-03-03T09:00:00Z")
    }

    pub(super) fn at(settings: RhythmSettings, start: &str) -> Sim {
        let cal = Calendar::new(TimeZone::UTC, RolloverHour::DEFAULT);
        Sim {
            engine: Engine::new(settings, cal),
            now: start.parse().unwrap(),
            log: Vec::new(),
        }
    }

    pub(super) fn send(&mut self, event: Event) -> Vec<Action> {
        let actions = self.engine.step(self.now, event);
        self.log
            .extend(actions.iter().map(|a| (self.now, a.clone())));
        actions
    }

    /// Input at every sample for `d`.
    pub(super) fn work(&mut self, d: SignedDuration) {
        let end = self.now + d;
        self.send(Event::Activity {
            idle_for: SignedDuration::ZERO,
        });
        while self.now < end {
            self.now += STEP;
            self.send(Event::Activity {
                idle_for: SignedDuration::ZERO,
            });
        }
    }

    /// No input for `d`, sampled as an idle clock would be.
    pub(super) fn away(&mut self, d: SignedDuration) {
        let from = self.now;
        while self.now < from + d {
            self.now += STEP;
            let idle_for = self.now.duration_since(from);
            self.send(Event::Activity { idle_for });
        }
    }

    pub(super) fn prompts(&self) -> Vec<(Timestamp, BreakPrompt)> {
        let shown = self.log.iter().filter_map(|(t, a)| match a {
            Action::ShowBreak(p) => Some((*t, p.clone())),
            _ => None,
        });
        shown.collect()
    }

    pub(super) fn records(&self) -> Vec<Record> {
        let records = self.log.iter().filter_map(|(_, a)| match a {
            Action::Record(r) => Some(r.clone()),
            _ => None,
        });
        records.collect()
    }

    pub(super) fn breaks(&self) -> Vec<(BreakKind, BreakOutcome, u8)> {
        let breaks = self.records().into_iter().filter_map(|r| match r {
            Record::Break(b) => Some((b.kind, b.outcome, b.postponed)),
            _ => None,
        });
        breaks.collect()
    }

    pub(super) fn notices(&self) -> Vec<String> {
        use crate::catalogue::Message;
        let said = self.log.iter().filter_map(|(_, a)| match a {
            Action::Notify(p) => Some(p.render(crate::Lang::En)),
            _ => None,
        });
        said.collect()
    }
}

mod quiet;
mod schedule;

#[test]
fn a_micro_break_is_asked_for_after_twenty_minutes_of_work() {
    let mut sim = Sim::new(RhythmSettings::default());
    let start = sim.now;
    sim.work(mins(19));
    assert!(sim.prompts().is_empty());
    sim.work(mins(2));
    let prompts = sim.prompts();
    assert_eq!(prompts.len(), 1);
    let (at, prompt) = &prompts[0];
    assert_eq!(prompt.kind, BreakKind::Micro);
    assert_eq!(prompt.length, SignedDuration::from_secs(20));
    assert_eq!(prompt.gentleness.level(), 0);
    assert!(prompt.can_postpone && prompt.can_skip);
    assert!(at.duration_since(start) >= mins(20));
    assert!(at.duration_since(start) < mins(20) + STEP);
}

#[test]
fn the_engine_says_when_the_break_will_be_due() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(5));
    let actions = sim.send(Event::Activity {
        idle_for: SignedDuration::ZERO,
    });
    assert_eq!(actions.last(), Some(&Action::WakeAt(sim.now + mins(15))));
}

#[test]
fn a_pause_as_long_as_a_micro_break_counts_as_one() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(15));
    sim.away(SignedDuration::from_secs(30));
    sim.work(mins(15));
    // The pause restarted the timer: 15 minutes since is not yet 20.
    assert!(sim.prompts().is_empty());
    assert_eq!(sim.breaks(), [(BreakKind::Micro, BreakOutcome::Natural, 0)]);
    // And the pause was not work.
    let status = sim.engine.status(sim.now);
    assert_eq!(status.worked_today, mins(30));
}

#[test]
fn nothing_is_asked_of_someone_who_is_away() {
    let mut sim = Sim::new(RhythmSettings::default());
    // Stopping 30 s short: the pause only turns idle after 20 s, and up to
    // then it is still work (reading, thinking) that would fill the 20 min.
    sim.work(mins(19) + SignedDuration::from_secs(30));
    sim.away(mins(3));
    assert!(sim.prompts().is_empty());
    assert_eq!(sim.engine.status(sim.now).until_micro, mins(20));
}

#[test]
fn each_later_makes_the_next_ask_gentler_up_to_the_last() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    for _ in 0..4 {
        sim.send(Event::Later);
        sim.work(mins(6));
    }
    let micro: Vec<u8> = sim
        .prompts()
        .iter()
        .filter(|(_, p)| p.kind == BreakKind::Micro)
        .map(|(_, p)| p.gentleness.level())
        .collect();
    assert_eq!(micro, [0, 1, 2, 3]);
    let last = &sim.prompts()[3].1;
    assert!(!last.can_postpone, "the last reminder offers no 'later'");
    // The fourth "later" was not offered, so it changed nothing.
    assert!(sim.breaks().is_empty());
}

#[test]
fn an_unanswered_ask_begins_the_break_at_the_next_natural_pause() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    assert_eq!(sim.prompts().len(), 1);
    // Typing on through the first small ask: the break does not cut in.
    sim.work(mins(3));
    assert!(sim.engine.status(sim.now).on_break.is_none());
    // A few seconds' pause, and it begins.
    sim.away(SignedDuration::from_secs(5));
    let status = sim.engine.status(sim.now);
    assert_eq!(status.on_break.map(|(k, _)| k), Some(BreakKind::Micro));
    let begun = sim.log.iter().find_map(|(t, a)| match a {
        Action::StartBreak { asked, until, .. } => Some((*t, *until, *asked)),
        _ => None,
    });
    // Counted from the start of the pause, which was not work.
    let pause_began = sim.now - SignedDuration::from_secs(5);
    assert_eq!(
        begun,
        Some((sim.now, pause_began + SignedDuration::from_secs(20), true))
    );
    // One ask only, never repeated while typing.
    assert_eq!(sim.prompts().len(), 1);
}

#[test]
fn a_stale_later_does_not_count_twice() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    sim.send(Event::Later);
    sim.send(Event::Later);
    sim.work(mins(5));
    let levels: Vec<u8> = sim
        .prompts()
        .iter()
        .map(|(_, p)| p.gentleness.level())
        .collect();
    assert_eq!(levels, [0, 1]);
}

#[test]
fn taking_a_break_records_it_and_restarts_the_timer() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    let actions = sim.send(Event::TakeBreak);
    let until = sim.now + SignedDuration::from_secs(20);
    let asked_for = sim.prompts()[0].1.activity;
    assert!(actions.contains(&Action::StartBreak {
        kind: BreakKind::Micro,
        until,
        activity: asked_for,
        asked: true,
    }));
    // Keys pressed during the break are not work.
    sim.work(SignedDuration::from_secs(15));
    sim.now = until;
    let actions = sim.send(Event::Tick);
    assert!(matches!(
        actions[1],
        Action::EndBreak {
            kind: BreakKind::Micro,
            ..
        }
    ));
    assert_eq!(sim.breaks(), [(BreakKind::Micro, BreakOutcome::Taken, 0)]);
    let status = sim.engine.status(sim.now);
    assert_eq!(status.until_micro, mins(20));
    assert!(status.worked_today <= mins(20) + STEP);
}

#[test]
fn a_rest_break_comes_after_fifty_minutes_and_covers_the_eyes_too() {
    let mut sim = Sim::new(RhythmSettings::default());
    for _ in 0..2 {
        sim.work(mins(20));
        sim.send(Event::TakeBreak);
        sim.away(SignedDuration::from_secs(20));
    }
    sim.work(mins(11));
    let kinds: Vec<BreakKind> = sim.prompts().iter().map(|(_, p)| p.kind).collect();
    assert_eq!(kinds, [BreakKind::Micro, BreakKind::Micro, BreakKind::Rest]);
    sim.send(Event::Skip);
    assert_eq!(
        sim.breaks().last(),
        Some(&(BreakKind::Rest, BreakOutcome::Skipped, 0))
    );
    // A skipped rest restarts the micro timer as well; no prompt right after.
    sim.work(mins(19));
    assert_eq!(sim.prompts().len(), 3);
}

#[test]
fn taking_a_break_early_is_always_allowed() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(3));
    let actions = sim.send(Event::BreakNow(BreakKind::Rest));
    assert!(matches!(
        actions[0],
        Action::StartBreak {
            kind: BreakKind::Rest,
            ..
        }
    ));
    sim.now += mins(2);
    sim.send(Event::BreakFinished);
    let Some(Record::Break(b)) = sim.records().pop() else {
        panic!("no break recorded");
    };
    assert_eq!(
        (b.outcome, b.length, b.asked),
        (BreakOutcome::Taken, mins(2), false)
    );
}

#[test]
fn strict_mode_starts_the_break_and_holds_it() {
    let settings = RhythmSettings {
        strict: true,
        ..RhythmSettings::default()
    };
    let mut sim = Sim::new(settings);
    sim.work(mins(20));
    let (_, prompt) = &sim.prompts()[0];
    assert!(!prompt.can_postpone && !prompt.can_skip);
    assert!(matches!(sim.log.last(), Some((_, Action::WakeAt(_)))));
    assert!(sim.engine.status(sim.now).on_break.is_some());
    for refused in [Event::Later, Event::Skip, Event::BreakFinished] {
        sim.send(refused);
        assert!(sim.engine.status(sim.now).on_break.is_some());
    }
    sim.away(SignedDuration::from_secs(20));
    assert!(sim.engine.status(sim.now).on_break.is_none());
    assert_eq!(sim.breaks(), [(BreakKind::Micro, BreakOutcome::Taken, 0)]);
}

#[test]
fn a_long_absence_ends_the_session_and_the_return_is_welcomed() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(10));
    sim.away(mins(45));
    let sessions: Vec<_> = sim
        .records()
        .into_iter()
        .filter_map(|r| match r {
            Record::Session(s) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].worked, mins(10));
    sim.work(mins(1));
    assert_eq!(sim.notices(), ["Welcome back. Let's start again gently."]);
    assert!(sim.engine.status(sim.now).session_start.is_some());
}

#[test]
fn the_daily_limit_and_the_evening_stop_are_each_said_once() {
    let settings = RhythmSettings {
        daily_limit: SignedDuration::from_hours(2),
        ..RhythmSettings::default()
    };
    let mut sim = Sim::at(settings, "2025-03-03T17:30:00Z");
    sim.work(mins(150));
    let notices = sim.notices();
    assert_eq!(notices.len(), 2);
    assert!(notices[0].starts_with("It's after 19:00."));
    assert!(notices[1].starts_with("That's 2 hours of work today."));
}

#[test]
fn no_wrapping_up_is_suggested_on_an_evening_without_work() {
    // Monday, 22:30: the room opened to keep a joy, no work counted today.
    let mut sim = Sim::at(RhythmSettings::default(), "2025-03-03T22:30:00Z");
    sim.send(Event::Activity {
        idle_for: SignedDuration::ZERO,
    });
    sim.away(mins(10));
    sim.send(Event::Activity {
        idle_for: SignedDuration::ZERO,
    });
    sim.away(mins(10));
    assert!(sim.notices().is_empty(), "{:?}", sim.notices());
    // Work counted after the evening stop is another matter.
    sim.work(mins(5));
    assert_eq!(sim.notices().len(), 1);
    assert!(sim.notices()[0].starts_with("It's after 19:00."));
}

#[test]
fn there_is_no_evening_stop_on_a_day_off() {
    // Saturday 8 March 2025.
    let mut sim = Sim::at(RhythmSettings::default(), "2025-03-08T18:50:00Z");
    sim.work(mins(20));
    assert!(sim.notices().is_empty());
}

#[test]
fn work_stop_is_done_for_the_day() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(30));
    sim.send(Event::WorkStop);
    sim.work(mins(30));
    assert_eq!(sim.engine.status(sim.now).worked_today, mins(30));
    assert!(sim.engine.status(sim.now).session_start.is_none());
    // The next morning, activity is work again.
    sim.now = "2025-03-04T09:00:00Z".parse().unwrap();
    sim.work(mins(1));
    assert_eq!(sim.engine.status(sim.now).worked_today, mins(1));
}

#[test]
fn a_manual_session_counts_its_time_whatever_the_idle_clock_says() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.send(Event::WorkStart);
    sim.now += mins(10);
    sim.send(Event::Tick);
    sim.away(mins(5));
    sim.send(Event::WorkStop);
    let Some(Record::Session(s)) = sim.records().pop() else {
        panic!("no session recorded");
    };
    assert!(s.manual);
    assert_eq!(s.worked, mins(15));
}

#[test]
fn a_session_past_the_rollover_is_cut_into_two_days() {
    let mut sim = Sim::at(RhythmSettings::default(), "2025-03-04T03:30:00Z");
    sim.work(mins(60));
    sim.send(Event::WorkStop);
    let days: Vec<_> = sim
        .records()
        .into_iter()
        .filter_map(|r| match r {
            Record::Session(s) => Some((s.day, s.worked)),
            _ => None,
        })
        .collect();
    assert_eq!(days[0], (date(2025, 3, 3), mins(30)));
    assert_eq!(days[1].0, date(2025, 3, 4));
    assert!(days[1].1 >= mins(29), "{days:?}");
    // The first part was a late night after the evening stop.
    let overtime = sim.records().into_iter().find_map(|r| match r {
        Record::Overtime(o) if o.day == date(2025, 3, 3) => Some(o),
        _ => None,
    });
    let o = overtime.expect("the late night is recorded");
    assert!(o.late_night && o.after_evening_stop == mins(30));
}

#[test]
fn a_clock_stepping_back_does_not_undo_work() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(10));
    let before = sim.engine.status(sim.now).worked_today;
    sim.now -= mins(60);
    sim.send(Event::Activity {
        idle_for: SignedDuration::ZERO,
    });
    assert!(sim.engine.status(sim.now + mins(60)).worked_today >= before);
}

#[test]
fn a_restart_carries_the_day_on_without_repeating_an_activity() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    sim.send(Event::TakeBreak);
    sim.away(SignedDuration::from_secs(20));
    sim.work(mins(10));
    sim.send(Event::WorkStop);
    let records = sim.records();
    let mut fresh = Engine::new(RhythmSettings::default(), sim.engine.calendar().clone());
    fresh.restore(sim.now, &records);
    assert_eq!(
        fresh.status(sim.now).worked_today,
        sim.engine.status(sim.now).worked_today
    );
    let first = sim.prompts()[0].1.activity;
    let mut again = Sim {
        engine: fresh,
        now: sim.now,
        log: Vec::new(),
    };
    again.send(Event::WorkStart);
    again.now += mins(21);
    again.send(Event::Tick);
    assert_ne!(again.prompts()[0].1.activity, first);
}

#[test]
fn five_more_minutes_on_the_break_screen_puts_the_break_off_like_later() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    let asked_for = sim.prompts()[0].1.activity;
    sim.send(Event::TakeBreak);
    let actions = sim.send(Event::Later);
    assert_eq!(actions[0], Action::DismissBreak, "the screen closes");
    let status = sim.engine.status(sim.now);
    assert_eq!((status.on_break, status.postponed), (None, 1));
    // Asked again after the postpone, the same activity, one postpone more.
    sim.work(mins(5) + STEP);
    let (_, again) = sim.prompts().pop().unwrap();
    assert_eq!((sim.prompts().len(), again.activity), (2, asked_for));
    sim.send(Event::TakeBreak);
    sim.now += SignedDuration::from_secs(20);
    sim.send(Event::Tick);
    assert_eq!(sim.breaks(), [(BreakKind::Micro, BreakOutcome::Taken, 1)]);
}

#[test]
fn a_break_on_screen_is_not_put_off_in_strict_mode_or_past_the_last_postpone() {
    let strict = RhythmSettings {
        strict: true,
        ..RhythmSettings::default()
    };
    let mut sim = Sim::new(strict);
    sim.work(mins(20));
    assert!(!sim.send(Event::Later).contains(&Action::DismissBreak));
    assert!(sim.engine.status(sim.now).on_break.is_some());

    let none_left = RhythmSettings {
        max_postpones: 0,
        ..RhythmSettings::default()
    };
    let mut sim = Sim::new(none_left);
    sim.work(mins(20));
    sim.send(Event::TakeBreak);
    assert!(!sim.send(Event::Later).contains(&Action::DismissBreak));
    assert!(sim.engine.status(sim.now).on_break.is_some());
}
