//! The person's real week: working hours, fixed-time breaks, the wind-down.

use jiff::SignedDuration;

use super::{mins, Sim};
use crate::rhythm::{BreakKind, Event, Record, RhythmSettings, Schedule};

/// Monday to Friday 09:00-12:00 and 13:00-18:00 (UTC), weekends off, tea at
/// 15:00 for a quarter of an hour.
fn office() -> RhythmSettings {
    let text = r#"
        mon = "09:00-12:00, 13:00-18:00"
        tue = "09:00-12:00, 13:00-18:00"
        wed = "09:00-12:00, 13:00-18:00"
        thu = "09:00-12:00, 13:00-18:00"
        fri = "09:00-12:00, 13:00-18:00"
        sat = "off"
        breaks = ["15:00-15:15 tea"]
    "#;
    RhythmSettings {
        schedule: toml::from_str::<Schedule>(text).unwrap(),
        ..RhythmSettings::default()
    }
}

fn outside_hours(sim: &Sim) -> SignedDuration {
    let all: Vec<Record> = sim
        .records()
        .into_iter()
        .chain(sim.engine.checkpoint())
        .collect();
    all.iter()
        .rev()
        .find_map(|r| match r {
            Record::Overtime(o) => Some(o.outside_hours),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn outside_working_hours_nothing_is_asked_and_the_work_is_overtime() {
    let mut sim = Sim::at(office(), "2025-03-03T07:00:00Z");
    sim.work(mins(110));
    assert!(sim.prompts().is_empty() && sim.notices().is_empty());
    assert_eq!(outside_hours(&sim), mins(110));
    let status = sim.engine.status(sim.now);
    assert!(status.off_hours);
    assert_eq!(
        status.next_start,
        Some("2025-03-03T09:00:00Z".parse().unwrap())
    );
    // From 09:00 reminders come: one, for the break long overdue.
    sim.work(mins(15));
    assert_eq!(sim.prompts().len(), 1);
    assert_eq!(sim.prompts()[0].0, "2025-03-03T09:00:00Z".parse().unwrap());
}

#[test]
fn a_day_off_has_no_reminders_and_its_work_counts_kindly() {
    // Saturday.
    let mut sim = Sim::at(office(), "2025-03-08T10:00:00Z");
    sim.work(mins(90));
    assert!(sim.prompts().is_empty() && sim.notices().is_empty());
    assert_eq!(outside_hours(&sim), mins(90));
}

#[test]
fn tea_comes_at_its_time_with_its_own_length() {
    let mut sim = Sim::at(office(), "2025-03-03T14:50:00Z");
    sim.work(mins(15));
    let prompts = sim.prompts();
    assert_eq!(prompts.len(), 1);
    let (at, tea) = &prompts[0];
    assert_eq!(*at, "2025-03-03T15:00:00Z".parse().unwrap());
    assert_eq!((tea.kind, tea.length), (BreakKind::Rest, mins(15)));
    use crate::catalogue::Message;
    assert_eq!(
        tea.text.render(crate::Lang::En),
        "It's time for a tea break. Take 15 minutes away from the screen."
    );
    assert_eq!(
        tea.text.render(crate::Lang::Ja),
        "お茶の時間だよ。15分、画面から離れよう。"
    );
    sim.send(Event::TakeBreak);
    sim.now += mins(15);
    sim.send(Event::Tick);
    sim.work(mins(10));
    assert_eq!(sim.prompts().len(), 1, "tea is asked for once a day");
}

#[test]
fn tea_rested_through_is_not_asked_for_afterwards() {
    let mut sim = Sim::at(office(), "2025-03-03T14:40:00Z");
    sim.work(mins(18));
    sim.away(mins(8));
    sim.work(mins(10));
    assert!(sim.prompts().is_empty(), "{:?}", sim.prompts());
}

#[test]
fn the_day_ends_with_a_wind_down_then_one_time_to_stop_then_nothing() {
    let mut sim = Sim::at(office(), "2025-03-03T17:00:00Z");
    sim.work(mins(120));
    let notices = sim.notices();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].starts_with("Your working day ends at 18:00 (30 minutes from now)."));
    assert!(notices[1].starts_with("It's 18:00, the end of your working day. Time to stop"));
    let after: Vec<_> = sim
        .prompts()
        .into_iter()
        .filter(|(t, _)| *t >= "2025-03-03T18:00:00Z".parse().unwrap())
        .collect();
    assert!(after.is_empty(), "nothing more after the end: {after:?}");
    assert_eq!(outside_hours(&sim), mins(60));
}

#[test]
fn coming_back_after_the_end_hears_only_time_to_stop() {
    let mut sim = Sim::at(office(), "2025-03-03T18:20:00Z");
    sim.work(mins(5));
    let notices = sim.notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("It's 18:00"));
}
