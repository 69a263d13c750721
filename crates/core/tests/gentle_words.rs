//! The words a tired person reads, in both languages: nothing counts what
//! was not done, a heavy mood is met before it is noted, counters work for
//! every number, and what is said in one language is said in the other.

use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::journal::Say;
use iyashi_core::catalogue::letters::{LettersSays, Outgoing};
use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::{web, Message};
use iyashi_core::entry::{EntryKind, Mood};
use iyashi_core::rhythm::{BreakCounts, DaySummary, Held, WeekSummary};
use iyashi_core::Lang;
use jiff::civil::{date, Date};
use jiff::SignedDuration;

const BOTH: [Lang; 2] = [Lang::En, Lang::Ja];

fn day(day: Date, hours: i64, breaks: BreakCounts) -> DaySummary {
    let worked = SignedDuration::from_hours(hours);
    DaySummary {
        day,
        workday: true,
        worked,
        sessions: u32::from(hours > 0),
        breaks,
        daily_limit: SignedDuration::from_hours(8),
        beyond_limit: SignedDuration::ZERO,
        after_evening_stop: SignedDuration::ZERO,
        outside_hours: SignedDuration::ZERO,
        overtime: SignedDuration::ZERO,
        late_night: false,
        held: Held::default(),
    }
}

/// Monday to Friday of one week: work on Monday and Tuesday, breaks as
/// given on Monday, nothing yet on the days after.
fn week(monday: BreakCounts) -> WeekSummary {
    let days: Vec<DaySummary> = (23..=27)
        .map(|d| match d {
            23 => day(date(2026, 11, d), 6, monday),
            24 => day(date(2026, 11, d), 5, BreakCounts::default()),
            _ => day(date(2026, 11, d), 0, BreakCounts::default()),
        })
        .collect();
    let mut breaks = monday;
    breaks.postponed = monday.postponed;
    WeekSummary {
        first: date(2026, 11, 23),
        last: date(2026, 11, 27),
        worked: SignedDuration::from_hours(11),
        days_worked: 2,
        days_over_limit: 0,
        late_nights: 0,
        days_off_worked: 0,
        breaks,
        held: Held::default(),
        outside_hours: SignedDuration::ZERO,
        daily_limit: SignedDuration::from_hours(8),
        days,
    }
}

#[test]
fn the_week_shows_rests_only_when_there_were_some_and_never_what_was_skipped() {
    let rested = BreakCounts {
        taken: 3,
        natural: 2,
        skipped: 4,
        postponed: 6,
    };
    let none = BreakCounts {
        skipped: 2,
        ..BreakCounts::default()
    };
    for lang in BOTH {
        let with = week(rested).render(lang);
        let without = week(none).render(lang);
        for text in [&with, &without] {
            for counted in [
                "skipped",
                "見送り",
                "put off",
                "あとまわし",
                "0 taken",
                "とった0回",
            ] {
                assert!(!text.contains(counted), "{lang}: {counted:?} in\n{text}");
            }
        }
        let rests = lang.pick("You rested 5 times this week.", "今週は5回、休めたね。");
        assert!(with.contains(rests), "{lang}:\n{with}");
        assert!(
            !without.contains(lang.pick("rested", "休め")),
            "{lang}:\n{without}"
        );
    }
}

#[test]
fn the_week_says_nothing_of_days_still_to_come() {
    for lang in BOTH {
        // Seen on Tuesday: Wednesday to Friday have not happened.
        let text = week(BreakCounts::default()).render_until(lang, date(2026, 11, 24));
        let nothing = lang.pick("no work recorded", "記録なし");
        assert!(!text.contains(nothing), "{lang}:\n{text}");
        for later in ["Wed", "Thu", "Fri", "11月25日", "11月26日", "11月27日"] {
            let in_heading = text.lines().next().is_some_and(|l| l.contains(later));
            assert!(
                in_heading || !text.contains(later),
                "{lang}: {later}\n{text}"
            );
        }
        // Looked back on later, a workday without work is said plainly.
        let later = week(BreakCounts::default()).render(lang);
        assert!(later.contains(nothing), "{lang}:\n{later}");
    }
}

