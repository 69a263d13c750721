//! The key tables against what the room does with each key.

use super::*;
use crate::room::app::{Page, Request};
use crate::room::tests::{app_at, JOYS_EN};
use crossterm::event::{KeyEvent, KeyModifiers};
use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::Message;
use iyashi_core::entry::EntryKind;
use std::collections::HashSet;

const NOW: &str = "2026-11-29T03:30:00Z";

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn no_key_twice<W, A, K: Copy + Eq + std::hash::Hash + std::fmt::Debug>(
    table: &[Binding<W, A, K>],
) {
    let mut seen = HashSet::new();
    for (code, _) in table.iter().flat_map(|b| b.keys) {
        assert!(seen.insert(*code), "{code:?} is bound twice");
    }
}

#[test]
fn no_key_does_two_things() {
    no_key_twice(ROOM);
    no_key_twice(PAGE);
    no_key_twice(QUIET);
    no_key_twice(TYPING);
    for row in ROOM {
        assert_eq!(row.keys.len(), 1, "{}", row.shown);
        assert_eq!(
            row.keys[0].0,
            KeyCode::Char(row.shown.chars().next().unwrap())
        );
    }
}

#[test]
fn every_room_action_is_bound_hinted_helped_and_does_what_it_says() {
    for action in RoomAction::ALL {
        let rows: Vec<_> = ROOM.iter().filter(|b| b.word == action).collect();
        assert_eq!(rows.len(), 1, "{action:?}");
        let row = rows[0];
        for lang in [Lang::En, Lang::Ja] {
            let hint = Hint {
                key: row.shown,
                label: action.label(lang),
                always: matches!(action, RoomAction::Help | RoomAction::Quit),
            };
            assert!(room_hints(lang, false).contains(&hint), "{action:?}");
            assert!(
                help_lines(lang).contains(&(row.shown, action.help(lang))),
                "{action:?}"
            );
        }
        for &(code, bound) in row.keys {
            assert_eq!(bound, action);
            let mut app = app_at(NOW, Lang::En, JOYS_EN);
            let request = app.on_key(press(code));
            let typing = |kind| app.typing.as_ref().is_some_and(|t| t.kind == kind);
            let done = match action {
                RoomAction::Joy => typing(EntryKind::Joy),
                RoomAction::Mood => typing(EntryKind::Mood),
                RoomAction::Note => typing(EntryKind::Note),
                RoomAction::Break => request == Some(Request::BreakNow),
                RoomAction::Work => request == Some(Request::ToggleWork),
                RoomAction::Quiet => app.choosing_quiet,
                RoomAction::Seasons => app.page == Page::Seasons,
                RoomAction::Log => request == Some(Request::ShowLog),
                RoomAction::Episode => request == Some(Request::ShowEpisode),
                RoomAction::Help => app.page == Page::Help,
                RoomAction::Quit => app.quit,
            };
            assert!(done, "{code:?} did not do {action:?}");
        }
    }
}

