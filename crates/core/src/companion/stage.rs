//! The stage: which drawing of each companion is showing, advanced tick by
//! tick, and the reactions a [`Cue`] starts. See the [module docs](super).

use super::clips::{self, Clip, Frame};
use super::pose::{ChibiPose, GoroPose, PiyoPose};
use super::scenery::Scenery;
use super::TICKS_PER_SECOND;
use crate::catalogue::activities::Area;

/// Something that happened in the room that the companions react to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A small joy was kept: Goro turns and hugs a pillow.
    JoyAdded,
    /// A low mood was noted: Goro just sits closer.
    LowMood,
    /// A break is due or begins: Goro stretches, Piyo chirps.
    BreakTime,
    /// Piyo has something to say: he comes and chirps.
    PiyoSpeaks,
    /// It is late: Goro yawns and points to bed.
    LateNight,
}

/// What Goro does, over and over, while a break's activity lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Exercise {
    /// Arms up high, held, and down.
    ArmsUp,
    /// Shoulders rolled up, back and down.
    Shoulders,
    /// A slow breath in and a longer one out.
    Breathing,
}

impl Exercise {
    /// Every exercise.
    pub const ALL: [Exercise; 3] = [Exercise::ArmsUp, Exercise::Shoulders, Exercise::Breathing];

    fn clip(self) -> &'static Clip<GoroPose> {
        match self {
            Exercise::ArmsUp => &clips::ARMS_UP,
            Exercise::Shoulders => &clips::SHOULDER_ROLL,
            Exercise::Breathing => &clips::SLOW_BREATH,
        }
    }

    /// What Goro does along with an activity for this part of the body.
    ///
    /// ```
    /// use iyashi_core::catalogue::activities::Area;
    /// use iyashi_core::companion::Exercise;
    /// assert_eq!(Exercise::for_area(Area::Neck), Exercise::Shoulders);
    /// assert_eq!(Exercise::for_area(Area::Eyes), Exercise::Breathing);
    /// ```
    pub fn for_area(area: Area) -> Exercise {
        match area {
            Area::Neck | Area::Shoulders => Exercise::Shoulders,
            Area::Hands | Area::Back | Area::Legs => Exercise::ArmsUp,
            // Resting the eyes, a glass of water, a breath: he breathes.
            Area::Eyes | Area::Water | Area::Breathing => Exercise::Breathing,
        }
    }

    /// Ticks one round of it takes, so a pacer can count along.
    pub fn round(self) -> u32 {
        self.clip().length()
    }
}

/// A drawing and where it is, as an offset from its companion's place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed<P> {
    /// The drawing.
    pub pose: P,
    /// Columns right of the companion's place.
    pub dx: i8,
    /// Rows below it.
    pub dy: i8,
}

/// Everything a room needs to draw one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scene {
    /// Goro is always there.
    pub goro: Placed<GoroPose>,
    /// Piyo, unless he is off somewhere.
    pub piyo: Option<Placed<PiyoPose>>,
    /// Chibi, when he is visiting.
    pub chibi: Option<Placed<ChibiPose>>,
    /// Which drawing of the window's weather (to be taken modulo how many
    /// drawings the room has).
    pub window: u32,
}

/// What happened during [`Stage::advance`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Beat {
    /// Some drawing changed: the room should be drawn again.
    pub changed: bool,
    /// Chibi has just arrived with a small joy to suggest.
    pub chibi_suggests: bool,
}

/// Every drawing a stage can show of each companion, at every offset it can
/// show it at: what a room keeps clear of the others and of its furniture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Goro's.
    pub goro: Vec<Placed<GoroPose>>,
    /// Piyo's.
    pub piyo: Vec<Placed<PiyoPose>>,
    /// Chibi's.
    pub chibi: Vec<Placed<ChibiPose>>,
}

