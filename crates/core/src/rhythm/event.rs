//! What goes into the engine ([`Event`]) and what comes out ([`Action`]).

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::record::Record;
use super::situation::Reasons;
use crate::catalogue::rhythm::Piyo;

/// The two kinds of break. A rest break also rests the eyes, so it stands in
/// for a micro-break too; that is why `Rest` orders above `Micro`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BreakKind {
    /// A few seconds of looking far away (the 20-20-20 rule).
    Micro,
    /// A few minutes away from the screen: stretch, water, window.
    Rest,
}

/// How softly a reminder is worded: 0 for the first ask, up to
/// [`Gentleness::SOFTEST`] for the last. Each postpone makes the next reminder
/// gentler, never louder.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Gentleness(u8);

impl Gentleness {
    /// The first, plainest ask.
    pub const FIRST: Gentleness = Gentleness(0);
    /// The softest wording there is.
    pub const SOFTEST: Gentleness = Gentleness(3);

    /// The wording after `postpones` times "later"; it stops getting softer at
    /// [`Gentleness::SOFTEST`].
    pub fn after_postpones(postpones: u8) -> Gentleness {
        Gentleness(postpones.min(Self::SOFTEST.0))
    }

    /// 0 (plain) to 3 (softest).
    pub fn level(self) -> u8 {
        self.0
    }
}

/// Something that happened, handed to [`Engine::step`](super::Engine::step)
/// with the instant it happened at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// An activity source's reading: no keyboard or pointer input for
    /// `idle_for`, as of now. Any source will do (X11, Wayland, logind, the
    /// room's own keys); send one whenever the engine asked to be woken.
    Activity {
        /// How long since the last input.
        idle_for: SignedDuration,
    },
    /// Time passed and nothing new is known about activity. Outside a manual
    /// session it means "no input since the last reading"; inside one, the
    /// person said they are working, so it counts as work.
    Tick,
    /// `iyashi work start`: a manual session from now on.
    WorkStart,
    /// `iyashi work stop`: done for today; activity no longer counts as work
    /// until `WorkStart` or the next day.
    WorkStop,
    /// The person accepted the break they were asked for.
    TakeBreak,
    /// "Later": ask again after the postpone time.
    Later,
    /// "Not this one": let the asked-for break go.
    Skip,
    /// `iyashi break now`: a break of this kind right now, asked for or not.
    BreakNow(BreakKind),
    /// The break screen was closed, or its countdown ran out on the caller's side.
    BreakFinished,
    /// What the situation sources see now (fullscreen, camera, microphone,
    /// do-not-disturb, a listed program). Sent when it may matter; the
    /// engine keeps the last one it was told.
    Situation(Reasons),
    /// `iyashi quiet`: hold reminders back until then (`None`: quiet is off).
    QuietUntil(Option<Timestamp>),
}

/// What the caller should do after a step, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Ask for a break (replacing any break prompt already shown).
    ShowBreak(BreakPrompt),
    /// A break has begun and lasts until `until`; show its countdown and the
    /// activity. `asked` is false when the person started it themselves.
    StartBreak {
        /// The kind of break.
        kind: BreakKind,
        /// When it ends.
        until: Timestamp,
        /// The activity offered.
        activity: Activity,
        /// Whether Piyo asked for it.
        asked: bool,
    },
    /// The break is over; close its screen and say `text`.
    EndBreak {
        /// The break that ended.
        kind: BreakKind,
        /// What Piyo says.
        text: Piyo,
    },
    /// Take down a break prompt: it was answered, or the person rested anyway.
    DismissBreak,
    /// Say something that needs no answer.
    Notify(Piyo),
    /// Keep this in the store. Sessions are keyed by their start, overtime by
    /// its day, so a record sent again replaces the earlier one.
    Record(Record),
    /// Nothing needs doing before this instant, unless activity changes; the
    /// caller may sleep until then (and should then send a fresh reading).
    WakeAt(Timestamp),
}

/// A break being asked for, with everything a notification needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BreakPrompt {
    /// The kind of break.
    pub kind: BreakKind,
    /// How long the break would last.
    pub length: SignedDuration,
    /// How softly to ask; a later reminder is never louder than an earlier one.
    pub gentleness: Gentleness,
    /// Whether to offer "later" (not in strict mode, not after the last postpone).
    pub can_postpone: bool,
    /// Whether to offer "skip" (not in strict mode).
    pub can_skip: bool,
    /// Piyo's words for it.
    pub text: Piyo,
    /// Something to do with it.
    pub activity: Activity,
}
