//! What a person reads about quiet and activities, in both languages:
//! `iyashi why` in its situations, what `watch` can see, and every guided
//! break activity. Snapshot-tested, so a change of wording is a reviewed one.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use iyashi_core::catalogue::activities::{all, BreakGuide};
use iyashi_core::catalogue::quiet::{QuietSays, Sees, Sense, Why};
use iyashi_core::catalogue::rhythm::Piyo;
use iyashi_core::catalogue::Message;
use iyashi_core::day::RolloverHour;
use iyashi_core::rhythm::{
    Activity, BreakKind, Calendar, Engine, Event, Gentleness, HoldRecord, Reason, Reasons,
    RhythmSettings,
};
use iyashi_core::Lang;
use jiff::civil::date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn clock(t: Timestamp) -> String {
    TimeZone::UTC.to_datetime(t).strftime("%H:%M").to_string()
}

/// A break held back at `hh_mm` (UTC) on 25 November 2026.
fn hold(hh_mm: &str, reasons: &[Reason]) -> HoldRecord {
    let start = at(&format!("2026-11-25T{hh_mm}:00Z"));
    HoldRecord {
        day: date(2026, 11, 25),
        kind: BreakKind::Rest,
        at: start,
        reasons: Reasons::of(reasons),
        until: Some(start + SignedDuration::from_mins(20)),
    }
}

/// A day played through the engine: `first` events at 14:00, then `work`
/// minutes of work, then `then`.
fn why_after(
    first: &[Event],
    work: i64,
    then: &[Event],
    holds: Vec<HoldRecord>,
    watching: bool,
) -> Why {
    let cal = Calendar::new(TimeZone::UTC, RolloverHour::DEFAULT);
    // Eye rests every two hours, so the next break is the rest break.
    let settings = RhythmSettings {
        micro_break_every: SignedDuration::from_hours(2),
        ..RhythmSettings::default()
    };
    let mut engine = Engine::new(settings, cal);
    let mut now = at("2026-11-25T14:00:00Z");
    for event in first {
        engine.step(now, *event);
    }
    for _ in 0..=(work * 12) {
        engine.step(
            now,
            Event::Activity {
                idle_for: SignedDuration::ZERO,
            },
        );
        now += SignedDuration::from_secs(5);
    }
    now -= SignedDuration::from_secs(5);
    for event in then {
        engine.step(now, *event);
    }
    Why::new(now, &engine.status(now), holds, watching, clock)
}

#[test]
fn why_in_plain_words() {
    let cases = [
        (
            "coming_held_once",
            why_after(
                &[],
                38,
                &[],
                vec![hold("14:05", &[Reason::Microphone])],
                true,
            ),
        ),
        (
            "held_twice",
            why_after(
                &[],
                38,
                &[],
                vec![
                    hold("10:15", &[Reason::Camera, Reason::Microphone]),
                    hold("13:40", &[Reason::Fullscreen]),
                ],
                true,
            ),
        ),
        (
            "quiet_later",
            why_after(
                &[],
                38,
                &[Event::QuietUntil(Some(at("2026-11-25T15:30:00Z")))],
                Vec::new(),
                true,
            ),
        ),
        (
            "held_now_for_quiet",
            why_after(
                &[Event::QuietUntil(Some(at("2026-11-25T15:30:00Z")))],
                52,
                &[],
                Vec::new(),
                true,
            ),
        ),
        ("due_now", why_after(&[], 52, &[], Vec::new(), true)),
        ("not_watching", why_after(&[], 38, &[], Vec::new(), false)),
        (
            "not_watching_no_work",
            why_after(&[], 0, &[], Vec::new(), false),
        ),
    ];
    for (name, why) in cases {
        for lang in [Lang::En, Lang::Ja] {
            insta::assert_snapshot!(format!("why_{name}_{lang}"), why.render(lang));
        }
    }
}

#[test]
fn what_watch_can_see_and_what_quiet_says() {
    let sees = Sees {
        seen: vec![
            Sense::Fullscreen,
            Sense::Camera,
            Sense::Microphone,
            Sense::DunstPaused,
        ],
        missing: vec![Sense::Programs],
    };
    let quiet = [
        QuietSays::Until {
            until: "15:30".into(),
            length: SignedDuration::from_hours(1),
        },
        QuietSays::Today {
            until: "04:00".into(),
        },
        QuietSays::Off,
        QuietSays::WasOff,
    ];
    for lang in [Lang::En, Lang::Ja] {
        let mut text = sees.render(lang) + "\n\n";
        for q in &quiet {
            text += &(q.render(lang) + "\n");
        }
        insta::assert_snapshot!(format!("sees_and_quiet_{lang}"), text);
    }
}

#[test]
fn every_activity_in_both_languages() {
    for lang in [Lang::En, Lang::Ja] {
        let mut text = String::new();
        for guide in all() {
            let activity = Activity::by_id(guide.id).unwrap();
            text += &format!("[{}] {:?} {:?}\n", guide.id, guide.fits, guide.area);
            text += &BreakGuide::Card(activity).render(lang);
            text += "\n\n";
        }
        let box_breath = Activity::by_id("breath-box").unwrap();
        text += &BreakGuide::Prompt {
            text: Piyo::for_break(
                BreakKind::Rest,
                SignedDuration::from_mins(5),
                Gentleness::FIRST,
            ),
            activity: box_breath,
        }
        .render(lang);
        text += "\n\n";
        text += &BreakGuide::Begins {
            kind: BreakKind::Micro,
            left: SignedDuration::from_secs(20),
            activity: Activity::by_id("eyes-20-20-20").unwrap(),
        }
        .render(lang);
        text += "\n\n";
        for second in 0..box_breath.breath().cycle() {
            text += &BreakGuide::Pace {
                pacer: box_breath.breath().pacer(second),
                left: SignedDuration::from_secs(300 - second as i64),
            }
            .render(lang);
            text += "\n";
        }
        insta::assert_snapshot!(format!("activities_{lang}"), text);
    }
}
