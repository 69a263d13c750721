//! The room at every size, from 40×12 up, as a person meets it: every key
//! the key line offers shows something, every page scrolls and says when
//! there is more, a large room is composed for its space, and large text is
//! visibly larger. With snapshots of each screen at 40×12, 60×20, 80×24 and
//! 120×40 in both languages.

use crossterm::event::KeyCode;
use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::entry::{Entry, EntryId, EntryKind, Mood};
use iyashi_core::episode::{Episode, Month};
use iyashi_core::rhythm::RhythmSettings;
use iyashi_core::Lang;
use jiff::civil::date;
use jiff::{SignedDuration, Timestamp};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::app::{App, Next, Page, Request};
use super::footer;
use super::look::Look;
use super::pages;
use super::places::{Places, Scale};
use super::tests::{app_at, app_with, key, look, press, reads, screen, terminal, JOYS_EN, JOYS_JA};

const NOW: &str = "2026-11-29T03:30:00Z";
const SIZES: &[(u16, u16)] = &[(40, 12), (60, 20), (80, 24), (120, 40)];

/// A full week: six entries a day, Monday to Sunday, one of them a mood.
fn week() -> Vec<Entry> {
    let mut all = Vec::new();
    for d in 23..=29 {
        for (i, (hour, kind)) in [
            (0, EntryKind::Joy),
            (2, EntryKind::Note),
            (4, EntryKind::Mood),
            (6, EntryKind::Joy),
            (8, EntryKind::Joy),
            (10, EntryKind::Note),
        ]
        .into_iter()
        .enumerate()
        {
            let at: Timestamp = format!("2026-11-{d}T{hour:02}:15:00Z").parse().unwrap();
            let id = format!("0193a000-0000-7000-8000-0000000{d}{i:03}");
            let (mood, text) = match kind {
                EntryKind::Mood => (Mood::new(4).ok(), "a calm afternoon"),
                EntryKind::Note => (
                    None,
                    "a long day, but the walk home was quiet and the air smelled of rain",
                ),
                EntryKind::Joy => (None, "warm tea by the window"),
            };
            all.push(
                Entry::new(
                    EntryId::parse(&id).unwrap(),
                    kind,
                    mood,
                    text,
                    at,
                    "Asia/Tokyo".into(),
                    date(2026, 11, d),
                )
                .unwrap(),
            );
        }
    }
    all
}

fn episode(lang: Lang) -> String {
    let today = date(2026, 11, 29);
    Episode::build(
        Month::of(today),
        today,
        &week(),
        &[],
        &RhythmSettings::default(),
    )
    .render_text(lang)
}

fn app(lang: Lang, (w, h): (u16, u16)) -> App {
    let mut app = app_at(NOW, lang, if lang == Lang::En { JOYS_EN } else { JOYS_JA });
    app.resize(w, h);
    app
}

/// Rows with something on them, of all rows.
fn filled_rows(shown: &str) -> (usize, usize) {
    let rows: Vec<&str> = shown.lines().collect();
    let filled = rows
        .iter()
        .filter(|r| {
            !r.trim_matches(|c: char| c == '"' || c.is_whitespace())
                .is_empty()
        })
        .count();
    (filled, rows.len())
}

/// The room's keys the key line offers at this size.
fn offered(app: &App, size: (u16, u16)) -> Vec<char> {
    let shown = screen(app, size.0, size.1);
    let rows = usize::from(
        footer::layout(app, Rect::new(0, 0, size.0, size.1))
            .keys
            .height,
    );
    let lines: Vec<&str> = shown.lines().collect();
    let last = lines[lines.len() - rows..].join("\n");
    super::keys::ROOM
        .iter()
        .filter(|b| last.contains(&format!("{} {}", b.shown, b.word.label(app.lang))))
        .filter_map(|b| b.shown.chars().next())
        .collect()
}

