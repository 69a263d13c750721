//! The break as it plays: core's stage moves Goro through the activity's
//! exercise tick by tick, the art's player picks each take (held 2–3 ticks
//! like the room's frames), and the clock counts down. The window asks it
//! what to draw and when to wake next.

use std::time::Duration;

use iyashi_art::sequence::Player;
use iyashi_core::companion::{Exercise, Light, Scenery, Stage, TICKS_PER_SECOND};
use jiff::SignedDuration;

use super::draw::View;

/// A tick of the stage.
const TICK: Duration = Duration::from_nanos(1_000_000_000 / TICKS_PER_SECOND as u64);

/// The moving parts of the screen.
pub struct Show {
    pub view: View,
    stage: Stage,
    player: Player,
    length: SignedDuration,
    /// Ticks the stage has been moved on.
    ticks: u64,
}

impl Show {
    /// The break's first moment: Goro already at the activity's exercise.
    pub fn new(mut view: View, length: SignedDuration, motion: bool) -> Show {
        let mut stage = Stage::new(
            length.as_secs().unsigned_abs(),
            motion,
            false,
            Scenery::Leaves,
        );
        stage.exercise(Some(Exercise::for_area(view.activity.guide().area)));
        let mut player = Player::new(motion);
        view.goro = player
            .moment(&stage.scene(), 0, Scenery::Leaves, Light::Day)
            .goro;
        view.left = length;
        view.elapsed = 0;
        Show {
            view,
            stage,
            player,
            length,
            ticks: 0,
        }
    }

    /// Moves on to `since` after the break began; true when the frame
    /// looks different now.
    pub fn at(&mut self, since: Duration) -> bool {
        let before = self.view;
        let target = (since.as_nanos() / TICK.as_nanos()) as u64;
        if target > self.ticks {
            let elapsed = u32::try_from(target - self.ticks).unwrap_or(u32::MAX);
            self.stage.advance(elapsed);
            self.ticks = target;
            self.view.goro = self
                .player
                .moment(&self.stage.scene(), elapsed, Scenery::Leaves, Light::Day)
                .goro;
        }
        self.view.elapsed = since.as_secs();
        let gone = SignedDuration::try_from(since).unwrap_or(SignedDuration::MAX);
        // Counted up to the whole second, so "0:00" is never shown while
        // there is still time.
        let left = (self.length - gone).max(SignedDuration::ZERO);
        let secs = left.as_secs() + i64::from(left.subsec_nanos() > 0);
        self.view.left = SignedDuration::from_secs(secs);
        self.view != before
    }

    /// Whether the break's time is up at `since`.
    pub fn over(&self, since: Duration) -> bool {
        SignedDuration::try_from(since).is_ok_and(|s| s >= self.length)
    }

    /// How long after the break began the picture next changes: the next
    /// take, or the countdown's next second, whichever comes first.
    pub fn next_change(&self, since: Duration) -> Duration {
        let next_take = self
            .stage
            .next_change()
            .min(self.player.next_change().unwrap_or(u32::MAX));
        let take_at = TICK
            * u32::try_from(self.ticks)
                .unwrap_or(u32::MAX)
                .saturating_add(next_take);
        let second_at = Duration::from_secs(since.as_secs() + 1);
        take_at.min(second_at).max(since)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::draw::Offer;
    use iyashi_art::room::Shown;
    use iyashi_core::rhythm::{Activity, BreakKind};
    use iyashi_core::Lang;

    fn show(activity: &str, motion: bool) -> Show {
        let view = View {
            lang: Lang::En,
            kind: BreakKind::Rest,
            activity: Activity::by_id(activity).unwrap(),
            left: SignedDuration::ZERO,
            elapsed: 0,
            goro: Shown::at_home("goro.sit", 0),
            offer: Offer::Buttons { later: None },
            hover: None,
            focus: None,
        };
        Show::new(view, SignedDuration::from_mins(5), motion)
    }

    #[test]
    fn goro_does_the_activity_s_exercise_and_changes_take_every_few_ticks() {
        let mut s = show("back-reach-fold", true);
        let mut drawings = Vec::new();
        let mut since = Duration::ZERO;
        let mut changes = 0;
        while since < Duration::from_secs(10) {
            let next = s.next_change(since);
            assert!(
                next > since || next == since && since.is_zero(),
                "{next:?} {since:?}"
            );
            since = next.max(since + TICK);
            changes += u32::from(s.at(since));
            drawings.push(s.view.goro.drawing);
        }
        assert!(
            drawings.iter().any(|d| d.starts_with("goro.stretch")),
            "{drawings:?}"
        );
        // Stop-motion, not a film: far fewer changes than ticks.
        assert!(changes > 10 && changes < 10 * TICKS_PER_SECOND, "{changes}");
    }

    #[test]
    fn the_countdown_counts_whole_seconds_and_ends_at_the_length() {
        let mut s = show("breath-box", true);
        s.at(Duration::from_millis(500));
        assert_eq!(s.view.left, SignedDuration::from_secs(300));
        s.at(Duration::from_secs(1));
        assert_eq!(s.view.left, SignedDuration::from_secs(299));
        assert!(!s.over(Duration::from_secs(299)));
        assert!(s.over(Duration::from_secs(300)));
        s.at(Duration::from_secs(301));
        assert_eq!(s.view.left, SignedDuration::ZERO);
    }
}
