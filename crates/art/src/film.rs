//! A stretch of the stage recorded take by take, for a face that plays the
//! stop-motion without running the stage itself: the web page turns a film
//! into CSS keyframes over a strip of drawings, as a sprite sheet, so the
//! browser steps through the same takes the player would have shown.

use std::fmt::Write;

use iyashi_core::companion::{Light, Scenery, Stage};

use crate::picture::{bounds, place, ViewBox};
use crate::room::Shown;
use crate::sequence::Player;

/// One drawing under one wobble: a slot of a strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Take {
    /// The drawing's id.
    pub drawing: &'static str,
    /// Its wobble.
    pub wobble: u8,
}

/// From `tick` on, a companion shows slot `slot` of its strip, offset by
/// `dx` columns and `dy` rows, or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// When, in ticks from the film's start.
    pub tick: u32,
    /// The slot, and the offset in cells; `None` while the companion is away.
    pub shot: Option<(usize, i8, i8)>,
}

/// One companion's part of a film: the takes it needs, once each, and
/// when each is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reel {
    /// The strip's slots, in the order they first appear.
    pub takes: Vec<Take>,
    /// The cuts, in time order; the first is at tick 0.
    pub cuts: Vec<Cut>,
}

impl Reel {
    fn record(&mut self, tick: u32, shown: Option<Shown>) {
        let shot = shown.map(|s| {
            let take = Take {
                drawing: s.drawing,
                wobble: s.wobble,
            };
            let slot = match self.takes.iter().position(|t| *t == take) {
                Some(slot) => slot,
                None => {
                    self.takes.push(take);
                    self.takes.len() - 1
                }
            };
            (slot, s.dx, s.dy)
        });
        if self.cuts.last().is_none_or(|c| c.shot != shot) {
            self.cuts.push(Cut { tick, shot });
        }
    }

    /// The box every slot of the strip has: the box of its drawings.
    pub fn slot_box(&self) -> Option<ViewBox> {
        self.takes.first().map(|t| bounds(t.drawing))
    }

    /// The strip: each take in its slot, side by side to the right, as SVG
    /// elements in the drawings' own units.
    pub fn strip(&self) -> String {
        let mut out = String::new();
        let Some(b) = self.slot_box() else {
            return out;
        };
        for (i, take) in self.takes.iter().enumerate() {
            place(
                &mut out,
                take.drawing,
                i as f32 * b.w,
                0.0,
                Some(take.wobble),
            );
        }
        out
    }
}

/// A recorded stretch of the room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Film {
    /// How long it lasts, in ticks.
    pub ticks: u32,
    /// Goro's reel.
    pub goro: Reel,
    /// Chibi's.
    pub chibi: Reel,
    /// Piyo's.
    pub piyo: Reel,
    /// The weather's drawing counter at each change.
    pub weather: Vec<(u32, u32)>,
}

/// Plays `stage` through `player` for `ticks`, tick by tick, and keeps what
/// was shown.
pub fn record(
    stage: &mut Stage,
    player: &mut Player,
    ticks: u32,
    scenery: Scenery,
    light: Light,
) -> Film {
    let mut film = Film {
        ticks,
        goro: Reel::default(),
        chibi: Reel::default(),
        piyo: Reel::default(),
        weather: Vec::new(),
    };
    for tick in 0..ticks {
        let moment = player.moment(&stage.scene(), u32::from(tick > 0), scenery, light);
        film.goro.record(tick, Some(moment.goro));
        film.chibi.record(tick, moment.chibi);
        film.piyo.record(tick, moment.piyo);
        if film.weather.last().is_none_or(|w| w.1 != moment.weather) {
            film.weather.push((tick, moment.weather));
        }
        stage.advance(1);
    }
    film
}

