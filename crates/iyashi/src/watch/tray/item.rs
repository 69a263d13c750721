//! What the tray item shows: Goro's face, the tooltip's line and the menu,
//! in the person's language. It decides nothing: a choice from the menu
//! goes to the daemon's loop as an input, and the loop tells the item what
//! to show.

use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;

use super::icons::{self, Picture, SIZES};
use super::view::View;

/// What a person can choose from the tray's menu: its entries are the
/// catalogue's words for them.
pub type Choice = TrayWord;

/// The menu, in groups: the day's rhythm, the rooms (and a kind letter,
/// while letters are on), leaving.
pub fn menu(letters_on: bool) -> [&'static [Choice]; 3] {
    use TrayWord::*;
    let rooms: &'static [Choice] = if letters_on {
        &[
            OpenRoom,
            OpenWebRoom,
            WriteLetter,
            ThisWeek,
            WriteJoy,
            DeskGoro,
        ]
    } else {
        &[OpenRoom, OpenWebRoom, ThisWeek, WriteJoy, DeskGoro]
    };
    [
        &[TakeBreakNow, QuietForAnHour, QuietUntilTomorrow],
        rooms,
        &[Quit],
    ]
}

/// Goro in the tray: the item's whole state.
pub struct Goro {
    pub lang: Lang,
    pub view: View,
    /// The menu's entries in order, `None` for a separator between groups;
    /// an entry's id on the bus is its place here, counted from 1 (0 is
    /// the menu itself).
    pub entries: Vec<Option<Choice>>,
}

/// What a new view changed, so the panels are told only of that.
#[derive(Debug, PartialEq, Eq)]
pub struct Changed {
    pub icon: bool,
    pub tooltip: bool,
}

impl Goro {
    pub fn new(lang: Lang, view: View, letters_on: bool) -> Goro {
        let mut entries = Vec::new();
        for (n, group) in menu(letters_on).into_iter().enumerate() {
            if n > 0 {
                entries.push(None);
            }
            entries.extend(group.iter().copied().map(Some));
        }
        Goro {
            lang,
            view,
            entries,
        }
    }

    pub fn show(&mut self, view: View) -> Changed {
        let changed = Changed {
            icon: (view.face, view.letter_waiting) != (self.view.face, self.view.letter_waiting),
            tooltip: view.tooltip != self.view.tooltip,
        };
        self.view = view;
        changed
    }

    pub fn title(&self) -> String {
        TraySays::Title.render(self.lang)
    }

    pub fn pictures(&self) -> [Picture; SIZES.len()] {
        icons::pictures(self.view.face, self.view.letter_waiting)
    }

    /// The entry with `id` on the bus: `Some(None)` for a separator.
    pub fn entry(&self, id: i32) -> Option<Option<Choice>> {
        let place = usize::try_from(id).ok()?.checked_sub(1)?;
        self.entries.get(place).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_art::icon::Face;

    fn view(face: Face, tooltip: &str) -> View {
        View {
            face,
            tooltip: tooltip.into(),
            letter_waiting: false,
        }
    }

    #[test]
    fn the_menu_s_ids_count_from_one_with_separators_between_groups() {
        let goro = Goro::new(Lang::En, view(Face::Content, ""), false);
        assert_eq!(goro.entry(0), None, "0 is the menu itself");
        assert_eq!(goro.entry(1), Some(Some(TrayWord::TakeBreakNow)));
        assert_eq!(goro.entry(4), Some(None));
        assert_eq!(
            goro.entry(goro.entries.len() as i32),
            Some(Some(TrayWord::Quit))
        );
        assert_eq!(goro.entry(goro.entries.len() as i32 + 1), None);
        assert_eq!(goro.entry(-1), None);
        let with_letters = Goro::new(Lang::En, view(Face::Content, ""), true);
        assert!(with_letters.entries.contains(&Some(TrayWord::WriteLetter)));
        assert!(!goro.entries.contains(&Some(TrayWord::WriteLetter)));
    }

    #[test]
    fn only_what_changed_is_told() {
        let mut goro = Goro::new(Lang::En, view(Face::Content, "a"), false);
        let same = goro.show(view(Face::Content, "a"));
        assert_eq!(
            same,
            Changed {
                icon: false,
                tooltip: false
            }
        );
        let face = goro.show(view(Face::LookingUp, "a"));
        assert_eq!(
            face,
            Changed {
                icon: true,
                tooltip: false
            }
        );
        let words = goro.show(view(Face::LookingUp, "b"));
        assert_eq!(
            words,
            Changed {
                icon: false,
                tooltip: true
            }
        );
        let mut letter = view(Face::LookingUp, "b");
        letter.letter_waiting = true;
        assert_eq!(
            goro.show(letter),
            Changed {
                icon: true,
                tooltip: false
            }
        );
    }
}