#[test]
fn a_heavy_mood_is_thanked_and_met_not_filed() {
    for value in 1..=5 {
        let said = |lang| {
            Say::Kept {
                kind: EntryKind::Mood,
                mood: Some(Mood::new(value).unwrap_or_else(|_| unreachable!())),
                count_today: 1,
            }
            .render(lang)
        };
        let (en, ja) = (said(Lang::En), said(Lang::Ja));
        assert!(en.starts_with("Thank you"), "{en}");
        assert!(ja.starts_with("教えてくれてありがとう"), "{ja}");
        assert!(!ja.contains("記録しました"), "{ja}");
        if value <= 2 {
            assert!(en.contains("slow is plenty"), "{en}");
            assert!(ja.contains("ゆっくりで十分"), "{ja}");
        }
    }
}

#[test]
fn counters_work_for_every_number_and_sit_next_to_it() {
    for n in [1usize, 3, 9, 10, 11, 24, 100] {
        let ja = [
            Say::Kept {
                kind: EntryKind::Joy,
                mood: None,
                count_today: n,
            }
            .render(Lang::Ja),
            Say::TodayJoys(n).render(Lang::Ja),
            EpisodeText::Joys { count: n, shown: 3 }.render(Lang::Ja),
            EpisodeText::PrivateJoys(n).render(Lang::Ja),
            RoomText::ShelfMore(n).render(Lang::Ja),
            LettersSays::SentLater(Outgoing {
                letters: n,
                answers: n,
                thanks: n,
                reports: n,
            })
            .render(Lang::Ja),
            LettersSays::Resting(n as u64).render(Lang::Ja),
            LettersSays::TooLong { max: n }.render(Lang::Ja),
        ];
        for text in ja {
            let number = n.to_string();
            assert!(!text.contains(&format!("{n}つ")), "{text}");
            assert!(!text.contains(&format!("{n}こ")), "{text}");
            for counter in ["人", "通", "文字", "回", "件", "個"] {
                assert!(
                    !text.contains(&format!("{number} {counter}")),
                    "a space between {n} and {counter}: {text}"
                );
            }
        }
    }
}

#[test]
fn piyo_lets_you_know_gently_on_the_web_page() {
    for label in web::WebLabel::ALL {
        let text = label.text(Lang::Ja);
        assert!(!text.contains("肩をたた"), "{text}");
    }
    let asked = web::WebLabel::NotifyAllow.text(Lang::Ja);
    assert!(asked.contains("通知"), "{asked}");
}

#[test]
fn the_reply_hint_can_be_copied_into_a_shell() {
    for lang in BOTH {
        let hint = LettersSays::HowToReply.render(lang);
        let command = &hint[hint.find("iyashi").unwrap_or(0)..];
        assert!(command.starts_with("iyashi letters reply ID \""), "{hint}");
        assert!(!command.contains(['「', '」']), "{hint}");
    }
}

#[test]
fn nothing_grades_effort_or_calls_a_quiet_day_a_shortfall() {
    let texts = [
        Say::NothingOnDay(date(2026, 11, 25)).render(Lang::Ja),
        Say::NothingBetween(date(2026, 11, 23), date(2026, 11, 25)).render(Lang::Ja),
        EpisodeText::NoJoys.render(Lang::Ja),
        RoomText::LogEmpty.render(Lang::Ja),
        RoomText::WorkStopped.render(Lang::Ja),
        EpisodeText::OverLimit(3).render(Lang::Ja),
        EpisodeText::NoBreaks.render(Lang::Ja),
        EpisodeText::NoBreaks.render(Lang::En),
    ];
    for text in &texts {
        for graded in [
            "それでも大丈夫",
            "がんばった",
            "求められた",
            "記録はなかった",
            "No breaks",
        ] {
            assert!(!text.contains(graded), "{graded:?} in {text}");
        }
    }
    for (en, ja) in (0..60).map(|i| {
        (
            RoomText::ChibiSuggests(i).render(Lang::En),
            RoomText::ChibiSuggests(i).render(Lang::Ja),
        )
    }) {
        assert!(en.starts_with("Why not ") && en.ends_with('?'), "{en}");
        assert!(!en.contains("How about…"), "{en}");
        assert!(ja.ends_with("なんてどう？"), "{ja}");
    }
}
