//! Goro on the desk as he moves: core's stage (the one every room asks)
//! picks his poses tick by tick, the art's player picks each take (held
//! 2–3 ticks, stop-motion), and the day's mood cues him as the room cues
//! him. The window asks what to draw and when the picture next changes,
//! and sleeps until then.

use std::time::Duration;

use iyashi_art::room::Shown;
use iyashi_art::sequence::Player;
use iyashi_core::companion::{Cue, Exercise, Light, Scenery, Stage, TICKS_PER_SECOND};

use super::mood::Mood;

/// A tick of the stage.
const TICK: Duration = Duration::from_nanos(1_000_000_000 / TICKS_PER_SECOND as u64);

/// While a break keeps asking, he looks up again this often: once would be
/// missed by anyone who glanced over a moment later.
const LOOK_UP_EVERY: u32 = 20 * TICKS_PER_SECOND;

/// Goro's moving parts.
pub struct Play {
    stage: Stage,
    player: Player,
    mood: Mood,
    /// The drawing showing now.
    pub goro: Shown,
    /// Ticks the stage has been moved on.
    ticks: u64,
    /// Ticks since he last looked up for the break asking.
    since_look_up: u32,
}

impl Play {
    /// Goro lounging, from `seed` (so his idle choices are repeatable).
    pub fn new(seed: u64, motion: bool) -> Play {
        let stage = Stage::new(seed, motion, false, Scenery::Leaves);
        let mut player = Player::new(motion);
        let goro = player
            .moment(&stage.scene(), 0, Scenery::Leaves, Light::Day)
            .goro;
        Play {
            stage,
            player,
            mood: Mood::Lounging,
            goro,
            ticks: 0,
            since_look_up: 0,
        }
    }

    /// The day changed: he reacts as the room's Goro does. True when the
    /// picture changed.
    pub fn set_mood(&mut self, mood: Mood) -> bool {
        if mood == self.mood {
            return false;
        }
        self.mood = mood;
        match mood {
            Mood::Lounging | Mood::Working => self.stage.exercise(None),
            Mood::Due => self.look_up(),
            // Eyes shut, slow breaths: a nap on the cushion.
            Mood::Resting | Mood::Asleep => self.stage.exercise(Some(Exercise::Breathing)),
        }
        self.show(0)
    }

    fn look_up(&mut self) {
        self.stage.exercise(None);
        self.stage.cue(Cue::BreakTime);
        self.since_look_up = 0;
    }

    /// Moves on to `since` after the window opened; true when the picture
    /// looks different now.
    pub fn at(&mut self, since: Duration) -> bool {
        let target = (since.as_nanos() / TICK.as_nanos()) as u64;
        if target <= self.ticks {
            return false;
        }
        let elapsed = u32::try_from(target - self.ticks).unwrap_or(u32::MAX);
        self.ticks = target;
        self.since_look_up = self.since_look_up.saturating_add(elapsed);
        if self.mood == Mood::Due && self.since_look_up >= LOOK_UP_EVERY {
            self.look_up();
        }
        self.stage.advance(elapsed);
        self.show(elapsed)
    }

    fn show(&mut self, elapsed: u32) -> bool {
        let before = self.goro;
        self.goro = self
            .player
            .moment(&self.stage.scene(), elapsed, Scenery::Leaves, Light::Day)
            .goro;
        self.goro != before
    }

    /// How long after the window opened the picture may next change: the
    /// stage's next change or the next take of a held pose (a tick at the
    /// least, so a window never spins).
    pub fn next_change(&self) -> Duration {
        let mut next = self
            .stage
            .next_change()
            .min(self.player.next_change().unwrap_or(u32::MAX));
        if self.mood == Mood::Due {
            next = next.min(LOOK_UP_EVERY.saturating_sub(self.since_look_up));
        }
        TICK * u32::try_from(self.ticks)
            .unwrap_or(u32::MAX)
            .saturating_add(next.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The drawings shown over `secs` seconds, waking only when told to.
    fn watch(play: &mut Play, from: Duration, secs: u64) -> (Vec<&'static str>, u32) {
        let mut drawings = Vec::new();
        let (mut since, mut wakes) = (from, 0);
        while since < from + Duration::from_secs(secs) {
            let next = play.next_change();
            assert!(next > since, "{next:?} after {since:?}");
            since = next;
            wakes += 1;
            play.at(since);
            drawings.push(play.goro.drawing);
        }
        (drawings, wakes)
    }

    #[test]
    fn lounging_he_breathes_in_stop_motion_waking_far_less_than_every_tick() {
        let mut play = Play::new(7, true);
        let (drawings, wakes) = watch(&mut play, Duration::ZERO, 60);
        assert!(drawings.contains(&"goro.breathe"), "{drawings:?}");
        assert!(drawings.contains(&"goro.sit"), "{drawings:?}");
        assert!(
            wakes < 60 * TICKS_PER_SECOND / 4,
            "{wakes} wakes in a minute"
        );
    }

    #[test]
    fn a_due_break_makes_him_look_up_and_again_while_it_keeps_asking() {
        let mut play = Play::new(7, true);
        play.at(Duration::from_secs(5));
        assert!(play.set_mood(Mood::Due));
        assert_eq!(play.goro.drawing, "goro.stretch-up");
        let (drawings, _) = watch(&mut play, Duration::from_secs(5), 10);
        assert!(!drawings[drawings.len() - 1].starts_with("goro.stretch"));
        let (later, _) = watch(&mut play, Duration::from_secs(15), 12);
        assert!(later.contains(&"goro.stretch-high"), "{later:?}");
        assert!(
            !play.set_mood(Mood::Due),
            "the same mood again is no change"
        );
    }

    #[test]
    fn resting_and_asleep_his_eyes_stay_shut_with_slow_breaths() {
        for mood in [Mood::Resting, Mood::Asleep] {
            let mut play = Play::new(7, true);
            play.set_mood(mood);
            let (drawings, _) = watch(&mut play, Duration::ZERO, 30);
            assert!(
                drawings.iter().all(|d| d.starts_with("goro.breathe")),
                "{drawings:?}"
            );
            assert!(drawings.contains(&"goro.breathe-in"), "{drawings:?}");
        }
    }

    #[test]
    fn back_to_work_he_sits_and_breathes_again() {
        let mut play = Play::new(7, true);
        play.set_mood(Mood::Resting);
        play.at(Duration::from_secs(3));
        play.set_mood(Mood::Working);
        let (drawings, _) = watch(&mut play, Duration::from_secs(3), 10);
        assert!(!drawings.iter().any(|d| d.starts_with("goro.breathe-")));
    }
}