/// CSS keyframes that step a companion through a reel's cuts, held from
/// one cut to the next (the rule that plays them uses `steps(1, end)`):
/// `@keyframes {name}-take` moves the strip so the cut's slot is in its
/// window, and `@keyframes {name}-place` moves that window to the cut's
/// offset (hiding it while the companion is away). `column` and `row` are a
/// cell's size in the units the strip is drawn in.
pub fn keyframes(reel: &Reel, ticks: u32, name: &str, column: f32, row: f32) -> String {
    let width = reel.slot_box().map_or(0.0, |b| b.w);
    let (mut take, mut place) = (String::new(), String::new());
    let _ = write!(take, "@keyframes {name}-take{{");
    let _ = write!(place, "@keyframes {name}-place{{");
    for cut in &reel.cuts {
        let at = f64::from(cut.tick) * 100.0 / f64::from(ticks.max(1));
        match cut.shot {
            Some((slot, dx, dy)) => {
                let _ = write!(
                    take,
                    "{at:.3}%{{transform:translate({}px,0)}}",
                    -(slot as f32) * width
                );
                let _ = write!(
                    place,
                    "{at:.3}%{{transform:translate({}px,{}px);opacity:1}}",
                    f32::from(dx) * column,
                    f32::from(dy) * row
                );
            }
            None => {
                let _ = write!(place, "{at:.3}%{{opacity:0}}");
            }
        }
    }
    take.push('}');
    place.push('}');
    take + "\n" + &place
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::companion::{Cue, TICKS_PER_SECOND};

    fn ninety_seconds(motion: bool) -> Film {
        let mut stage = Stage::new(4, motion, false, Scenery::Leaves);
        stage.cue(Cue::JoyAdded);
        let mut player = Player::new(motion);
        record(
            &mut stage,
            &mut player,
            90 * TICKS_PER_SECOND,
            Scenery::Leaves,
            Light::Dusk,
        )
    }

    #[test]
    fn a_film_replays_what_the_player_showed() {
        let film = ninety_seconds(true);
        let mut stage = Stage::new(4, true, false, Scenery::Leaves);
        stage.cue(Cue::JoyAdded);
        let mut player = Player::new(true);
        let mut cut = 0;
        for tick in 0..film.ticks {
            let m = player.moment(
                &stage.scene(),
                u32::from(tick > 0),
                Scenery::Leaves,
                Light::Dusk,
            );
            while cut + 1 < film.goro.cuts.len() && film.goro.cuts[cut + 1].tick <= tick {
                cut += 1;
            }
            let (slot, dx, dy) = film.goro.cuts[cut].shot.expect("Goro is always home");
            let take = film.goro.takes[slot];
            assert_eq!(
                (take.drawing, take.wobble, dx, dy),
                (m.goro.drawing, m.goro.wobble, m.goro.dx, m.goro.dy),
                "tick {tick}"
            );
            stage.advance(1);
        }
    }

    #[test]
    fn a_strip_holds_each_take_once_and_stays_small() {
        let film = ninety_seconds(true);
        for reel in [&film.goro, &film.chibi, &film.piyo] {
            for (i, a) in reel.takes.iter().enumerate() {
                assert!(!reel.takes[i + 1..].contains(a), "{a:?} twice");
                assert!(crate::cast::defines(a.drawing));
            }
        }
        assert!(
            film.goro.takes.len() <= 48,
            "{} takes",
            film.goro.takes.len()
        );
        assert!(film.goro.strip().len() < 6_000);
        // The strip is SVG a document can hold.
        let b = film.goro.slot_box().expect("takes");
        let doc = crate::picture::document(
            ViewBox::new(b.x, b.y, b.w * film.goro.takes.len() as f32, b.h),
            400,
            40,
            &film.goro.strip(),
        );
        crate::render::parse(&doc).expect("parses");
    }

    #[test]
    fn keyframes_step_through_the_cuts_in_order() {
        let film = ninety_seconds(true);
        let css = keyframes(&film.goro, film.ticks, "goro", 10.0, 18.0);
        assert!(css.starts_with("@keyframes goro-take{0.000%{"));
        assert!(css.contains("@keyframes goro-place{0.000%{"));
        let at: Vec<f64> = css
            .split('%')
            .filter_map(|p| p.rsplit(['{', '}']).next()?.parse().ok())
            .collect();
        assert!(at.len() >= 2 * film.goro.cuts.len() - 1);
        // The joy's hug is a slot of its own.
        assert!(film.goro.takes.iter().any(|t| t.drawing == "goro.squeeze"));
    }

    #[test]
    fn without_motion_a_film_is_few_takes_all_of_the_first_wobble() {
        let film = ninety_seconds(false);
        assert!(film.goro.takes.iter().all(|t| t.wobble == 0));
        assert!(film.weather.len() == 1, "the weather stays still");
    }
}
