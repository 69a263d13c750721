//! Every word Piyo says about breaks, in both languages, gathered in one
//! snapshot so the whole voice can be read (and reviewed) at once.

use iyashi_core::catalogue::rhythm::{duration, spoken, Piyo};
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{BreakKind, Gentleness, RhythmSettings};
use iyashi_core::Lang;
use jiff::SignedDuration;

fn every_text() -> Vec<Piyo> {
    let s = RhythmSettings::default();
    let mut all = vec![Piyo::Name];
    for kind in [BreakKind::Micro, BreakKind::Rest] {
        for postpones in 0..=3 {
            let g = Gentleness::after_postpones(postpones);
            all.push(Piyo::for_break(kind, s.length_of(kind), g));
        }
        all.push(Piyo::BreakOver { kind });
    }
    all.push(Piyo::DailyLimit {
        limit: s.daily_limit,
    });
    all.push(Piyo::EveningStop { at: s.evening_stop });
    all.push(Piyo::WelcomeBack);
    all
}

#[test]
fn piyo_speaks_both_languages() {
    let mut out = String::new();
    for text in every_text() {
        for lang in [Lang::En, Lang::Ja] {
            let said = text.render(lang);
            assert!(!said.trim().is_empty());
            // No alarms: nothing shouted, nothing exclaimed.
            assert!(!said.contains('!') && !said.contains('！'), "{said}");
            if lang == Lang::Ja {
                assert!(!said.chars().any(|c| c.is_ascii_alphabetic()), "{said}");
            }
            out.push_str(&format!("{lang}: {said}\n"));
        }
        out.push('\n');
    }
    insta::assert_snapshot!("piyo", out);
}

#[test]
fn each_postpone_makes_the_reminder_different_and_never_longer_than_the_first() {
    for kind in [BreakKind::Micro, BreakKind::Rest] {
        for lang in [Lang::En, Lang::Ja] {
            let texts: Vec<String> = (0..=3)
                .map(|p| {
                    Piyo::for_break(
                        kind,
                        SignedDuration::from_mins(5),
                        Gentleness::after_postpones(p),
                    )
                    .render(lang)
                })
                .collect();
            for pair in texts.windows(2) {
                assert_ne!(pair[0], pair[1]);
            }
            let first = texts[0].chars().count();
            assert!(
                texts[2..].iter().all(|t| t.chars().count() < first),
                "{texts:?}"
            );
        }
    }
    // After the softest wording there is nothing softer to say.
    assert_eq!(Gentleness::after_postpones(9), Gentleness::SOFTEST);
}

#[test]
fn durations_read_as_people_say_them() {
    let d = SignedDuration::from_secs;
    assert_eq!(spoken(Lang::En, d(20)), "20 seconds");
    assert_eq!(spoken(Lang::En, d(60)), "1 minute");
    assert_eq!(spoken(Lang::En, d(5400)), "1 hour 30 minutes");
    assert_eq!(spoken(Lang::Ja, d(5400)), "1時間30分");
    assert_eq!(duration(Lang::En, d(7 * 3600 + 40 * 60 + 29)), "7h 40m");
    assert_eq!(duration(Lang::En, d(8 * 3600)), "8h");
    assert_eq!(duration(Lang::En, d(20)), "20s");
    assert_eq!(duration(Lang::Ja, d(45 * 60)), "45分");
    assert_eq!(duration(Lang::Ja, SignedDuration::ZERO), "0分");
    // Work started and stopped at once is a moment, not nothing.
    let blink = SignedDuration::from_millis(400);
    assert_eq!(duration(Lang::En, blink), "1s");
    assert_eq!(duration(Lang::Ja, blink), "1秒");
}

#[test]
fn an_episode_says_no_zero_kind_of_break() {
    use iyashi_core::catalogue::episode::EpisodeText;
    let rest = SignedDuration::from_mins(5);
    let said = |taken, natural, lang| {
        EpisodeText::Breaks {
            taken,
            natural,
            rest,
        }
        .render(lang)
    };
    assert_eq!(said(1, 0, Lang::En), "1 break taken: 5m of rest.");
    assert_eq!(said(1, 0, Lang::Ja), "休憩は1回。あわせて5分休んだね。");
    assert_eq!(
        said(0, 2, Lang::En),
        "2 breaks came on their own: 5m of rest."
    );
    assert_eq!(
        said(0, 2, Lang::Ja),
        "自然にとれた休憩が2回。あわせて5分休んだね。"
    );
    assert_eq!(
        said(3, 2, Lang::En),
        "3 breaks taken and 2 that came on their own: 5m of rest."
    );
}