#[test]
fn every_key_the_key_line_offers_shows_something_at_every_size() {
    for lang in [Lang::En, Lang::Ja] {
        for &(w, h) in SIZES
            .iter()
            .chain(&[(44, 14), (50, 16), (59, 19), (100, 30)])
        {
            let keys = offered(&app(lang, (w, h)), (w, h));
            for must in ['j', 'm', 'n', '?', 'q'] {
                assert!(
                    keys.contains(&must),
                    "{w}x{h} {lang}: {must} is not offered"
                );
            }
            for k in keys {
                let mut app = app(lang, (w, h));
                let asked = app.on_key(key(k));
                let expect = match (k, asked) {
                    ('j', None) => RoomText::AskJoy.render(lang),
                    ('m', None) => RoomText::AskMood.render(lang),
                    ('n', None) => RoomText::AskNote.render(lang),
                    ('?', None) => RoomText::HelpTitle.render(lang),
                    ('s', None) => RoomText::SeasonsTitle.render(lang),
                    ('q', None) => {
                        assert!(app.quit);
                        continue;
                    }
                    ('l', Some(Request::ShowLog)) => {
                        app.show_log(week());
                        words::day(lang, date(2026, 11, 29))
                    }
                    ('e', Some(Request::ShowEpisode)) => {
                        app.show_episode(episode(lang));
                        RoomText::EpisodeTitle.render(lang)
                    }
                    ('b', Some(Request::BreakNow)) => {
                        app.break_begins();
                        app.rhythm.next = Next::Resting(SignedDuration::from_mins(5));
                        RoomText::OnBreak(SignedDuration::from_mins(5)).render(lang)
                    }
                    ('w', Some(Request::ToggleWork)) => {
                        let said = RoomText::WorkStarted { work_key: "w" }.render(lang);
                        app.piyo_says(said.clone(), false);
                        said
                    }
                    // The key line asks for how long.
                    ('z', None) => lang.pick("quiet for an hour", "1時間静かに").to_string(),
                    (k, asked) => panic!("{w}x{h} {lang}: {k} did {asked:?}"),
                };
                let shown = screen(&app, w, h);
                assert!(
                    reads(&shown, &expect),
                    "{w}x{h} {lang}: after {k}, no {expect:?} in\n{shown}"
                );
                let (filled, rows) = filled_rows(&shown);
                assert!(
                    filled * 2 >= rows,
                    "{w}x{h} {lang}: after {k}, {filled} of {rows} rows:\n{shown}"
                );
            }
        }
    }
}

/// The text of a row from `from` to `to`, wide characters once.
fn cells(buf: &ratatui::buffer::Buffer, from: u16, to: u16, y: u16) -> String {
    let mut out = String::new();
    let mut x = from;
    while x < to {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
    }
    out
}

/// The rows inside the open page's frame, as shown.
fn page_rows(app: &App, size: (u16, u16)) -> Vec<String> {
    let t = terminal(app, size.0, size.1);
    let buf = t.backend().buffer();
    let page = footer::layout(app, Rect::new(0, 0, size.0, size.1)).page();
    (page.y + 1..page.bottom() - 1)
        .map(|y| {
            cells(buf, page.x + 1, page.right() - 1, y)
                .trim()
                .to_string()
        })
        .collect()
}

/// The page frame's top and bottom rows.
fn borders(app: &App, size: (u16, u16)) -> (String, String) {
    let t = terminal(app, size.0, size.1);
    let buf = t.backend().buffer();
    let page = footer::layout(app, Rect::new(0, 0, size.0, size.1)).page();
    let row = |y: u16| cells(buf, page.x, page.right(), y);
    (row(page.y), row(page.bottom() - 1))
}

#[test]
fn every_page_scrolls_to_every_line_and_says_when_there_is_more() {
    for lang in [Lang::En, Lang::Ja] {
        for &(w, h) in SIZES {
            let opened: [fn(&mut App, Lang); 4] = [
                |a, _| {
                    a.on_key(key('?'));
                },
                |a, _| {
                    a.on_key(key('s'));
                },
                |a, _| a.show_log(week()),
                |a, lang| a.show_episode(episode(lang)),
            ];
            for open in opened {
                let mut app = app(lang, (w, h));
                open(&mut app, lang);
                let page = footer::layout(&app, Rect::new(0, 0, w, h)).page();
                let width = page.width.saturating_sub(4);
                let lines: Vec<String> = pages::lines(&app, width)
                    .into_iter()
                    .map(|l| l.text.trim().to_string())
                    .collect();
                press(&mut app, KeyCode::Home);
                let mut seen: Vec<String> = Vec::new();
                let mut at_top = true;
                loop {
                    let rows = page_rows(&app, (w, h));
                    let more_below = app.scroll < pages::extent(&app, Rect::new(0, 0, w, h)).0;
                    let (top, bottom) = borders(&app, (w, h));
                    assert_eq!(bottom.contains('↓'), more_below, "{w}x{h} {lang}: {bottom}");
                    assert_eq!(top.contains('↑'), !at_top, "{w}x{h} {lang}: {top}");
                    if let Page::Log(_) = app.page {
                        // The first row is always a day: no entry without its date.
                        let day_names: Vec<String> = (23..=29)
                            .map(|d| words::day(lang, date(2026, 11, d)))
                            .collect();
                        assert!(
                            day_names.contains(&rows[0]),
                            "{w}x{h} {lang}: {:?}",
                            rows[0]
                        );
                    }
                    seen.extend(rows);
                    if !more_below {
                        break;
                    }
                    press(&mut app, KeyCode::Down);
                    at_top = false;
                }
                for line in lines.iter().filter(|l| !l.is_empty()) {
                    assert!(
                        seen.contains(line),
                        "{w}x{h} {lang}: {line:?} never shows in {seen:#?}"
                    );
                }
                // End shows the last line, Home the first, a page key a screenful.
                press(&mut app, KeyCode::End);
                let last = lines.iter().rev().find(|l| !l.is_empty()).unwrap();
                assert!(
                    page_rows(&app, (w, h)).contains(last),
                    "{w}x{h} {lang}: End"
                );
                press(&mut app, KeyCode::Home);
                assert_eq!(app.scroll, 0);
                let (most, rows) = pages::extent(&app, Rect::new(0, 0, w, h));
                press(&mut app, KeyCode::PageDown);
                assert_eq!(
                    app.scroll,
                    (rows - 1).max(1).min(most),
                    "{w}x{h} {lang}: PgDn"
                );
                press(&mut app, KeyCode::PageUp);
                assert_eq!(app.scroll, 0, "{w}x{h} {lang}: PgUp");
            }
        }
    }
}

