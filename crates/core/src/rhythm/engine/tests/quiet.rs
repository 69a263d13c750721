//! Held back, never lost: calls, films, do-not-disturb and the person's own
//! quiet hold a due prompt; it comes once when they are over.

use jiff::{SignedDuration, Timestamp};

use super::{mins, Sim};
use crate::rhythm::{
    Action, BreakKind, Event, HoldRecord, QuietSettings, Reason, Reasons, Record, RhythmSettings,
};

fn situation(reasons: &[Reason]) -> Event {
    Event::Situation(Reasons::of(reasons))
}

impl Sim {
    fn holds(&self) -> Vec<HoldRecord> {
        let mut last: Vec<HoldRecord> = Vec::new();
        for record in self.records() {
            if let Record::Held(h) = record {
                match last.iter_mut().find(|l| l.at == h.at) {
                    Some(slot) => *slot = h,
                    None => last.push(h),
                }
            }
        }
        last
    }
}

#[test]
fn a_call_holds_the_prompt_and_records_why() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(15));
    sim.send(situation(&[Reason::Microphone]));
    sim.work(mins(10));
    assert!(sim.prompts().is_empty(), "no prompt during the call");
    let holds = sim.holds();
    assert_eq!(holds.len(), 1);
    assert_eq!(holds[0].kind, BreakKind::Micro);
    assert_eq!(holds[0].reasons, Reasons::of(&[Reason::Microphone]));
    assert_eq!(holds[0].until, None);
    let status = sim.engine.status(sim.now);
    assert_eq!(status.held.map(|h| h.reasons), Some(holds[0].reasons));
    assert!(status.holding.contains(Reason::Microphone));
}

#[test]
fn when_the_call_ends_the_break_comes_once_after_the_grace() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(15));
    sim.send(situation(&[Reason::Camera, Reason::Microphone]));
    sim.work(mins(10));
    sim.send(situation(&[]));
    let clear = sim.now;
    sim.work(SignedDuration::from_secs(50));
    assert!(
        sim.prompts().is_empty(),
        "not in the first seconds after the call"
    );
    sim.work(mins(3));
    let prompts = sim.prompts();
    assert_eq!(prompts.len(), 1);
    assert!(prompts[0].0 >= clear + mins(1) && prompts[0].0 < clear + mins(1) + super::STEP);
    assert_eq!(sim.holds()[0].until, Some(prompts[0].0));
}

#[test]
fn a_long_hold_becomes_one_rest_break_not_a_queue() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(19));
    sim.send(situation(&[Reason::Fullscreen]));
    // Long enough for three micro-breaks and a rest break to come due.
    sim.work(mins(70));
    sim.send(situation(&[]));
    sim.work(mins(2));
    let prompts = sim.prompts();
    assert_eq!(prompts.len(), 1, "{prompts:?}");
    assert_eq!(prompts[0].1.kind, BreakKind::Rest);
    let holds = sim.holds();
    assert_eq!(holds.len(), 1);
    assert_eq!(holds[0].kind, BreakKind::Rest);
}

#[test]
fn listening_in_a_call_is_work_even_past_the_daily_limit() {
    let settings = RhythmSettings {
        daily_limit: SignedDuration::from_hours(1),
        ..RhythmSettings::default()
    };
    let mut sim = Sim::new(settings);
    sim.work(mins(30));
    sim.send(situation(&[Reason::Microphone]));
    // An hour of listening without a key pressed.
    sim.away(mins(60));
    let status = sim.engine.status(sim.now);
    assert!(status.worked_today >= mins(90), "{}", status.worked_today);
    assert!(
        status.session_start.is_some(),
        "the call did not end the session"
    );
    assert!(sim.notices().is_empty(), "nothing said into the call");
    sim.send(situation(&[]));
    sim.work(mins(1));
    assert_eq!(
        sim.notices(),
        ["That's 1 hour of work today. You've done plenty; the rest can wait until tomorrow."]
    );
    let overtime = sim.engine.checkpoint().into_iter().find_map(|r| match r {
        Record::Overtime(o) => Some(o),
        _ => None,
    });
    assert!(overtime.is_some_and(|o| o.beyond_limit >= mins(30)));
}

#[test]
fn a_film_watched_without_touching_anything_was_the_break() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(19));
    sim.send(situation(&[Reason::Fullscreen]));
    sim.work(mins(2));
    assert_eq!(sim.holds().len(), 1);
    sim.away(mins(8));
    sim.send(situation(&[]));
    sim.work(mins(5));
    assert!(
        sim.prompts().is_empty(),
        "the pause rested the eyes already"
    );
    assert!(sim.holds()[0].until.is_some());
}

#[test]
fn quiet_holds_prompts_until_it_ends_by_itself() {
    let mut sim = Sim::new(RhythmSettings::default());
    let until = sim.now + mins(60);
    let actions = sim.send(Event::QuietUntil(Some(until)));
    assert_eq!(actions.last(), Some(&Action::WakeAt(until)));
    sim.work(mins(59));
    assert!(sim.prompts().is_empty());
    assert_eq!(sim.holds()[0].reasons, Reasons::of(&[Reason::Quiet]));
    assert_eq!(sim.engine.status(sim.now).quiet_until, Some(until));
    sim.work(mins(3));
    assert_eq!(sim.prompts().len(), 1);
    assert_eq!(sim.engine.status(sim.now).quiet_until, None);
    // And "quiet off" ends it early.
    let mut sim = Sim::new(RhythmSettings::default());
    sim.send(Event::QuietUntil(Some(sim.now + mins(120))));
    sim.work(mins(25));
    sim.send(Event::QuietUntil(None));
    sim.work(mins(2));
    assert_eq!(sim.prompts().len(), 1);
}

#[test]
fn a_prompt_on_screen_when_a_call_starts_is_taken_down_and_waits() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(20));
    assert_eq!(sim.prompts().len(), 1);
    sim.send(situation(&[Reason::DoNotDisturb]));
    assert!(sim.log.iter().any(|(_, a)| *a == Action::DismissBreak));
    // Never started at a pause while it waits.
    sim.away(SignedDuration::from_secs(10));
    sim.work(mins(5));
    assert!(sim.engine.status(sim.now).on_break.is_none());
    sim.send(situation(&[]));
    sim.work(mins(2));
    assert_eq!(sim.prompts().len(), 2);
}

#[test]
fn a_source_turned_off_holds_nothing() {
    let settings = RhythmSettings {
        quiet: QuietSettings {
            camera: false,
            ..QuietSettings::default()
        },
        ..RhythmSettings::default()
    };
    let mut sim = Sim::new(settings);
    sim.send(situation(&[Reason::Camera]));
    sim.work(mins(21));
    assert_eq!(sim.prompts().len(), 1);
    assert!(sim.holds().is_empty());
    // Nor is the camera a call that counts idle time as work.
    sim.away(mins(10));
    assert!(sim.engine.status(sim.now).worked_today <= mins(21));
}

#[test]
fn the_break_taken_early_during_a_hold_answers_it() {
    let mut sim = Sim::new(RhythmSettings::default());
    sim.work(mins(19));
    sim.send(situation(&[Reason::Program]));
    sim.work(mins(3));
    sim.send(Event::BreakNow(BreakKind::Rest));
    assert!(sim.holds()[0].until.is_some());
    let when: Timestamp = sim.now;
    sim.now += mins(5);
    sim.send(Event::Tick);
    sim.send(situation(&[]));
    sim.work(mins(5));
    assert!(sim.prompts().is_empty());
    assert!(when < sim.now);
}
