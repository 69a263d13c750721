//! What the joy window does with a key or a click, without any window: the
//! field, which part has the focus, and the calm line under the field.

use iyashi_core::catalogue::joy_window::JoyWindowSays;
use iyashi_core::entry::{clean_text, EntryError};
use iyashi_core::Lang;

use super::field::Field;

/// A button of the joy window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoyButton {
    NotNow,
    Keep,
}

/// Where the keyboard's words go: Tab moves along this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Field,
    Button(JoyButton),
}

const ORDER: [Focus; 3] = [
    Focus::Field,
    Focus::Button(JoyButton::NotNow),
    Focus::Button(JoyButton::Keep),
];

/// A key, as the form understands it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Press {
    /// Text typed (or an input method's commit, or a paste).
    Text(String),
    Enter {
        shift: bool,
    },
    Escape,
    Tab {
        back: bool,
    },
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
}

/// How the window is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Keep this joy (checked as the journal checks it).
    Keep(String),
    /// Close without writing.
    NotNow,
}

/// The window's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub lang: Lang,
    pub field: Field,
    pub focus: Focus,
    /// The line under the field, when there is something to say.
    pub message: Option<JoyWindowSays>,
    /// The button under the pointer.
    pub hover: Option<JoyButton>,
    /// The window has the keyboard: the caret shows only then, as in
    /// every other program, so it is plain where typing goes.
    pub active: bool,
}

impl Form {
    /// A form in `lang`, holding `draft` (words left last time) if any.
    pub fn new(lang: Lang, draft: Option<&str>) -> Form {
        let draft = draft.filter(|d| !d.trim().is_empty());
        Form {
            lang,
            field: Field::with(draft.unwrap_or_default()),
            focus: Focus::Field,
            message: draft.map(|_| JoyWindowSays::DraftBack),
            hover: None,
            active: true,
        }
    }

    /// Handles `press`; an answer closes the window.
    pub fn key(&mut self, press: Press) -> Option<Answer> {
        let on_field = self.focus == Focus::Field;
        match press {
            Press::Escape => return Some(Answer::NotNow),
            Press::Tab { back } => {
                let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
                let step = if back { ORDER.len() - 1 } else { 1 };
                self.focus = ORDER[(at + step) % ORDER.len()];
            }
            Press::Enter { shift: true } if on_field => self.edit(|f| f.insert("\n")),
            Press::Enter { .. } => {
                return match self.focus {
                    Focus::Button(button) => self.press(button),
                    Focus::Field => self.press(JoyButton::Keep),
                }
            }
            // A space on a button presses it, as in every toolkit.
            Press::Text(t) if t == " " && !on_field => {
                if let Focus::Button(button) = self.focus {
                    return self.press(button);
                }
            }
            Press::Text(t) => {
                self.focus = Focus::Field;
                self.edit(|f| f.insert(&t));
            }
            _ if !on_field => {}
            Press::Backspace => self.edit(Field::backspace),
            Press::Delete => self.edit(Field::delete),
            Press::Left => self.field.left(),
            Press::Right => self.field.right(),
            Press::Home => self.field.home(),
            Press::End => self.field.end(),
        }
        None
    }

    /// `button` pressed (clicked, or from the keyboard).
    pub fn press(&mut self, button: JoyButton) -> Option<Answer> {
        match button {
            JoyButton::NotNow => Some(Answer::NotNow),
            JoyButton::Keep => match clean_text(self.field.text()) {
                Ok(text) => Some(Answer::Keep(text)),
                Err(EntryError::TextTooLong { chars }) => {
                    self.message = Some(JoyWindowSays::TooLong { chars });
                    None
                }
                Err(_) => {
                    self.message = Some(JoyWindowSays::Empty);
                    None
                }
            },
        }
    }

    /// An edit of the text: what was said about the old text no longer holds.
    fn edit(&mut self, change: impl FnOnce(&mut Field)) {
        change(&mut self.field);
        self.message = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::entry::MAX_TEXT_CHARS;

    fn typed(form: &mut Form, text: &str) {
        assert_eq!(form.key(Press::Text(text.into())), None);
    }

    #[test]
    fn enter_keeps_what_was_typed_and_shift_enter_starts_a_new_line() {
        let mut form = Form::new(Lang::En, None);
        typed(&mut form, "warm tea");
        assert_eq!(form.key(Press::Enter { shift: true }), None);
        typed(&mut form, "温かいお茶");
        assert_eq!(
            form.key(Press::Enter { shift: false }),
            Some(Answer::Keep("warm tea\n温かいお茶".into()))
        );
    }

    #[test]
    fn an_empty_keep_says_so_calmly_and_stays_open() {
        let mut form = Form::new(Lang::En, None);
        typed(&mut form, "   ");
        assert_eq!(form.key(Press::Enter { shift: false }), None);
        assert_eq!(form.message, Some(JoyWindowSays::Empty));
        typed(&mut form, "a");
        assert_eq!(form.message, None, "typing answers the message");
    }

    #[test]
    fn too_long_a_joy_is_not_cut_but_said() {
        let mut form = Form::new(Lang::Ja, None);
        typed(&mut form, &"あ".repeat(MAX_TEXT_CHARS + 5));
        assert_eq!(form.press(JoyButton::Keep), None);
        assert_eq!(
            form.message,
            Some(JoyWindowSays::TooLong {
                chars: MAX_TEXT_CHARS + 5
            })
        );
        assert_eq!(form.field.text().chars().count(), MAX_TEXT_CHARS + 5);
        form.key(Press::Backspace);
        for _ in 0..4 {
            form.key(Press::Backspace);
        }
        assert!(matches!(form.press(JoyButton::Keep), Some(Answer::Keep(_))));
    }

    #[test]
    fn tab_walks_field_not_now_keep_and_space_presses_a_button() {
        let mut form = Form::new(Lang::En, Some("tea"));
        assert_eq!(form.message, Some(JoyWindowSays::DraftBack));
        form.key(Press::Tab { back: false });
        assert_eq!(form.focus, Focus::Button(JoyButton::NotNow));
        // Keys that edit do nothing while a button has the focus.
        form.key(Press::Backspace);
        assert_eq!(form.field.text(), "tea");
        form.key(Press::Tab { back: false });
        assert_eq!(form.focus, Focus::Button(JoyButton::Keep));
        form.key(Press::Tab { back: false });
        assert_eq!(form.focus, Focus::Field);
        form.key(Press::Tab { back: true });
        assert_eq!(form.focus, Focus::Button(JoyButton::Keep));
        assert_eq!(
            form.key(Press::Text(" ".into())),
            Some(Answer::Keep("tea".into()))
        );
        form.key(Press::Tab { back: true });
        assert_eq!(
            form.key(Press::Enter { shift: false }),
            Some(Answer::NotNow)
        );
        assert_eq!(form.key(Press::Escape), Some(Answer::NotNow));
    }
}
