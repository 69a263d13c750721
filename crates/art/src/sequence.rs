//! Stop-motion as data: the drawings each pose is made of.
//!
//! Core's [`Stage`](iyashi_core::companion::Stage) decides which pose each
//! companion is in, tick by tick, for the terminal room and for every drawn
//! face alike. Here each pose is a short sequence of *takes*: the pose's
//! drawing under a different wobble each time, so the same pose drawn again
//! is never quite the same, as with a hand-made figure moved between shots.
//!
//! A new take is shown whenever the stage changes a companion's drawing or
//! place. A pose with a `hold` also moves on to its next take every `hold`
//! ticks while it lasts: an effort (a stretch held high, a squeeze, a wide
//! yawn) trembles a little; a resting pose stays still. Without motion only
//! the first take is ever shown.

use iyashi_core::companion::{ChibiPose, GoroPose, Light, PiyoPose, Placed, Scene, Scenery};

use crate::room::{Moment, Shown};

/// One drawing of a sequence: the drawing's id and its wobble.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Take {
    /// The drawing, e.g. `goro.sit`.
    pub drawing: &'static str,
    /// Which wobble it is seen through.
    pub wobble: u8,
}

/// The takes of one pose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sequence {
    /// Shown in turn, one per change.
    pub takes: &'static [Take],
    /// Ticks each take is held while the pose lasts (2 or 3, like the
    /// terminal room's frames); 0 to hold it until the stage moves on.
    pub hold: u8,
}

macro_rules! sequence {
    ($drawing:literal, $hold:literal) => {
        Sequence {
            takes: &[
                Take {
                    drawing: $drawing,
                    wobble: 0,
                },
                Take {
                    drawing: $drawing,
                    wobble: 1,
                },
                Take {
                    drawing: $drawing,
                    wobble: 2,
                },
            ],
            hold: $hold,
        }
    };
}

/// Goro's sequence for a pose.
pub fn goro(pose: GoroPose) -> Sequence {
    use GoroPose as G;
    match pose {
        G::Sit => sequence!("goro.sit", 0),
        G::Breathe => sequence!("goro.breathe", 0),
        G::Blink => sequence!("goro.blink", 0),
        G::Lean => sequence!("goro.lean", 0),
        G::Back => sequence!("goro.back", 0),
        G::BackWiggle => sequence!("goro.back-wiggle", 3),
        G::Turn => sequence!("goro.turn", 0),
        G::Hug => sequence!("goro.hug", 0),
        G::Squeeze => sequence!("goro.squeeze", 3),
        G::StretchUp => sequence!("goro.stretch-up", 0),
        G::StretchHigh => sequence!("goro.stretch-high", 3),
        G::Yawn => sequence!("goro.yawn", 0),
        G::YawnWide => sequence!("goro.yawn-wide", 3),
        G::Point => sequence!("goro.point", 0),
        G::Scoot => sequence!("goro.scoot", 0),
        G::ShouldersUp => sequence!("goro.shoulders-up", 3),
        G::ShouldersBack => sequence!("goro.shoulders-back", 0),
        G::BreatheIn => sequence!("goro.breathe-in", 0),
        G::BreatheOut => sequence!("goro.breathe-out", 0),
    }
}

/// Chibi's sequence for a pose.
pub fn chibi(pose: ChibiPose) -> Sequence {
    use ChibiPose as C;
    match pose {
        C::Sit => sequence!("chibi.sit", 0),
        C::Blink => sequence!("chibi.blink", 0),
        C::Wave => sequence!("chibi.wave", 2),
        C::WalkA => sequence!("chibi.walk-a", 0),
        C::WalkB => sequence!("chibi.walk-b", 0),
    }
}

/// Piyo's sequence for a pose.
pub fn piyo(pose: PiyoPose) -> Sequence {
    use PiyoPose as P;
    match pose {
        P::Perch => sequence!("piyo.perch", 0),
        P::Hop => sequence!("piyo.hop", 0),
        P::Chirp => sequence!("piyo.chirp", 2),
        P::FlyUp => sequence!("piyo.fly-up", 0),
        P::FlyDown => sequence!("piyo.fly-down", 0),
    }
}

/// One companion's takes: what it showed last and for how long.
#[derive(Clone, Copy, Debug, Default)]
struct Track {
    last: Option<(&'static str, i8, i8)>,
    /// The take the current drawing began with.
    first: u32,
    /// The take showing now.
    now: u32,
    since: u32,
    hold: u8,
}

impl Track {
    fn show<P: Copy>(
        &mut self,
        placed: Option<Placed<P>>,
        sequence: impl Fn(P) -> Sequence,
        elapsed: u32,
        motion: bool,
    ) -> Option<Shown> {
        let Some(placed) = placed else {
            self.last = None;
            return None;
        };
        let seq = sequence(placed.pose);
        let now = (seq.takes[0].drawing, placed.dx, placed.dy);
        if self.last == Some(now) {
            self.since = self.since.saturating_add(elapsed);
        } else {
            self.last = Some(now);
            self.first = self.now.wrapping_add(1);
            self.since = 0;
        }
        self.hold = if motion { seq.hold } else { 0 };
        self.now = match self.hold {
            0 => self.first,
            hold => self.first.wrapping_add(self.since / u32::from(hold)),
        };
        let index = if motion { self.now } else { 0 };
        let take = seq.takes[index as usize % seq.takes.len()];
        Some(Shown {
            drawing: take.drawing,
            dx: placed.dx,
            dy: placed.dy,
            wobble: take.wobble,
        })
    }

    /// Ticks until a held pose shows its next take.
    fn next_change(&self) -> Option<u32> {
        (self.last.is_some() && self.hold > 0).then(|| {
            let hold = u32::from(self.hold);
            hold - self.since % hold
        })
    }
}

/// Turns the stage's scenes into the drawings to show, take by take.
#[derive(Clone, Debug)]
pub struct Player {
    motion: bool,
    goro: Track,
    chibi: Track,
    piyo: Track,
}

impl Player {
    /// A player; without `motion` every pose shows its first take only.
    pub fn new(motion: bool) -> Player {
        Player {
            motion,
            goro: Track::default(),
            chibi: Track::default(),
            piyo: Track::default(),
        }
    }

    /// The moment to draw for `scene`, `elapsed` ticks after the last call.
    pub fn moment(
        &mut self,
        scene: &Scene,
        elapsed: u32,
        scenery: Scenery,
        light: Light,
    ) -> Moment {
        let motion = self.motion;
        let goro = self
            .goro
            .show(Some(scene.goro), goro, elapsed, motion)
            .unwrap_or(Shown::at_home("goro.sit", 0));
        Moment {
            scenery,
            light,
            weather: scene.window,
            goro,
            chibi: self.chibi.show(scene.chibi, chibi, elapsed, motion),
            piyo: self.piyo.show(scene.piyo, piyo, elapsed, motion),
        }
    }

    /// Ticks until a held pose's take changes, if one will: a room waits
    /// for this or the stage's next change, whichever comes first.
    pub fn next_change(&self) -> Option<u32> {
        [&self.goro, &self.chibi, &self.piyo]
            .iter()
            .filter_map(|t| t.next_change())
            .min()
    }
}
