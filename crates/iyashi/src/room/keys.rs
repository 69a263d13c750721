//! The room's key bindings: one table per mode (the room, an open page, the
//! quiet choice). The handler looks keys up here, and the key line and the
//! help page are drawn from the same rows, so a key cannot be handled
//! without being shown, or shown without being handled.
//!
//! The words for each action live in core's catalogue; which key does what
//! is this face's business.

use crossterm::event::KeyCode;
use iyashi_core::catalogue::room::{PageAction, QuietChoice, RoomAction};
use iyashi_core::Lang;

/// A row of a table: the keys as the key line shows them, the action's
/// words, and what each key does.
pub struct Binding<W: 'static, A: 'static> {
    pub shown: &'static str,
    pub word: W,
    pub keys: &'static [(KeyCode, A)],
}

/// How an open page moves on a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    LineUp,
    LineDown,
    ScreenUp,
    ScreenDown,
    Top,
    End,
    Close,
}

/// A key with its words on the key line; `always` keys show even when the
/// line is short of room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub key: &'static str,
    pub label: &'static str,
    pub always: bool,
}

/// A room row: one ASCII key, shown as itself.
macro_rules! room_key {
    ($key:literal, $action:ident) => {
        Binding {
            shown: $key,
            word: RoomAction::$action,
            keys: &[(
                KeyCode::Char($key.as_bytes()[0] as char),
                RoomAction::$action,
            )],
        }
    };
}

/// The room's keys, in the order the key line and the help page show them.
pub const ROOM: &[Binding<RoomAction, RoomAction>] = &[
    room_key!("j", Joy),
    room_key!("m", Mood),
    room_key!("n", Note),
    room_key!("b", Break),
    room_key!("w", Work),
    room_key!("z", Quiet),
    room_key!("s", Seasons),
    room_key!("l", Log),
    room_key!("e", Episode),
    room_key!("?", Help),
    room_key!("q", Quit),
];

/// An open page's keys. Besides these, the room key that opens a page (or
/// quits) closes it, so a second press goes back.
pub const PAGE: &[Binding<PageAction, Move>] = &[
    Binding {
        shown: "↑↓",
        word: PageAction::Scroll,
        keys: &[(KeyCode::Up, Move::LineUp), (KeyCode::Down, Move::LineDown)],
    },
    Binding {
        shown: "PgUp PgDn",
        word: PageAction::Screen,
        keys: &[
            (KeyCode::PageUp, Move::ScreenUp),
            (KeyCode::PageDown, Move::ScreenDown),
            (KeyCode::Char(' '), Move::ScreenDown),
        ],
    },
    Binding {
        shown: "Home End",
        word: PageAction::Ends,
        keys: &[(KeyCode::Home, Move::Top), (KeyCode::End, Move::End)],
    },
    Binding {
        shown: "Esc",
        word: PageAction::Close,
        keys: &[(KeyCode::Esc, Move::Close)],
    },
];

/// The choices after the quiet key.
pub const QUIET: &[Binding<QuietChoice, QuietChoice>] = &[
    Binding {
        shown: "1",
        word: QuietChoice::Hour,
        keys: &[(KeyCode::Char('1'), QuietChoice::Hour)],
    },
    Binding {
        shown: "2",
        word: QuietChoice::UntilTomorrow,
        keys: &[(KeyCode::Char('2'), QuietChoice::UntilTomorrow)],
    },
    Binding {
        shown: "0",
        word: QuietChoice::Off,
        keys: &[(KeyCode::Char('0'), QuietChoice::Off)],
    },
    Binding {
        shown: "Esc",
        word: QuietChoice::NeverMind,
        keys: &[(KeyCode::Esc, QuietChoice::NeverMind)],
    },
];

/// The key of a room action as the key line shows it, for words that name
/// it ("Press j when ...").
pub fn shown(action: RoomAction) -> &'static str {
    ROOM.iter()
        .find(|b| b.word == action)
        .map_or("", |b| b.shown)
}

/// The keys that move through a page, as the key line shows them.
pub fn scroll_keys() -> String {
    let moving: Vec<&str> = PAGE
        .iter()
        .filter(|b| b.word != PageAction::Close)
        .map(|b| b.shown)
        .collect();
    moving.join(" ")
}

/// What `code` does in `table`, if anything.
pub fn action<W, A: Copy>(table: &[Binding<W, A>], code: KeyCode) -> Option<A> {
    table
        .iter()
        .flat_map(|b| b.keys)
        .find(|(k, _)| *k == code)
        .map(|(_, a)| *a)
}

/// A room key that also closes an open page: the one that opened it, or
/// quitting.
pub fn closes_page(action: RoomAction) -> bool {
    use RoomAction::*;
    matches!(action, Seasons | Log | Episode | Help | Quit)
}

/// The room's key line; with large text only the few keys that matter most.
pub fn room_hints(lang: Lang, large_text: bool) -> Vec<Hint> {
    use RoomAction::*;
    ROOM.iter()
        .filter(|b| !large_text || matches!(b.word, Joy | Help | Quit))
        .map(|b| Hint {
            key: b.shown,
            label: b.word.label(lang),
            always: matches!(b.word, Help | Quit),
        })
        .collect()
}

/// An open page's key line; the moving keys only when the page scrolls.
pub fn page_hints(lang: Lang, scrolls: bool) -> Vec<Hint> {
    PAGE.iter()
        .filter(|b| scrolls || b.word == PageAction::Close)
        .map(|b| Hint {
            key: b.shown,
            label: b.word.label(lang),
            always: b.word == PageAction::Close,
        })
        .collect()
}

/// The key line while choosing how long to be quiet.
pub fn quiet_hints(lang: Lang) -> Vec<Hint> {
    QUIET
        .iter()
        .map(|b| Hint {
            key: b.shown,
            label: b.word.label(lang),
            always: b.word == QuietChoice::NeverMind,
        })
        .collect()
}

/// The help page's lines, as `(keys, what they do)`.
pub fn help_lines(lang: Lang) -> Vec<(&'static str, &'static str)> {
    ROOM.iter().map(|b| (b.shown, b.word.help(lang))).collect()
}

#[cfg(test)]
mod tests {
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

    fn no_key_twice<W, A>(table: &[Binding<W, A>]) {
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
}
