//! The room as a person sees it: snapshots of the main scenes in each
//! season, in English and Japanese, at 80×24 and 60×20, and what keys do.
//! The instant, the time zone, the language and the seed are all fixed.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use iyashi_core::companion::{GoroPose, Scenery};
use iyashi_core::day::RolloverHour;
use iyashi_core::entry::{Entry, EntryId, EntryKind, Mood};
use iyashi_core::Lang;
use jiff::civil::time;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::Message;

use super::app::{App, Page, Request, Setup};
use super::look::Look;
use super::render::render;

pub(super) const JOYS_EN: &[&str] = &[
    "warm tea by the window",
    "a quiet walk home",
    "the cat next door",
];
pub(super) const JOYS_JA: &[&str] = &["窓辺で温かいお茶", "静かな帰り道", "となりの猫"];

pub(super) fn look() -> Look {
    Look {
        color: true,
        high_contrast: false,
        large_text: false,
        motion: true,
    }
}

pub(super) fn app_with(now: &str, lang: Lang, joys: &[&str], look: Look) -> App {
    App::new(Setup {
        lang,
        look,
        tz: TimeZone::get("Asia/Tokyo").unwrap(),
        rollover: RolloverHour::DEFAULT,
        late_night: time(22, 0, 0, 0),
        now: now.parse::<Timestamp>().unwrap(),
        seed: 1,
        joys: joys.iter().map(|s| s.to_string()).collect(),
        low_mood: false,
    })
}

pub(super) fn app_at(now: &str, lang: Lang, joys: &[&str]) -> App {
    app_with(now, lang, joys, look())
}

pub(super) fn terminal(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal
}

pub(super) fn screen(app: &App, width: u16, height: u16) -> String {
    terminal(app, width, height).backend().to_string()
}

pub(super) fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub(super) fn press(app: &mut App, code: KeyCode) -> Option<Request> {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(key(c));
    }
}

/// Noon in Tokyo on a day of each scenery.
const SEASONS: &[(&str, &str, Scenery)] = &[
    ("petals", "2026-04-05T03:00:00Z", Scenery::Petals),
    ("green", "2026-05-10T03:00:00Z", Scenery::Green),
    ("rain", "2026-06-20T03:00:00Z", Scenery::Rain),
    ("summer", "2026-08-01T03:00:00Z", Scenery::Summer),
    ("moon", "2026-09-20T03:00:00Z", Scenery::Moon),
    ("leaves", "2026-11-10T03:00:00Z", Scenery::Leaves),
    ("snow", "2026-12-25T03:00:00Z", Scenery::Snow),
];

#[test]
fn the_room_in_every_season_in_both_languages_at_both_sizes() {
    for (name, now, scenery) in SEASONS {
        for (lang, joys) in [(Lang::En, JOYS_EN), (Lang::Ja, JOYS_JA)] {
            let app = app_at(now, lang, joys);
            assert_eq!(app.scenery, *scenery, "{name}");
            for (w, h) in [(80, 24), (60, 20)] {
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(&app, w, h));
            }
        }
    }
}

#[test]
fn piyo_asks_for_a_break_in_a_bubble_and_goro_stretches() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = app_at("2026-11-25T03:30:00Z", lang, JOYS_EN);
        app.piyo_says(
            lang.pick(
                "Time to rest your eyes. Look at something far away for 20 seconds.",
                "ちょっと目を休めよう。20秒ほど、遠くを眺めてみてね。",
            )
            .to_string(),
            true,
        );
        assert_eq!(app.stage.scene().goro.pose, GoroPose::StretchUp);
        insta::assert_snapshot!(format!("break_{lang}_80x24"), screen(&app, 80, 24));
        insta::assert_snapshot!(format!("break_{lang}_60x20"), screen(&app, 60, 20));
        assert_eq!(press(&mut app, KeyCode::Esc), Some(Request::Later));
        assert!(app.bubble.is_none());
    }
}

#[test]
fn typing_a_japanese_joy_keeps_the_cursor_after_the_wide_characters() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::Ja, JOYS_JA);
    app.on_key(key('j'));
    type_text(&mut app, "温かいお茶");
    let mut t = terminal(&app, 80, 24);
    insta::assert_snapshot!("typing_ja_80x24", t.backend().to_string());
    // The box takes the key line after the joy's mark: " ✿ ".
    t.backend_mut().assert_cursor_position((3 + 10, 23));
    let asked = press(&mut app, KeyCode::Enter);
    assert_eq!(
        asked,
        Some(Request::Keep {
            kind: EntryKind::Joy,
            mood: None,
            text: "温かいお茶".into()
        })
    );
}

