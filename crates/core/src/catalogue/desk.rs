//! Goro on the desktop (`iyashi desk`): the window's name, which window
//! lists show and xdotool finds, and the one line a second `iyashi desk`
//! says. Goro himself never speaks.

use super::Message;
use crate::Lang;

/// A line of the desk window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskSays {
    /// The window's title: Goro's name, as the rest of iyashi calls him.
    Title,
    /// `iyashi desk` while Goro is on the desktop already, and he has
    /// been asked to come to the front.
    ComesForward,
    /// `iyashi desk` while Goro is on the desktop already, but only just
    /// arriving or leaving, so he could not be asked to come forward.
    AlreadyThere,
}

impl Message for DeskSays {
    fn render(&self, lang: Lang) -> String {
        match self {
            DeskSays::Title => lang.pick("Goro", "ゴロ").into(),
            DeskSays::ComesForward => lang
                .pick(
                    "Goro is on the desktop already; here he is, in front (Esc or a right-click on him closes it).",
                    "ゴロはもうデスクトップにいます。いちばん前に出てきました（ゴロの上で Esc か右クリックで閉じます）。",
                )
                .into(),
            DeskSays::AlreadyThere => lang
                .pick(
                    "Goro is on the desktop already (Esc or a right-click on him closes it).",
                    "ゴロはもうデスクトップにいます（ゴロの上で Esc か右クリックで閉じます）。",
                )
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_goro_s_name_in_both_languages() {
        assert_eq!(DeskSays::Title.render(Lang::En), "Goro");
        assert_eq!(DeskSays::Title.render(Lang::Ja), "ゴロ");
        for lang in [Lang::En, Lang::Ja] {
            for says in [DeskSays::ComesForward, DeskSays::AlreadyThere] {
                let said = says.render(lang);
                assert!(said.contains(lang.pick("Goro", "ゴロ")), "{said}");
                assert_eq!(said.lines().count(), 1);
            }
        }
    }
}
