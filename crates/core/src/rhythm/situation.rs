//! The person's situation: what makes a break prompt wait. A film, a meeting
//! or a talk on screen, a desktop set to do-not-disturb, or the person's own
//! "quiet for an hour".

use serde::{Deserialize, Serialize};

/// One reason to hold a break prompt back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A fullscreen window is focused (a film, a presentation, a game).
    Fullscreen,
    /// Another program has the camera open.
    Camera,
    /// Something is recording from the microphone.
    Microphone,
    /// The desktop's do-not-disturb is on.
    DoNotDisturb,
    /// A program on the `[rhythm.quiet] programs` list is focused.
    Program,
    /// The person asked for quiet (`iyashi quiet 1h`).
    Quiet,
}

impl Reason {
    /// Every reason, in the order they are told.
    pub const ALL: [Reason; 6] = [
        Reason::Microphone,
        Reason::Camera,
        Reason::Fullscreen,
        Reason::Program,
        Reason::DoNotDisturb,
        Reason::Quiet,
    ];

    /// The word kept in the store and in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Reason::Fullscreen => "fullscreen",
            Reason::Camera => "camera",
            Reason::Microphone => "microphone",
            Reason::DoNotDisturb => "do_not_disturb",
            Reason::Program => "program",
            Reason::Quiet => "quiet",
        }
    }

    /// The reason for a stored word.
    pub fn from_word(word: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.word() == word)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Reason`]s, small enough to copy around with every event.
///
/// ```
/// use iyashi_core::rhythm::{Reason, Reasons};
///
/// let meeting = Reasons::of(&[Reason::Microphone, Reason::Camera]);
/// assert!(meeting.is_meeting());
/// assert_eq!(meeting.iter().next(), Some(Reason::Microphone));
/// assert!(!Reasons::of(&[Reason::Fullscreen]).is_meeting());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Reasons(u8);

impl Reasons {
    /// No reason at all: the prompt may come.
    pub const NONE: Reasons = Reasons(0);

    /// The set holding `reasons`.
    pub fn of(reasons: &[Reason]) -> Reasons {
        reasons.iter().fold(Reasons::NONE, |set, r| set.with(*r))
    }

    /// This set and `reason`.
    #[must_use]
    pub fn with(self, reason: Reason) -> Reasons {
        Reasons(self.0 | reason.bit())
    }

    /// Both sets together.
    #[must_use]
    pub fn union(self, other: Reasons) -> Reasons {
        Reasons(self.0 | other.0)
    }

    /// This set less `reason`.
    #[must_use]
    pub fn without(self, reason: Reason) -> Reasons {
        Reasons(self.0 & !reason.bit())
    }

    /// Whether `reason` is in the set.
    pub fn contains(self, reason: Reason) -> bool {
        self.0 & reason.bit() != 0
    }

    /// Whether nothing holds breaks back.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// A call or a video meeting: the camera or the microphone is in use.
    /// Time in one is work even without a key pressed.
    pub fn is_meeting(self) -> bool {
        self.contains(Reason::Microphone) || self.contains(Reason::Camera)
    }

    /// The reasons in the set, in the order they are told.
    pub fn iter(self) -> impl Iterator<Item = Reason> {
        Reason::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// The words of the reasons, joined by commas (for the store).
    pub fn words(self) -> String {
        self.iter().map(Reason::word).collect::<Vec<_>>().join(",")
    }

    /// Reads [`Reasons::words`] back; an unknown word is an error.
    pub fn from_words(text: &str) -> Result<Reasons, String> {
        text.split(',')
            .filter(|w| !w.is_empty())
            .try_fold(Reasons::NONE, |set, w| {
                Reason::from_word(w)
                    .map(|r| set.with(r))
                    .ok_or_else(|| format!("unknown reason {w:?}"))
            })
    }
}

impl FromIterator<Reason> for Reasons {
    fn from_iter<I: IntoIterator<Item = Reason>>(iter: I) -> Reasons {
        iter.into_iter().fold(Reasons::NONE, Reasons::with)
    }
}

impl Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, se: S) -> Result<S::Ok, S::Error> {
        se.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Reasons {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Reasons, D::Error> {
        Ok(Vec::<Reason>::deserialize(de)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_back_from_their_words_and_json() {
        let set = Reasons::of(&[Reason::Quiet, Reason::Fullscreen, Reason::DoNotDisturb]);
        assert_eq!(set.words(), "fullscreen,do_not_disturb,quiet");
        assert_eq!(Reasons::from_words(&set.words()), Ok(set));
        assert_eq!(Reasons::from_words(""), Ok(Reasons::NONE));
        assert!(Reasons::from_words("fullscreen,lunch").is_err());
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["fullscreen","do_not_disturb","quiet"]"#);
        assert_eq!(serde_json::from_str::<Reasons>(&json).unwrap(), set);
        assert!(set.without(Reason::Quiet).contains(Reason::Fullscreen));
        assert!(!set.without(Reason::Quiet).contains(Reason::Quiet));
    }
}
