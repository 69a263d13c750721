//! The sequences themselves: which drawing, where, for how many ticks.
//!
//! Movement is held 2–3 ticks a drawing (8–12 drawings a second); a pose
//! that should linger is simply held longer, as a stop-motion animator
//! would. A hold of 0 means "as long as the stage decides" (a random wait).

use super::pose::{ChibiPose, GoroPose, PiyoPose};

/// One drawing of a sequence, offset from the companion's place by `dx`
/// columns and `dy` rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame<P> {
    pub pose: P,
    pub dx: i8,
    pub dy: i8,
    /// Ticks to hold it; 0 for a wait chosen by the stage.
    pub hold: u8,
}

/// A sequence of drawings and the one that tells its story alone, shown by
/// itself when motion is off.
#[derive(Debug, PartialEq, Eq)]
pub struct Clip<P: 'static> {
    pub frames: &'static [Frame<P>],
    pub key: usize,
}

impl<P: Copy> Clip<P> {
    /// How long it lasts when every hold is fixed, in ticks.
    pub fn length(&self) -> u32 {
        self.frames.iter().map(|f| u32::from(f.hold)).sum()
    }
}

const fn f<P>(pose: P, dx: i8, dy: i8, hold: u8) -> Frame<P> {
    Frame { pose, dx, dy, hold }
}

use ChibiPose as C;
use GoroPose as G;
use PiyoPose as P;

// Goro.

/// A slow breath: the swell is held as long as the rest.
pub static BREATHE: Clip<G> = Clip {
    frames: &[f(G::Sit, 0, 0, 0), f(G::Breathe, 0, 0, 30)],
    key: 0,
};

pub static BLINK: Clip<G> = Clip {
    frames: &[f(G::Sit, 0, 0, 0), f(G::Blink, 0, 0, 3), f(G::Sit, 0, 0, 4)],
    key: 0,
};

pub static ROLL_OVER: Clip<G> = Clip {
    frames: &[
        f(G::Lean, 0, 0, 3),
        f(G::Back, 0, 0, 3),
        f(G::BackWiggle, 0, 0, 3),
        f(G::Back, 0, 0, 3),
        f(G::BackWiggle, 0, 0, 3),
        f(G::Back, 0, 0, 48),
        f(G::BackWiggle, 0, 0, 3),
        f(G::Back, 0, 0, 24),
        f(G::Lean, 0, 0, 3),
        f(G::Sit, 0, 0, 12),
    ],
    key: 5,
};

pub static HUG: Clip<G> = Clip {
    frames: &[
        f(G::Turn, 0, 0, 3),
        f(G::Hug, 0, 0, 3),
        f(G::Squeeze, 0, 0, 18),
        f(G::Hug, 0, 0, 3),
        f(G::Squeeze, 0, 0, 24),
        f(G::Hug, 0, 0, 12),
        f(G::Turn, 0, 0, 3),
        f(G::Sit, 0, 0, 12),
    ],
    key: 2,
};

pub static STRETCH: Clip<G> = Clip {
    frames: &[
        f(G::StretchUp, 0, 0, 3),
        f(G::StretchHigh, 0, 0, 3),
        f(G::StretchHigh, 0, 0, 30),
        f(G::StretchUp, 0, 0, 3),
        f(G::Sit, 0, 0, 6),
        f(G::Blink, 0, 0, 3),
        f(G::Sit, 0, 0, 12),
    ],
    key: 2,
};

pub static YAWN: Clip<G> = Clip {
    frames: &[
        f(G::Yawn, 0, 0, 3),
        f(G::YawnWide, 0, 0, 24),
        f(G::Yawn, 0, 0, 3),
        f(G::Blink, 0, 0, 6),
        f(G::Sit, 0, 0, 6),
        f(G::Point, 0, 0, 60),
        f(G::Sit, 0, 0, 12),
    ],
    key: 5,
};

/// Shuffling closer: each drawing's offset is from his new, closer place.
pub static SCOOT: Clip<G> = Clip {
    frames: &[
        f(G::Scoot, -6, 0, 3),
        f(G::Sit, -5, 0, 6),
        f(G::Scoot, -3, 0, 3),
        f(G::Sit, -2, 0, 6),
        f(G::Scoot, 0, 0, 3),
        f(G::Sit, 0, 0, 24),
        f(G::Blink, 0, 0, 3),
        f(G::Sit, 0, 0, 12),
    ],
    key: 5,
};

// Break activities, played over and over while a break's activity lasts.

/// Arms up, held, and down again.
pub static ARMS_UP: Clip<G> = Clip {
    frames: &[
        f(G::StretchUp, 0, 0, 3),
        f(G::StretchHigh, 0, 0, 48),
        f(G::StretchUp, 0, 0, 3),
        f(G::Sit, 0, 0, 24),
    ],
    key: 1,
};

/// Shoulders up to the ears, back, and down: twice, then a rest.
pub static SHOULDER_ROLL: Clip<G> = Clip {
    frames: &[
        f(G::ShouldersUp, 0, 0, 12),
        f(G::ShouldersBack, 0, 0, 3),
        f(G::Sit, 0, 0, 9),
        f(G::ShouldersUp, 0, 0, 12),
        f(G::ShouldersBack, 0, 0, 3),
        f(G::Sit, 0, 0, 24),
    ],
    key: 0,
};

/// In for four seconds, out for six: a breath to breathe along with.
pub static SLOW_BREATH: Clip<G> = Clip {
    frames: &[
        f(G::Breathe, 0, 0, 3),
        f(G::BreatheIn, 0, 0, 93),
        f(G::Breathe, 0, 0, 3),
        f(G::BreatheOut, 0, 0, 141),
    ],
    key: 1,
};