pub(super) fn entry(kind: EntryKind, mood: Option<u8>, text: &str) -> Entry {
    let at: Timestamp = "2026-11-25T03:30:00Z".parse().unwrap();
    Entry::new(
        EntryId::parse("0193a000-0000-7000-8000-000000000001").unwrap(),
        kind,
        mood.map(|m| Mood::new(m).unwrap()),
        text,
        at,
        "Asia/Tokyo".into(),
        jiff::civil::date(2026, 11, 25),
    )
    .unwrap()
}

#[test]
fn a_kept_joy_goes_on_the_shelf_and_goro_hugs_a_pillow() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::En, JOYS_EN);
    app.kept(&entry(EntryKind::Joy, None, "first snow"), "Kept.".into());
    assert_eq!(app.stage.scene().goro.pose, GoroPose::Turn);
    app.advance(6);
    assert_eq!(app.stage.scene().goro.pose, GoroPose::Squeeze);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("✿ first snow"), "{shown}");
    insta::assert_snapshot!("hug_en_80x24", shown);
}

#[test]
fn a_mood_starts_with_its_number_and_a_low_one_brings_goro_closer() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::En, &[]);
    app.on_key(key('m'));
    type_text(&mut app, "tired");
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert!(app.typing.as_ref().unwrap().problem.is_some());
    press(&mut app, KeyCode::Home);
    type_text(&mut app, "2 ");
    let asked = press(&mut app, KeyCode::Enter);
    assert_eq!(
        asked,
        Some(Request::Keep {
            kind: EntryKind::Mood,
            mood: Some(Mood::new(2).unwrap()),
            text: "tired".into()
        })
    );
    app.kept(&entry(EntryKind::Mood, Some(2), "tired"), "Noted.".into());
    assert_eq!(app.stage.scene().goro.pose, GoroPose::Scoot);
    app.advance(24 * 10);
    assert_eq!(app.stage.scene().goro.dx, iyashi_core::companion::CLOSER_DX);
}

#[test]
fn late_at_night_goro_yawns_and_the_window_is_dark() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::En, JOYS_EN);
    app.set_now("2026-11-25T14:30:00Z".parse().unwrap()); // 23:30 in Tokyo
    assert_eq!(app.stage.scene().goro.pose, GoroPose::Yawn);
    app.advance(3);
    insta::assert_snapshot!("late_night_en_80x24", screen(&app, 80, 24));
}

#[test]
fn pages_open_and_close_with_their_keys() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::Ja, JOYS_JA);
    app.on_key(key('?'));
    assert_eq!(app.page, Page::Help);
    insta::assert_snapshot!("help_ja_80x24", screen(&app, 80, 24));
    app.on_key(key('q'));
    assert_eq!(app.page, Page::Room);
    assert!(!app.quit, "q closes the page before it closes the room");
    app.on_key(key('s'));
    insta::assert_snapshot!("seasons_ja_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.on_key(key('e')), Some(Request::ShowEpisode));
    assert_eq!(app.on_key(key('l')), Some(Request::ShowLog));
    app.on_key(key('q'));
    assert!(app.quit);
}

#[test]
fn below_forty_by_twelve_the_room_is_one_line() {
    for lang in [Lang::En, Lang::Ja] {
        let app = app_at("2026-11-25T03:30:00Z", lang, JOYS_EN);
        insta::assert_snapshot!(format!("compact_{lang}_59x3"), screen(&app, 59, 3));
    }
}

#[test]
fn without_colour_nothing_is_coloured() {
    let app = app_with(
        "2026-11-25T03:30:00Z",
        Lang::En,
        JOYS_EN,
        Look {
            color: false,
            ..look()
        },
    );
    let t = terminal(&app, 80, 24);
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn large_text_shows_fewer_words() {
    let app = app_with(
        "2026-11-25T03:30:00Z",
        Lang::En,
        JOYS_EN,
        Look {
            large_text: true,
            high_contrast: true,
            ..look()
        },
    );
    insta::assert_snapshot!("large_text_en_80x24", screen(&app, 80, 24));
}

#[test]
fn on_a_break_the_status_line_says_who_rests_with_you() {
    let mut app = app_at("2026-11-25T03:00:00Z", Lang::En, &[]);
    app.rhythm.next = super::app::Next::Resting(jiff::SignedDuration::from_mins(4));
    let alone = screen(&app, 100, 24);
    assert!(!alone.contains("of you are resting"), "{alone}");
    app.resting_together = Some(3);
    let shown = screen(&app, 120, 24);
    assert!(shown.contains("3 of you are resting right now"), "{shown}");
    // Between breaks the count is not shown, even if one is known.
    app.rhythm.next = super::app::Next::In(jiff::SignedDuration::from_mins(12));
    assert!(!screen(&app, 120, 24).contains("of you are resting"));
}

#[test]
fn a_session_just_started_by_hand_is_not_also_said_to_be_no_work() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = app_at("2026-11-25T03:00:00Z", lang, &[]);
        app.rhythm.manual = true;
        app.rhythm.next = super::app::Next::In(jiff::SignedDuration::from_mins(20));
        let shown = screen(&app, 120, 24);
        let counting = lang.pick("counting work", "作業を記録中");
        assert!(shown.contains(counting), "{shown}");
        let none = RoomText::NoWorkYet.render(lang);
        assert!(
            !shown.contains(&none),
            "{lang}: {none:?} beside {counting:?}\n{shown}"
        );
        // A minute in, the work counted is shown beside it.
        app.rhythm.worked = jiff::SignedDuration::from_mins(1);
        let shown = screen(&app, 120, 24);
        let worked = RoomText::Worked(app.rhythm.worked).render(lang);
        assert!(shown.contains(&worked), "{shown}");
    }
}