impl Reach {
    /// Where everyone may go.
    pub fn of_stage() -> Reach {
        fn placed<P: Copy + PartialEq>(clips: &[&Clip<P>], base: i8, out: &mut Vec<Placed<P>>) {
            for frame in clips.iter().flat_map(|c| c.frames) {
                let p = Placed {
                    pose: frame.pose,
                    dx: base + frame.dx,
                    dy: frame.dy,
                };
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        let mut reach = Reach {
            goro: Vec::new(),
            piyo: Vec::new(),
            chibi: Vec::new(),
        };
        for base in [0, CLOSER_DX] {
            placed(clips::GORO, base, &mut reach.goro);
        }
        placed(clips::GORO_CLOSER, CLOSER_DX, &mut reach.goro);
        placed(clips::PIYO, 0, &mut reach.piyo);
        placed(clips::CHIBI, 0, &mut reach.chibi);
        reach
    }
}

/// How far Goro moves when he sits closer, in columns.
pub const CLOSER_DX: i8 = 6;

struct Track<P: 'static> {
    clip: &'static Clip<P>,
    at: usize,
    left: u32,
    /// Motion is off: only the key drawing shows, then the clip ends.
    still: bool,
}

impl<P: Copy> Track<P> {
    fn frame(&self) -> Frame<P> {
        self.clip.frames[self.at]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    Away,
    Here,
}

/// The three companions and the window, moving on a shared tick.
pub struct Stage {
    motion: bool,
    rng: u64,
    window_hold: u32,
    window: u32,
    window_left: u32,
    goro: Track<GoroPose>,
    closer: bool,
    exercise: Option<Exercise>,
    since_roll: u32,
    piyo: Option<Track<PiyoPose>>,
    piyo_away_left: u32,
    piyo_will_chirp: bool,
    chibi: Option<Track<ChibiPose>>,
    chibi_visit: Visit,
    chibi_left: u32,
    chibi_suggests: bool,
}

fn secs(s: u32) -> u32 {
    s * TICKS_PER_SECOND
}

impl Stage {
    /// Everyone at home: Goro on his cushion, Piyo on the sill, Chibi beside
    /// Goro. `seed` makes the idle choices repeatable; without `motion` only
    /// the telling drawing of each sequence is shown; `closer` starts Goro
    /// already close (a low mood earlier today).
    pub fn new(seed: u64, motion: bool, closer: bool, scenery: Scenery) -> Stage {
        let mut stage = Stage {
            motion,
            rng: seed ^ 0x9E37_79B9_7F4A_7C15,
            window_hold: u32::from(scenery.hold()),
            window: 0,
            window_left: u32::from(scenery.hold()),
            goro: Track {
                clip: &clips::BREATHE,
                at: 0,
                left: 1,
                still: false,
            },
            closer,
            exercise: None,
            since_roll: 0,
            piyo: None,
            piyo_away_left: 0,
            piyo_will_chirp: false,
            chibi: None,
            chibi_visit: Visit::Here,
            chibi_left: 0,
            chibi_suggests: false,
        };
        stage.goro = stage.start(&clips::BREATHE, 36..60);
        stage.piyo = Some(stage.start(&clips::PIYO_PERCH, 72..200));
        stage.chibi = Some(stage.start(&clips::CHIBI_SIT, 96..200));
        stage.chibi_left = secs(20) + stage.roll(secs(20));
        stage
    }

    /// What to draw now.
    pub fn scene(&self) -> Scene {
        let g = self.goro.frame();
        let base = if self.closer { CLOSER_DX } else { 0 };
        Scene {
            goro: Placed {
                pose: g.pose,
                dx: base + g.dx,
                dy: g.dy,
            },
            piyo: self.piyo.as_ref().map(|t| {
                let f = t.frame();
                Placed {
                    pose: f.pose,
                    dx: f.dx,
                    dy: f.dy,
                }
            }),
            chibi: self.chibi.as_ref().map(|t| {
                let f = t.frame();
                Placed {
                    pose: f.pose,
                    dx: f.dx,
                    dy: f.dy,
                }
            }),
            window: self.window,
        }
    }

    /// Ticks until some drawing changes, so a room can sleep until then.
    pub fn next_change(&self) -> u32 {
        let mut next = self.goro.left;
        if self.motion {
            next = next.min(self.window_left);
        }
        match &self.piyo {
            Some(t) => next = next.min(t.left),
            None => next = next.min(self.piyo_away_left),
        }
        match &self.chibi {
            Some(t) => next = next.min(t.left),
            None => next = next.min(self.chibi_left),
        }
        next.max(1)
    }

    /// Starts a reaction. It interrupts whatever idle sequence was playing.
    pub fn cue(&mut self, cue: Cue) {
        match cue {
            Cue::JoyAdded => self.goro = self.start(&clips::HUG, 0..1),
            Cue::LowMood if !self.closer => {
                self.closer = true;
                self.goro = self.start(&clips::SCOOT, 0..1);
            }
            // Already close: he stays where he is.
            Cue::LowMood => {}
            Cue::LateNight => self.goro = self.start(&clips::YAWN, 0..1),
            Cue::BreakTime => {
                self.goro = self.start(&clips::STRETCH, 0..1);
                self.piyo_chirp();
            }
            Cue::PiyoSpeaks => self.piyo_chirp(),
        }
    }

    /// Starts an exercise for a break's activity (Goro repeats it until
    /// told otherwise), or with `None` ends it and lets him sit.
    pub fn exercise(&mut self, exercise: Option<Exercise>) {
        if self.exercise == exercise {
            return;
        }
        self.exercise = exercise;
        self.goro = match exercise {
            Some(e) => self.start(e.clip(), 0..1),
            None => self.start(&clips::BREATHE, 12..24),
        };
    }

    /// Lets `ticks` pass.
    pub fn advance(&mut self, mut ticks: u32) -> Beat {
        let mut beat = Beat::default();
        // Beyond a few minutes (a suspended laptop) nothing is worth replaying.
        ticks = ticks.min(secs(300));
        while ticks > 0 {
            let step = ticks.min(self.next_change());
            ticks -= step;
            let before = self.scene();
            self.step(step);
            beat.changed |= self.scene() != before;
        }
        beat.chibi_suggests = std::mem::take(&mut self.chibi_suggests);
        beat
    }

