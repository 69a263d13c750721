//! The StatusNotifierItem itself, through ksni: its icon, tooltip and menu.
//! It decides nothing: a choice from the menu goes to the daemon's loop as
//! an input, and the loop tells the item what to show.

use std::sync::mpsc::Sender;

use iyashi_core::catalogue::tray::{TraySays, TrayWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;
use ksni::menu::{MenuItem, StandardItem};

use super::icons::{self, Picture};
use super::view::View;
use crate::watch::Input;

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
/// Goro in the tray.
pub struct GoroItem {
    pub lang: Lang,
    pub inputs: Sender<Input>,
    pub view: View,
    /// The pictures of `view`, drawn once per change of face.
    pub pictures: Vec<Picture>,
    /// Letters are on: the menu offers to write one.
    pub letters_on: bool,
}

impl GoroItem {
    pub fn new(lang: Lang, inputs: Sender<Input>, view: View, letters_on: bool) -> GoroItem {
        let pictures = icons::pictures(view.face, view.letter_waiting);
        GoroItem {
            lang,
            inputs,
            view,
            pictures,
            letters_on,
        }
    }

    /// Shows `view`; the pictures are drawn again only for another face.
    pub fn show(&mut self, view: View) {
        if (view.face, view.letter_waiting) != (self.view.face, self.view.letter_waiting) {
            self.pictures = icons::pictures(view.face, view.letter_waiting);
        }
        self.view = view;
    }
}

impl ksni::Tray for GoroItem {
    // A click shows the menu: there is nothing else to open with one.
    const MENU_ON_ACTIVATE: bool = true;

    fn id(&self) -> String {
        "iyashi".into()
    }

    fn title(&self) -> String {
        TraySays::Title.render(self.lang)
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.pictures
            .iter()
            .map(|(width, height, data)| ksni::Icon {
                width: *width,
                height: *height,
                data: data.clone(),
            })
            .collect()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: TraySays::Title.render(self.lang),
            description: self.view.tooltip.clone(),
            ..Default::default()
        }
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        let mut items = Vec::new();
        for (n, group) in menu(self.letters_on).into_iter().enumerate() {
            if n > 0 {
                items.push(MenuItem::Separator);
            }
            for &choice in group {
                items.push(
                    StandardItem {
                        label: choice.render(self.lang),
                        activate: Box::new(move |item: &mut GoroItem| {
                            let _ = item.inputs.send(Input::Choice(choice));
                        }),
                        ..Default::default()
                    }
                    .into(),
                );
            }
        }
        items
    }

    // A host that leaves is not the end: ksni registers again when one comes.
    fn watcher_offline(&self, _reason: ksni::OfflineReason) -> bool {
        true
    }
}
