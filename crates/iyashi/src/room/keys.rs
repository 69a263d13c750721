//! The room's key bindings: one table per mode (the room, an open page, the
//! quiet choice, the input box). The handler looks keys up here, and the key line and the
//! help page are drawn from the same rows, so a key cannot be handled
//! without being shown, or shown without being handled.
//!
//! The words for each action live in core's catalogue; which key does what
//! is this face's business.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use iyashi_core::catalogue::room::{PageAction, QuietChoice, RoomAction, TypingAction};
use iyashi_core::Lang;

/// A row of a table: the keys as the key line shows them, the action's
/// words, and what each key does. Keys are plain key codes, except in the
/// input box, where Ctrl with a letter edits instead of typing it.
pub struct Binding<W: 'static, A: 'static, K: 'static = KeyCode> {
    pub shown: &'static str,
    pub word: W,
    pub keys: &'static [(K, A)],
}

/// A key in the input box: its code, and whether Ctrl is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Chord {
    const fn plain(code: KeyCode) -> Chord {
        Chord { code, ctrl: false }
    }

    const fn ctrl(letter: char) -> Chord {
        Chord {
            code: KeyCode::Char(letter),
            ctrl: true,
        }
    }

    pub fn of(key: KeyEvent) -> Chord {
        Chord {
            code: key.code,
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// How the input box changes on a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edit {
    Keep,
    LetGo,
    Left,
    Right,
    Start,
    End,
    EraseBack,
    EraseHere,
    EraseWord,
    EraseToStart,
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

/// The input box's keys (besides typing), in the order the help page shows
/// them.
pub const TYPING: &[Binding<TypingAction, Edit, Chord>] = &[
    Binding {
        shown: "Enter",
        word: TypingAction::Keep,
        keys: &[(Chord::plain(KeyCode::Enter), Edit::Keep)],
    },
    Binding {
        shown: "Esc",
        word: TypingAction::LetGo,
        keys: &[(Chord::plain(KeyCode::Esc), Edit::LetGo)],
    },
    Binding {
        shown: "← →",
        word: TypingAction::Move,
        keys: &[
            (Chord::plain(KeyCode::Left), Edit::Left),
            (Chord::plain(KeyCode::Right), Edit::Right),
        ],
    },
    Binding {
        shown: "Home End Ctrl-A Ctrl-E",
        word: TypingAction::Ends,
        keys: &[
            (Chord::plain(KeyCode::Home), Edit::Start),
            (Chord::plain(KeyCode::End), Edit::End),
            (Chord::ctrl('a'), Edit::Start),
            (Chord::ctrl('e'), Edit::End),
        ],
    },
    Binding {
        shown: "Backspace Del",
        word: TypingAction::Erase,
        keys: &[
            (Chord::plain(KeyCode::Backspace), Edit::EraseBack),
            (Chord::plain(KeyCode::Delete), Edit::EraseHere),
        ],
    },
    Binding {
        shown: "Ctrl-W",
        word: TypingAction::EraseWord,
        keys: &[(Chord::ctrl('w'), Edit::EraseWord)],
    },
    Binding {
        shown: "Ctrl-U",
        word: TypingAction::EraseToStart,
        keys: &[(Chord::ctrl('u'), Edit::EraseToStart)],
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
pub fn action<W, A: Copy, K: PartialEq>(table: &[Binding<W, A, K>], code: K) -> Option<A> {
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

/// The help page's lines for the input box, as `(keys, what they do)`.
pub fn typing_help_lines(lang: Lang) -> Vec<(&'static str, &'static str)> {
    TYPING
        .iter()
        .map(|b| (b.shown, b.word.help(lang)))
        .collect()
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
