//! The companions' behaviour: what Goro, Chibi and Piyo do, and what the
//! window shows, as pure decisions a room (terminal or web) draws.
//!
//! The room is stop-motion: every movement is a sequence of hand-made
//! drawings ([`GoroPose`], [`PiyoPose`], [`ChibiPose`]) each held for a whole
//! number of ticks ([`TICKS_PER_SECOND`] of them a second), never a smooth
//! tween. A drawing held 2 or 3 ticks is animation "on twos" or "on threes";
//! a long hold is a pause. Which sequence plays is decided here, by the
//! [`Stage`]; how a drawing looks is the room's business.
//!
//! # Cues ([`Cue`]) and what they start
//!
//! | cue | Goro | others |
//! |---|---|---|
//! | `JoyAdded` | turns and hugs a pillow | |
//! | `LowMood` | shuffles closer, and stays close | |
//! | `BreakTime` | stretches | Piyo flies in and chirps |
//! | `PiyoSpeaks` | | Piyo flies in and chirps |
//! | `LateNight` | yawns and points to bed | |
//!
//! During a break, [`Stage::exercise`] has Goro repeat an [`Exercise`] (arms
//! up, a shoulder roll, a slow breath) for the person to do along with him,
//! until it is ended.
//!
//! Between cues each companion loops through idle sequences (Goro breathes,
//! blinks and now and then rolls over; Piyo hops, flies off and comes back;
//! Chibi wanders in, sits a while, sometimes suggests a small joy, and
//! leaves), chosen by a seeded generator so a test can replay them.
//!
//! Goro never speaks: nothing here gives him words.

mod clips;
mod doing;
mod pace;
mod pose;
mod scenery;
mod stage;
mod suggest;

pub use doing::Doing;
pub use pace::{pace_from_records, Pace};
pub use pose::{ChibiPose, GoroPose, PiyoPose};
pub use scenery::{is_late, Light, Scenery};
pub use stage::{Beat, Cue, Exercise, Placed, Reach, Scene, Stage, CLOSER_DX};
pub use suggest::suggestion;

/// How many ticks make a second. Every hold is a whole number of ticks, so
/// drawings change at most 12 times a second when held 2 ticks ("on twos").
pub const TICKS_PER_SECOND: u32 = 24;

#[cfg(test)]
mod tests;