#[test]
fn every_typing_key_is_on_the_help_page_and_edits_as_it_says() {
    use TypingAction::*;
    for lang in [Lang::En, Lang::Ja] {
        let help = typing_help_lines(lang);
        for row in TYPING {
            assert!(
                help.contains(&(row.shown, row.word.help(lang))),
                "{}",
                row.shown
            );
        }
    }
    for row in TYPING {
        for &(chord, edit) in row.keys {
            let mut app = app_at(NOW, Lang::En, JOYS_EN);
            app.on_key(press(KeyCode::Char('j')));
            for c in "warm tea".chars() {
                app.on_key(press(KeyCode::Char(c)));
            }
            app.on_key(press(KeyCode::Left));
            let modifiers = if chord.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            let request = app.on_key(KeyEvent::new(chord.code, modifiers));
            let text = app.typing.as_ref().map(|t| t.input.text().to_string());
            let cursor = app.typing.as_ref().map(|t| t.input.view(40).1);
            let done = match (row.word, edit) {
                (Keep, Edit::Keep) => matches!(request, Some(Request::Keep { .. })),
                (LetGo, Edit::LetGo) => app.typing.is_none() && request.is_none(),
                (Move, Edit::Left) => cursor == Some(6),
                (Move, Edit::Right) => cursor == Some(8),
                (Ends, Edit::Start) => cursor == Some(0),
                (Ends, Edit::End) => cursor == Some(8),
                (Erase, Edit::EraseBack) => text.as_deref() == Some("warm ta"),
                (Erase, Edit::EraseHere) => text.as_deref() == Some("warm te"),
                (EraseWord, Edit::EraseWord) => text.as_deref() == Some("warm a"),
                (EraseToStart, Edit::EraseToStart) => text.as_deref() == Some("a"),
                _ => false,
            };
            assert!(
                done,
                "{} ({chord:?}) did not {edit:?}: {text:?} {cursor:?}",
                row.shown
            );
        }
    }
    // Ctrl with a letter the table does not name types nothing.
    let mut app = app_at(NOW, Lang::En, JOYS_EN);
    app.on_key(press(KeyCode::Char('j')));
    app.on_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert_eq!(app.typing.as_ref().map(|t| t.input.text()), Some(""));
}

#[test]
fn words_that_name_a_key_name_the_one_bound() {
    for action in RoomAction::ALL {
        let key = shown(action);
        assert!(!key.is_empty(), "{action:?}");
        assert_eq!(action_for_shown(key), Some(action));
    }
    let moving = scroll_keys();
    for row in PAGE.iter().filter(|b| b.word != PageAction::Close) {
        assert!(moving.contains(row.shown), "{moving}");
    }
    let shelf = RoomText::ShelfEmpty {
        joy_key: shown(RoomAction::Joy),
    };
    assert!(shelf.render(Lang::Ja).contains(" j "));
}

fn action_for_shown(key: &str) -> Option<RoomAction> {
    let c = key.chars().next()?;
    action(ROOM, KeyCode::Char(c))
}

#[test]
fn every_page_key_is_hinted_and_moves_the_page() {
    use PageAction::*;
    for word in [Scroll, Screen, Ends, Close] {
        let row = PAGE.iter().find(|b| b.word == word).unwrap();
        assert!(page_hints(Lang::Ja, true)
            .iter()
            .any(|h| h.key == row.shown && h.label == word.label(Lang::Ja)));
    }
    let moves: HashSet<Move> = PAGE.iter().flat_map(|b| b.keys).map(|k| k.1).collect();
    assert_eq!(moves.len(), 7, "a move has no key: {moves:?}");
    // A short page offers closing only.
    let hints = page_hints(Lang::En, false);
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].label, PageAction::Close.label(Lang::En));
}

#[test]
fn every_quiet_choice_is_hinted_and_chosen_by_its_key() {
    for row in QUIET {
        assert!(quiet_hints(Lang::En)
            .iter()
            .any(|h| h.key == row.shown && h.label == row.word.label(Lang::En)));
        let mut app = app_at(NOW, Lang::En, JOYS_EN);
        app.on_key(press(KeyCode::Char('z')));
        let request = app.on_key(press(row.keys[0].0));
        assert!(!app.choosing_quiet);
        let quiet = matches!(request, Some(Request::Quiet(_)));
        assert_eq!(quiet, row.word != QuietChoice::NeverMind, "{:?}", row.word);
    }
}

#[test]
fn the_key_that_opened_a_page_closes_it() {
    for (key, page) in [('?', Page::Help), ('s', Page::Seasons)] {
        let mut app = app_at(NOW, Lang::En, JOYS_EN);
        app.on_key(press(KeyCode::Char(key)));
        assert_eq!(app.page, page);
        app.on_key(press(KeyCode::Char('j')));
        assert_eq!(app.page, page, "a room key that opens no page is ignored");
        app.on_key(press(KeyCode::Char(key)));
        assert_eq!(app.page, Page::Room);
    }
}