#[test]
fn the_log_opens_on_today_with_its_date() {
    let mut app = app(Lang::En, (80, 24));
    app.show_log(week());
    let rows = page_rows(&app, (80, 24));
    assert!(rows.iter().any(|r| r == "Sun 29 Nov 2026"), "{rows:#?}");
    assert!(
        rows.iter().any(|r| r.contains("19:15 ✎ a long day")),
        "{rows:#?}"
    );
}

#[test]
fn a_large_room_is_composed_for_its_space() {
    for (w, h) in [(120, 40), (160, 50), (200, 60)] {
        let app = app(Lang::En, (w, h));
        let layout = footer::layout(&app, Rect::new(0, 0, w, h));
        let places = Places::of(layout.room, true);
        assert_eq!(places.scale, Scale::Large, "{w}x{h}");
        let (wx, wy) = places.window.expect("a window");
        assert!(
            wx > i32::from(layout.room.x) + 4 && wy > i32::from(layout.room.y) + 1,
            "{w}x{h}: the window is in the corner"
        );
        let t = terminal(&app, w, h);
        let buf = t.backend().buffer();
        let room = layout.room;
        let blank_row = |y: u16| (room.x..room.right()).all(|x| buf[(x, y)].symbol() == " ");
        let mut run = 0;
        let mut longest = 0;
        for y in room.y..room.bottom() {
            run = if blank_row(y) { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        assert!(
            longest <= usize::from(room.height) / 4,
            "{w}x{h}: {longest} empty rows in a row\n{}",
            t.backend()
        );
    }
}

#[test]
fn large_text_is_bold_and_bright_and_spaced() {
    let large = Look {
        large_text: true,
        ..look()
    };
    for lang in [Lang::En, Lang::Ja] {
        let mut plain = app(lang, (80, 24));
        let mut big = app_with(NOW, lang, JOYS_EN, large);
        big.resize(80, 24);
        plain.on_key(key('?'));
        big.on_key(key('?'));
        // Every help line stands apart from the next.
        let (plain_lines, big_lines) =
            (pages::lines(&plain, 70).len(), pages::lines(&big, 70).len());
        assert!(
            big_lines >= plain_lines + super::keys::ROOM.len(),
            "{plain_lines} and {big_lines}"
        );
        let t = terminal(&big, 80, 24);
        for cell in t.backend().buffer().content() {
            assert_ne!(
                cell.fg,
                Color::Indexed(245),
                "quiet grey in large text: {cell:?}"
            );
            if cell.symbol().chars().all(char::is_alphabetic) && cell.fg == Color::Indexed(252) {
                assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
            }
        }
    }
}

#[test]
fn every_screen_at_every_size_in_both_languages() {
    for lang in [Lang::En, Lang::Ja] {
        for &(w, h) in SIZES {
            let fresh = || app(lang, (w, h));
            let mut shots: Vec<(&str, App)> = vec![("room", fresh())];
            let mut a = fresh();
            a.on_key(key('?'));
            shots.push(("help", a));
            let mut a = fresh();
            a.on_key(key('s'));
            shots.push(("seasons", a));
            let mut a = fresh();
            a.show_log(week());
            shots.push(("log", a));
            let mut a = fresh();
            a.show_episode(episode(lang));
            shots.push(("episode", a));
            let mut a = fresh();
            a.on_key(key('m'));
            super::tests::type_text(&mut a, "4 a quiet evening with tea");
            shots.push(("mood", a));
            let mut a = fresh();
            a.piyo_says(
                lang.pick(
                    "Time to rest your eyes for a while.",
                    "ちょっと目を休めよう。",
                )
                .into(),
                true,
            );
            a.advance(6);
            shots.push(("break", a));
            for (what, a) in shots {
                insta::assert_snapshot!(format!("{what}_{lang}_{w}x{h}"), screen(&a, w, h));
            }
        }
    }
}
