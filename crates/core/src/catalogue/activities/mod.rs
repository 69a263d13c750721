//! The guided break activities: something small to do with a break, written
//! for iyashi in English and Japanese. Micro-breaks get short ones (about
//! twenty seconds); rest breaks get longer ones (a few minutes).
//!
//! Which one comes is chosen in [`crate::rhythm::Activity::pick`]; this module
//! only holds the words.

mod micro;
mod rest;

use jiff::SignedDuration;

use super::rhythm::{spoken, Piyo};
use super::Message;
use crate::rhythm::{Activity, BreakKind, Breath, BreathPhase, Pacer};
use crate::Lang;

/// The part of the body an activity looks after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The eyes.
    Eyes,
    /// The neck.
    Neck,
    /// The shoulders.
    Shoulders,
    /// The hands and wrists.
    Hands,
    /// The back.
    Back,
    /// The legs and feet.
    Legs,
    /// A drink of water.
    Water,
    /// Slow breathing.
    Breathing,
}

/// One activity's words in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// The activity's name, as a title.
    pub title: &'static str,
    /// What to do, step by step.
    pub steps: &'static str,
}

/// One guided activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    /// A stable name, kept with the break it was offered for.
    pub id: &'static str,
    /// The break it fits: a micro-break's activity takes seconds.
    pub fits: BreakKind,
    /// The part of the body it looks after.
    pub area: Area,
    /// The rhythm of the breathing pacer, for a breathing activity.
    pub breath: Option<Breath>,
    /// Its words in English.
    pub en: Words,
    /// Its words in Japanese.
    pub ja: Words,
}

impl Guide {
    /// Its words in `lang`.
    pub fn words(&self, lang: Lang) -> Words {
        lang.pick(self.en, self.ja)
    }
}

/// The words around an activity: a prompt that names it, a break that has
/// begun, the line of the breathing pacer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BreakGuide {
    /// Piyo's ask, then the activity offered with it.
    Prompt {
        /// What Piyo says.
        text: Piyo,
        /// The activity offered with the break.
        activity: Activity,
    },
    /// A break has begun and lasts `left`.
    Begins {
        /// The kind of break.
        kind: BreakKind,
        /// How long the break lasts from now.
        left: SignedDuration,
        /// The activity offered for it.
        activity: Activity,
    },
    /// The activity alone: its title, then its steps.
    Card(Activity),
    /// One line of the pacer: the phase and its count, the shape, the time left.
    Pace {
        /// Where the breath is.
        pacer: Pacer,
        /// Time left in the break.
        left: SignedDuration,
    },
}

impl Message for BreakGuide {
    fn render(&self, lang: Lang) -> String {
        match self {
            BreakGuide::Prompt { text, activity } => {
                let w = activity.words(lang);
                let offer = lang.pick(
                    format!("Something to try: {}. {}", w.title, w.steps),
                    format!("やってみよう：{}。{}", w.title, w.steps),
                );
                format!("{}\n{offer}", text.render(lang))
            }
            BreakGuide::Begins {
                kind,
                left,
                activity,
            } => {
                let w = activity.words(lang);
                let l = spoken(lang, *left);
                let begins = match kind {
                    BreakKind::Micro => lang.pick(
                        format!("Your eye rest begins now, for {l}."),
                        format!("目の休憩をはじめよう。{l}だけ。"),
                    ),
                    BreakKind::Rest => lang.pick(
                        format!("Your break begins now, for {l}."),
                        format!("休憩をはじめよう。{l}のあいだ。"),
                    ),
                };
                let colon = lang.pick(": ", "：");
                format!("{begins}\n{}{colon}{}", w.title, w.steps)
            }
            BreakGuide::Card(activity) => {
                let w = activity.words(lang);
                format!("{}\n{}", w.title, w.steps)
            }
            BreakGuide::Pace { pacer, left } => {
                let phase = match pacer.phase {
                    BreathPhase::In => lang.pick("breathe in ", "吸って"),
                    BreathPhase::HoldIn | BreathPhase::HoldOut => {
                        lang.pick("hold       ", "止めて")
                    }
                    BreathPhase::Out => lang.pick("breathe out", "吐いて"),
                };
                let secs = left.as_secs().max(0);
                let clock = format!("{}:{:02}", secs / 60, secs % 60);
                let left = lang.pick(format!("{clock} left"), format!("あと{clock}"));
                format!("{phase} {}  {}  {left}", pacer.count, pacer.shape())
            }
        }
    }
}

/// Every activity: the short ones, then the longer ones.
pub fn all() -> impl Iterator<Item = &'static Guide> {
    micro::GUIDES.iter().chain(rest::GUIDES.iter())
}

const fn breath(inhale: u8, hold_in: u8, exhale: u8, hold_out: u8) -> Option<Breath> {
    Some(Breath {
        inhale,
        hold_in,
        exhale,
        hold_out,
    })
}

const fn words(title: &'static str, steps: &'static str) -> Words {
    Words { title, steps }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_enough_for_a_day_without_repeats() {
        let micro = all().filter(|g| g.fits == BreakKind::Micro).count();
        let rest = all().filter(|g| g.fits == BreakKind::Rest).count();
        assert!(micro + rest >= 30, "{micro} + {rest}");
        // About eighteen micro-breaks and nine rest breaks fit in an 8-hour day.
        assert!(micro >= 18 && rest >= 12, "{micro} micro, {rest} rest");
        let mut ids: Vec<&str> = all().map(|g| g.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), micro + rest, "ids are unique");
    }

    #[test]
    fn every_area_the_issue_names_is_covered_in_both_languages() {
        for area in [
            Area::Eyes,
            Area::Neck,
            Area::Shoulders,
            Area::Hands,
            Area::Back,
            Area::Legs,
            Area::Water,
            Area::Breathing,
        ] {
            assert!(all().any(|g| g.area == area), "{area:?}");
        }
        for g in all() {
            for w in [g.en, g.ja] {
                assert!(!w.title.is_empty() && !w.steps.is_empty(), "{}", g.id);
            }
            assert!(
                g.ja.steps.chars().any(|c| c > '\u{3000}'),
                "{} in Japanese",
                g.id
            );
            assert_eq!(g.breath.is_some(), g.area == Area::Breathing, "{}", g.id);
        }
    }
}