// Piyo. Offsets move him between the window sill (0, 0) and off the top
// right of the room.

pub static PIYO_PERCH: Clip<P> = Clip {
    frames: &[f(P::Perch, 0, 0, 0)],
    key: 0,
};

pub static PIYO_HOP: Clip<P> = Clip {
    frames: &[
        f(P::Hop, 0, -1, 2),
        f(P::Perch, 0, 0, 3),
        f(P::Hop, 0, -1, 2),
        f(P::Perch, 0, 0, 6),
    ],
    key: 0,
};

pub static PIYO_CHIRP: Clip<P> = Clip {
    frames: &[
        f(P::Chirp, 0, 0, 4),
        f(P::Perch, 0, 0, 2),
        f(P::Chirp, 0, 0, 4),
        f(P::Perch, 0, 0, 8),
        f(P::Hop, 0, -1, 2),
        f(P::Chirp, 0, 0, 6),
        f(P::Perch, 0, 0, 12),
    ],
    key: 0,
};

pub static PIYO_FLY_IN: Clip<P> = Clip {
    frames: &[
        f(P::FlyUp, 12, -3, 2),
        f(P::FlyDown, 9, -2, 2),
        f(P::FlyUp, 6, -2, 2),
        f(P::FlyDown, 3, -1, 2),
        f(P::Hop, 0, -1, 2),
        f(P::Perch, 0, 0, 6),
    ],
    key: 5,
};

pub static PIYO_FLY_AWAY: Clip<P> = Clip {
    frames: &[
        f(P::Hop, 0, -1, 2),
        f(P::FlyUp, 3, -1, 2),
        f(P::FlyDown, 6, -2, 2),
        f(P::FlyUp, 9, -2, 2),
        f(P::FlyDown, 12, -3, 2),
    ],
    key: 0,
};

// Chibi. He walks in from the right to sit beside Goro at (0, 0).

pub static CHIBI_WALK_IN: Clip<C> = Clip {
    frames: &[
        f(C::WalkA, 12, 0, 3),
        f(C::WalkB, 10, 0, 3),
        f(C::WalkA, 8, 0, 3),
        f(C::WalkB, 6, 0, 3),
        f(C::WalkA, 4, 0, 3),
        f(C::WalkB, 2, 0, 3),
        f(C::Sit, 0, 0, 6),
    ],
    key: 6,
};

pub static CHIBI_SIT: Clip<C> = Clip {
    frames: &[f(C::Sit, 0, 0, 0), f(C::Blink, 0, 0, 3), f(C::Sit, 0, 0, 4)],
    key: 0,
};

pub static CHIBI_WAVE: Clip<C> = Clip {
    frames: &[
        f(C::Wave, 0, 0, 4),
        f(C::Sit, 0, 0, 3),
        f(C::Wave, 0, 0, 4),
        f(C::Sit, 0, 0, 3),
        f(C::Wave, 0, 0, 4),
        f(C::Sit, 0, 0, 12),
    ],
    key: 0,
};

pub static CHIBI_WALK_OUT: Clip<C> = Clip {
    frames: &[
        f(C::WalkA, 2, 0, 3),
        f(C::WalkB, 4, 0, 3),
        f(C::WalkA, 6, 0, 3),
        f(C::WalkB, 8, 0, 3),
        f(C::WalkA, 10, 0, 3),
        f(C::WalkB, 12, 0, 3),
    ],
    key: 0,
};

/// Every clip of each companion, so a room can learn where they may go.
pub static GORO: &[&Clip<G>] = &[
    &BREATHE,
    &BLINK,
    &ROLL_OVER,
    &HUG,
    &STRETCH,
    &YAWN,
    &ARMS_UP,
    &SHOULDER_ROLL,
    &SLOW_BREATH,
];
/// Goro's clips whose offsets are from his closer place.
pub static GORO_CLOSER: &[&Clip<G>] = &[&SCOOT];
pub static PIYO: &[&Clip<P>] = &[
    &PIYO_PERCH,
    &PIYO_HOP,
    &PIYO_CHIRP,
    &PIYO_FLY_IN,
    &PIYO_FLY_AWAY,
];
pub static CHIBI: &[&Clip<C>] = &[&CHIBI_WALK_IN, &CHIBI_SIT, &CHIBI_WAVE, &CHIBI_WALK_OUT];

#[cfg(test)]
mod tests {
    use super::*;

    fn holds<P: Copy>(clip: &Clip<P>) -> Vec<u8> {
        clip.frames.iter().map(|f| f.hold).collect()
    }

    #[test]
    fn movement_is_on_twos_or_threes_and_never_faster() {
        let moving = [
            holds(&ROLL_OVER),
            holds(&HUG),
            holds(&STRETCH),
            holds(&YAWN),
            holds(&SCOOT),
            holds(&ARMS_UP),
            holds(&SHOULDER_ROLL),
            holds(&SLOW_BREATH),
            holds(&PIYO_HOP),
            holds(&PIYO_FLY_IN),
            holds(&PIYO_FLY_AWAY),
            holds(&CHIBI_WALK_IN),
            holds(&CHIBI_WALK_OUT),
        ];
        for clip in moving {
            // A fixed hold of 1 would be 24 drawings a second: smooth, not stop-motion.
            assert!(clip.iter().all(|&h| h >= 2), "{clip:?}");
        }
    }

    #[test]
    fn each_key_drawing_is_in_its_clip() {
        assert!(HUG.key < HUG.frames.len() && HUG.frames[HUG.key].pose == G::Squeeze);
        assert_eq!(YAWN.frames[YAWN.key].pose, G::Point);
        assert_eq!(STRETCH.frames[STRETCH.key].pose, G::StretchHigh);
    }
}