#[test]
fn the_log_separates_a_mood_from_its_words_as_the_cli_does() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::En, JOYS_EN);
    app.show_log(vec![entry(EntryKind::Mood, Some(4), "calm afternoon")]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("12:30 ◌ 4 good · calm afternoon"), "{shown}");
}

/// Whether `screen` shows `words` whole: on one row, or wrapped over
/// several (as a page or a bubble wraps them, at some width).
pub(super) fn reads(screen: &str, words: &str) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    let on_a_row = |piece: &str| rows.iter().any(|r| r.contains(piece));
    (4..=120).any(|width| super::text::wrap(words, width).iter().all(|l| on_a_row(l)))
}

#[test]
fn the_mood_prompt_shows_what_is_typed_and_its_hint_whole() {
    for lang in [Lang::En, Lang::Ja] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut app = app_at("2026-11-25T03:30:00Z", lang, JOYS_EN);
            app.on_key(key('m'));
            type_text(&mut app, "good");
            let shown = screen(&app, w, h);
            for whole in [
                RoomText::AskMood.render(lang),
                RoomText::InputHint.render(lang),
            ] {
                assert!(reads(&shown, &whole), "{w}x{h}: {whole:?} in\n{shown}");
            }
            assert!(shown.contains("good"), "{w}x{h}:\n{shown}");
            assert_eq!(press(&mut app, KeyCode::Enter), None);
            let shown = screen(&app, w, h);
            let problem = RoomText::MoodNeedsNumber.render(lang);
            assert!(reads(&shown, &problem), "{w}x{h}:\n{shown}");
            assert!(shown.contains("good"), "{w}x{h}:\n{shown}");
            insta::assert_snapshot!(format!("mood_problem_{lang}_{w}x{h}"), shown);
        }
    }
}

#[test]
fn an_esc_and_a_key_that_arrive_together_are_two_presses() {
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::En, JOYS_EN);
    app.on_key(key('?'));
    let alt_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::ALT);
    assert_eq!(app.on_key(alt_l), Some(Request::ShowLog));
    assert_eq!(app.page, Page::Room);
}

#[test]
fn the_quiet_key_offers_an_hour_tomorrow_or_off_in_the_key_line() {
    use iyashi_app::quiet::QuietSpan;
    use jiff::SignedDuration;
    for lang in [Lang::En, Lang::Ja] {
        let mut app = app_at("2026-11-25T03:30:00Z", lang, &[]);
        let room = screen(&app, 80, 24);
        let quiet = lang.pick("z quiet", "z 静かに");
        // The key line's two rows at 80×24.
        assert!(
            room.lines().rev().take(2).any(|row| row.contains(quiet)),
            "{room}"
        );
        assert_eq!(app.on_key(key('z')), None);
        let choosing = screen(&app, 80, 24);
        insta::assert_snapshot!(
            format!("quiet_choice_{lang}"),
            choosing.lines().last().unwrap()
        );
        assert_eq!(
            app.on_key(key('1')),
            Some(Request::Quiet(QuietSpan::For(SignedDuration::from_hours(
                1
            ))))
        );
        // The choice is made once; the room's keys are back.
        let room = screen(&app, 80, 24);
        assert!(room.lines().rev().take(2).any(|row| row.contains(quiet)));
        app.on_key(key('z'));
        assert_eq!(app.on_key(key('2')), Some(Request::Quiet(QuietSpan::Today)));
        app.on_key(key('z'));
        assert_eq!(app.on_key(key('0')), Some(Request::Quiet(QuietSpan::Off)));
        app.on_key(key('z'));
        assert_eq!(press(&mut app, KeyCode::Esc), None);
        assert!(app.on_key(key('j')).is_none() && app.typing.is_some());
    }
    let mut app = app_at("2026-11-25T03:30:00Z", Lang::Ja, &[]);
    app.on_key(key('?'));
    let help = screen(&app, 80, 24);
    assert!(help.contains("静かな時間：1時間か明日まで"), "{help}");
}