    fn step(&mut self, step: u32) {
        if self.motion {
            self.window_left -= step.min(self.window_left);
            if self.window_left == 0 {
                self.window = self.window.wrapping_add(1);
                self.window_left = self.window_hold;
            }
        }
        self.since_roll = self.since_roll.saturating_add(step);
        if Self::run(&mut self.goro, step) {
            self.goro = self.next_goro();
        }
        self.step_piyo(step);
        self.step_chibi(step);
    }

    /// Counts `step` ticks off a track; true when its clip has ended.
    fn run<P: Copy>(track: &mut Track<P>, step: u32) -> bool {
        track.left -= step.min(track.left);
        if track.left > 0 {
            return false;
        }
        if !track.still && track.at + 1 < track.clip.frames.len() {
            track.at += 1;
            track.left = u32::from(track.clip.frames[track.at].hold).max(1);
            return false;
        }
        true
    }

    fn start<P: Copy>(&mut self, clip: &'static Clip<P>, wait: std::ops::Range<u32>) -> Track<P> {
        let first = clip.frames[0].hold;
        let random = wait.start + self.roll(wait.end.saturating_sub(wait.start).max(1));
        if !self.motion {
            // Still pictures: only the telling drawing, for as long as the
            // whole sequence would have taken.
            let length = clip.length() + if first == 0 { random } else { 0 };
            return Track {
                clip,
                at: clip.key,
                left: length.max(1),
                still: true,
            };
        }
        Track {
            clip,
            at: 0,
            left: if first == 0 { random } else { u32::from(first) }.max(1),
            still: false,
        }
    }

    fn next_goro(&mut self) -> Track<GoroPose> {
        if let Some(exercise) = self.exercise {
            return self.start(exercise.clip(), 0..1);
        }
        let r = self.roll(100);
        if self.motion && r < 8 && self.since_roll > secs(90) {
            self.since_roll = 0;
            self.start(&clips::ROLL_OVER, 0..1)
        } else if r < 30 {
            self.start(&clips::BLINK, 36..72)
        } else {
            self.start(&clips::BREATHE, 36..60)
        }
    }

    fn piyo_chirp(&mut self) {
        if self.piyo.is_some() {
            self.piyo = Some(self.start(&clips::PIYO_CHIRP, 0..1));
        } else {
            self.piyo_will_chirp = true;
            self.piyo = Some(self.start(&clips::PIYO_FLY_IN, 0..1));
        }
    }

    fn step_piyo(&mut self, step: u32) {
        let Some(track) = self.piyo.as_mut() else {
            self.piyo_away_left -= step.min(self.piyo_away_left);
            if self.piyo_away_left == 0 {
                self.piyo = Some(self.start(&clips::PIYO_FLY_IN, 0..1));
            }
            return;
        };
        if !Self::run(track, step) {
            return;
        }
        let ended = track.clip;
        if std::ptr::eq(ended, &clips::PIYO_FLY_AWAY) {
            self.piyo = None;
            self.piyo_away_left = secs(20) + self.roll(secs(70));
            return;
        }
        if std::mem::take(&mut self.piyo_will_chirp) {
            self.piyo = Some(self.start(&clips::PIYO_CHIRP, 0..1));
            return;
        }
        let r = self.roll(100);
        let next = if r < 55 {
            self.start(&clips::PIYO_HOP, 0..1)
        } else if r < 88 || !self.motion {
            self.start(&clips::PIYO_PERCH, 72..240)
        } else {
            self.start(&clips::PIYO_FLY_AWAY, 0..1)
        };
        self.piyo = Some(next);
    }

    fn step_chibi(&mut self, step: u32) {
        self.chibi_left -= step.min(self.chibi_left);
        let Some(track) = self.chibi.as_mut() else {
            if self.chibi_left == 0 {
                self.chibi_visit = Visit::Here;
                self.chibi_left = secs(25) + self.roll(secs(25));
                self.chibi = Some(self.start(&clips::CHIBI_WALK_IN, 0..1));
            }
            return;
        };
        if !Self::run(track, step) {
            return;
        }
        let ended = track.clip;
        if std::ptr::eq(ended, &clips::CHIBI_WALK_OUT) {
            self.chibi = None;
            self.chibi_visit = Visit::Away;
            self.chibi_left = secs(60) + self.roll(secs(180));
            return;
        }
        if std::ptr::eq(ended, &clips::CHIBI_WALK_IN) && self.roll(100) < 60 {
            self.chibi_suggests = true;
            self.chibi = Some(self.start(&clips::CHIBI_WAVE, 0..1));
            return;
        }
        let next = if self.chibi_visit == Visit::Here && self.chibi_left == 0 {
            self.chibi_visit = Visit::Away;
            self.start(&clips::CHIBI_WALK_OUT, 0..1)
        } else if self.roll(100) < 15 {
            self.start(&clips::CHIBI_WAVE, 0..1)
        } else {
            self.start(&clips::CHIBI_SIT, 72..200)
        };
        self.chibi = Some(next);
    }

    /// A number in `0..n` from the stage's own generator (xorshift64*), so
    /// the same seed replays the same day.
    fn roll(&mut self, n: u32) -> u32 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32;
        (r % u64::from(n.max(1))) as u32
    }
}
