//! The break screen's words: its title (which the desktop shows, and
//! xdotool finds), its buttons, and the countdown under the activity.

use jiff::SignedDuration;

use super::rhythm::{duration, spoken};
use super::Message;
use crate::rhythm::{BreakKind, BreathPhase};
use crate::Lang;

/// A line of the break screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScreenSays {
    /// The window's title.
    Title(BreakKind),
    /// The button that ends the break now, as rested.
    Done,
    /// The button (and Esc) that puts the break off for `postpone`.
    MoreMinutes {
        /// How long the break is put off.
        postpone: SignedDuration,
    },
    /// The countdown: time left, as a clock.
    Left {
        /// Time left, shown as a clock.
        left: SignedDuration,
    },
    /// The pacer's words: breathe in, hold, breathe out, and the count.
    Breath {
        /// Which part of the breath.
        phase: BreathPhase,
        /// The count within it, from 1.
        count: u8,
    },
    /// Under the countdown in strict mode (no buttons): it ends by itself.
    EndsByItself {
        /// How long the break lasts.
        length: SignedDuration,
    },
}

impl Message for ScreenSays {
    fn render(&self, lang: Lang) -> String {
        match self {
            ScreenSays::Title(BreakKind::Rest) => {
                lang.pick("iyashi: a break", "iyashi: ひと休み").into()
            }
            ScreenSays::Title(BreakKind::Micro) => lang
                .pick("iyashi: a break for the eyes", "iyashi: 目のひと休み")
                .into(),
            ScreenSays::Done => lang.pick("Done", "休めた").into(),
            ScreenSays::MoreMinutes { postpone } => lang.pick(
                format!("{} more", spoken(lang, *postpone)),
                format!("あと{}だけ", duration(lang, *postpone)),
            ),
            ScreenSays::Left { left } => {
                let secs = left.as_secs().max(0);
                let clock = format!("{}:{:02}", secs / 60, secs % 60);
                lang.pick(format!("{clock} left"), format!("あと {clock}"))
            }
            ScreenSays::Breath { phase, count } => {
                let word = match phase {
                    BreathPhase::In => lang.pick("breathe in", "吸って"),
                    BreathPhase::HoldIn | BreathPhase::HoldOut => lang.pick("hold", "止めて"),
                    BreathPhase::Out => lang.pick("breathe out", "吐いて"),
                };
                format!("{word}  {count}")
            }
            ScreenSays::EndsByItself { length } => lang.pick(
                format!(
                    "No buttons this time: the break ends by itself after {}.",
                    spoken(lang, *length)
                ),
                format!(
                    "今回はボタンがありません。{}たつと、ひとりでに終わります。",
                    spoken(lang, *length)
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buttons_say_the_postpone_in_each_language() {
        let five = SignedDuration::from_mins(5);
        let more = ScreenSays::MoreMinutes { postpone: five };
        assert_eq!(more.render(Lang::En), "5 minutes more");
        assert_eq!(more.render(Lang::Ja), "あと5分だけ");
        let left = ScreenSays::Left {
            left: SignedDuration::from_secs(299),
        };
        assert_eq!(left.render(Lang::En), "4:59 left");
        assert_eq!(left.render(Lang::Ja), "あと 4:59");
        assert_eq!(
            ScreenSays::Title(BreakKind::Rest).render(Lang::Ja),
            "iyashi: ひと休み"
        );
    }
}
