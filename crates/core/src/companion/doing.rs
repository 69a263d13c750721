//! What Goro is doing, as a person would say it: one [`Doing`] covers every
//! drawing of one movement, so a face that tells it in words (the web
//! room's text alternative, for a screen reader) speaks once per movement,
//! not once per drawing.

use super::pose::GoroPose;

/// One of Goro's movements, named for the words that tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Doing {
    /// Sitting, breathing, blinking: most of the day.
    Lounging,
    /// Over on his back, paws up.
    RollingOver,
    /// Turned to the shelf, hugging a pillow.
    Hugging,
    /// Arms up high.
    Stretching,
    /// A yawn.
    Yawning,
    /// Pointing towards bed.
    PointingToBed,
    /// Shuffling closer.
    ShufflingCloser,
    /// A break activity: shoulders up, back and down.
    RollingShoulders,
    /// A break activity: a slow breath in and out.
    BreathingSlowly,
}

impl Doing {
    /// Every movement.
    pub const ALL: [Doing; 9] = [
        Doing::Lounging,
        Doing::RollingOver,
        Doing::Hugging,
        Doing::Stretching,
        Doing::Yawning,
        Doing::PointingToBed,
        Doing::ShufflingCloser,
        Doing::RollingShoulders,
        Doing::BreathingSlowly,
    ];

    /// The movement a drawing of Goro belongs to.
    ///
    /// ```
    /// use iyashi_core::companion::{Doing, GoroPose};
    /// assert_eq!(Doing::of(GoroPose::Blink), Doing::Lounging);
    /// assert_eq!(Doing::of(GoroPose::StretchHigh), Doing::Stretching);
    /// ```
    pub fn of(pose: GoroPose) -> Doing {
        use GoroPose as G;
        match pose {
            G::Sit | G::Breathe | G::Blink => Doing::Lounging,
            G::Lean | G::Back | G::BackWiggle => Doing::RollingOver,
            G::Turn | G::Hug | G::Squeeze => Doing::Hugging,
            G::StretchUp | G::StretchHigh => Doing::Stretching,
            G::Yawn | G::YawnWide => Doing::Yawning,
            G::Point => Doing::PointingToBed,
            G::Scoot => Doing::ShufflingCloser,
            G::ShouldersUp | G::ShouldersBack => Doing::RollingShoulders,
            G::BreatheIn | G::BreatheOut => Doing::BreathingSlowly,
        }
    }

    /// A short name for it, for data a face hands on (`rolling-over`).
    pub fn key(self) -> &'static str {
        match self {
            Doing::Lounging => "lounging",
            Doing::RollingOver => "rolling-over",
            Doing::Hugging => "hugging",
            Doing::Stretching => "stretching",
            Doing::Yawning => "yawning",
            Doing::PointingToBed => "pointing-to-bed",
            Doing::ShufflingCloser => "shuffling-closer",
            Doing::RollingShoulders => "rolling-shoulders",
            Doing::BreathingSlowly => "breathing-slowly",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_movement_is_some_drawing_and_has_its_own_key() {
        for doing in Doing::ALL {
            assert!(
                GoroPose::ALL.iter().any(|&p| Doing::of(p) == doing),
                "{doing:?} has no drawing"
            );
        }
        let mut keys: Vec<&str> = Doing::ALL.iter().map(|d| d.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Doing::ALL.len());
    }
}
