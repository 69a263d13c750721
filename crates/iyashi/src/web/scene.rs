//! The web room's scene: the drawn cast (`iyashi-art`) in one inline SVG,
//! moved by the core's [`Stage`] as a film the browser plays by itself.
//!
//! The stage is recorded take by take ([`iyashi_art::film`]) for each part
//! the page plays: an idle loop, the reactions to a kept joy and to a
//! break, and the slow breath Goro keeps up while a break lasts. Each
//! companion gets one strip holding every take of every part once; its CSS
//! keyframes step the strip behind a window the size of one take, held
//! from cut to cut with `steps(1, end)`, so the browser shows the same
//! drawings, for the same ticks, as the stage would have. The page's CSP
//! allows no inline `<style>`, so the keyframes come as `/film.css`, made
//! from the same [`FilmSpec`] as the scene's strips.
//!
//! Goro's part of each recording also says what he is doing, movement by
//! movement ([`Doing`]), for the scene's text alternative.

use std::fmt::Write;

use iyashi_art::film::{self, Cut, Film, Reel, Take};
use iyashi_art::picture::{place, WINDOW_BOX};
use iyashi_art::room::{self, CHIBI_AT, COLUMN, GORO_AT, PIYO_AT, ROW};
use iyashi_art::sequence::Player;
use iyashi_core::companion::{
    Cue, Doing, Exercise, GoroPose, Light, Scenery, Stage, TICKS_PER_SECOND,
};
use serde::Serialize;

/// Every drawing of the cast in one SVG document's `<defs>`, for the page
/// to take into its scene.
pub fn library() -> &'static str {
    static LIBRARY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| {
        iyashi_art::picture::document(room::ROOM_BOX, room::ROOM_PIXELS.0, room::ROOM_PIXELS.1, "")
    })
}

/// What a film is made from: the stage's inputs. The scene's strips and
/// the stylesheet's keyframes are both made from one, so they agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FilmSpec {
    /// The stage's seed (one a day, so a day replays the same).
    pub seed: u64,
    /// Movement, or still drawings only (the room's setting, or the
    /// reader's wish for reduced motion).
    pub motion: bool,
    /// Goro sits closer (a low mood earlier today).
    pub closer: bool,
    /// The season outside.
    pub scenery: Scenery,
}

impl FilmSpec {
    /// The spec as one URL-safe word: `20417.1.0.leaves`.
    pub fn word(&self) -> String {
        let season = self.scenery.name().trim_start_matches("window.");
        format!(
            "{}.{}.{}.{season}",
            self.seed,
            u8::from(self.motion),
            u8::from(self.closer)
        )
    }

    /// The spec a [`FilmSpec::word`] names, if it names one.
    pub fn parse(word: &str) -> Option<FilmSpec> {
        let mut parts = word.split('.');
        let seed = parts.next()?.parse().ok()?;
        let flag = |p: Option<&str>| match p? {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        };
        let motion = flag(parts.next())?;
        let closer = flag(parts.next())?;
        let season = parts.next()?;
        let scenery = Scenery::ALL
            .into_iter()
            .find(|s| s.name().strip_prefix("window.") == Some(season))?;
        parts.next().is_none().then_some(FilmSpec {
            seed,
            motion,
            closer,
            scenery,
        })
    }
}

/// A part of the film: when the page plays it, and how it is recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The room going about its day, looped.
    Idle,
    /// A joy was kept: Goro hugs a pillow.
    Joy,
    /// A break begins: Goro stretches, Piyo chirps.
    Rest,
    /// While the break lasts: a slow breath to breathe along with, looped.
    Breath,
}

impl Part {
    /// Every part, in the order the stylesheet gives them.
    pub const ALL: [Part; 4] = [Part::Idle, Part::Joy, Part::Rest, Part::Breath];

    /// Its name in the stylesheet and for the page's script.
    pub fn name(self) -> &'static str {
        match self {
            Part::Idle => "idle",
            Part::Joy => "joy",
            Part::Rest => "rest",
            Part::Breath => "breath",
        }
    }

    /// How long it is, in ticks.
    fn ticks(self) -> u32 {
        match self {
            Part::Idle => IDLE_SECONDS * TICKS_PER_SECOND,
            Part::Joy => JOY_SECONDS * TICKS_PER_SECOND,
            Part::Rest => REST_SECONDS * TICKS_PER_SECOND,
            Part::Breath => Exercise::Breathing.round(),
        }
    }

    fn record(self, spec: &FilmSpec) -> Film {
        let mut stage = Stage::new(spec.seed, spec.motion, spec.closer, spec.scenery);
        match self {
            Part::Idle => {}
            Part::Joy => stage.cue(Cue::JoyAdded),
            Part::Rest => stage.cue(Cue::BreakTime),
            Part::Breath => stage.exercise(Some(Exercise::Breathing)),
        }
        let mut player = Player::new(spec.motion);
        // The light changes nothing a strip holds: the window is drawn apart.
        film::record(
            &mut stage,
            &mut player,
            self.ticks(),
            spec.scenery,
            Light::Day,
        )
    }
}

/// Seconds of idle life the page loops.
pub const IDLE_SECONDS: u32 = 90;
/// Seconds the joy's hug plays before the idle loop takes over.
pub const JOY_SECONDS: u32 = 5;
/// Seconds the break's stretch plays before the slow breath takes over:
/// the stretch and hardly more, so he goes from one to the other.
pub const REST_SECONDS: u32 = 2;
/// A movement shorter than this is not told in words: it would only make
/// a screen reader chatter.
const TOLD_AFTER_TICKS: u32 = TICKS_PER_SECOND;
/// Room units between the weather's drawings on their strip: twice the
/// window, so no drawing reaches into its neighbour's view.
const WEATHER_SPACING: f32 = 2.0 * WINDOW_BOX.w;

/// The companions, in the order they are drawn (Piyo's sill is behind
/// Goro), with their places.
const COMPANIONS: [(&str, (f32, f32)); 3] =
    [("piyo", PIYO_AT), ("goro", GORO_AT), ("chibi", CHIBI_AT)];

/// Every part recorded from one spec, and each companion's one strip.
pub struct Films {
    pub spec: FilmSpec,
    pub parts: Vec<(Part, Film)>,
}

impl Films {
    /// Records every part.
    pub fn record(spec: FilmSpec) -> Films {
        Films {
            spec,
            parts: Part::ALL.iter().map(|&p| (p, p.record(&spec))).collect(),
        }
    }

    /// Companion `who`'s reel: by its place in [`COMPANIONS`].
    fn reel(film: &Film, who: usize) -> &Reel {
        match COMPANIONS[who].0 {
            "piyo" => &film.piyo,
            "goro" => &film.goro,
            _ => &film.chibi,
        }
    }

    /// Companion `who`'s strip: every take any part shows, once, in the
    /// order they first appear.
    fn strip(&self, who: usize) -> Vec<Take> {
        let mut takes: Vec<Take> = Vec::new();
        for (_, film) in &self.parts {
            for take in &Self::reel(film, who).takes {
                if !takes.contains(take) {
                    takes.push(*take);
                }
            }
        }
        takes
    }

    /// A part's reel for companion `who`, its cuts pointing into the
    /// companion's whole strip.
    fn on_strip(&self, film: &Film, who: usize) -> Reel {
        let strip = self.strip(who);
        let reel = Self::reel(film, who);
        let cuts = reel
            .cuts
            .iter()
            .map(|cut| Cut {
                tick: cut.tick,
                shot: cut.shot.map(|(slot, dx, dy)| {
                    let take = reel.takes[slot];
                    let at = strip.iter().position(|t| *t == take).unwrap_or(0);
                    (at, dx, dy)
                }),
            })
            .collect();
        Reel { takes: strip, cuts }
    }

    /// The scene as an SVG document of room units, for the page to put in
    /// its own `<svg>` under the cast's library (`/cast.svg`): the room at
    /// `light`, the weather's strip in the window, and a window onto each
    /// companion's strip.
    pub fn svg(&self, light: Light) -> String {
        let scenery = self.spec.scenery;
        let mut out = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        room::setting(&mut out, light, |out| {
            room::window_with(out, scenery, light, |out| {
                out.push_str("<g class=\"weather\">");
                for i in 0..room::weather_frames(scenery) {
                    let drawing = room::weather(scenery, i);
                    place(out, &drawing, i as f32 * WEATHER_SPACING, 0.0, None);
                }
                out.push_str("</g>");
            })
        });
        for (who, (name, at)) in COMPANIONS.iter().enumerate() {
            let reel = Reel {
                takes: self.strip(who),
                cuts: Vec::new(),
            };
            let Some(b) = reel.slot_box() else { continue };
            let _ = write!(
                out,
                "<g class=\"{name}-place\"><svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
                 viewBox=\"{} {} {} {}\"><g class=\"{name}-take\">{}</g></svg></g>",
                at.0 + b.x,
                at.1 + b.y,
                b.w,
                b.h,
                b.x,
                b.y,
                b.w,
                b.h,
                reel.strip()
            );
        }
        out.push_str("</svg>");
        out
    }

    /// The stylesheet that plays the film over [`Films::svg`]'s strips.
    /// Without motion every part holds its first, telling drawing.
    pub fn css(&self) -> String {
        let mut css =
            String::from("/* made by iyashi from the core's stage; see web/scene.rs */\n");
        for (part, film) in &self.parts {
            for (who, (name, _)) in COMPANIONS.iter().enumerate() {
                let reel = self.on_strip(film, who);
                if reel.takes.is_empty() {
                    continue;
                }
                let frames = film::keyframes(
                    &reel,
                    film.ticks,
                    &format!("{}-{name}", part.name()),
                    COLUMN,
                    ROW,
                );
                css.push_str(&frames);
                css.push('\n');
            }
        }
        let seconds = |part: Part| {
            let ticks = self
                .parts
                .iter()
                .find(|(p, _)| *p == part)
                .map_or(1, |(_, f)| f.ticks);
            format!("{}s", f64::from(ticks) / f64::from(TICKS_PER_SECOND))
        };
        let (idle, joy, rest, breath) = (
            seconds(Part::Idle),
            seconds(Part::Joy),
            seconds(Part::Rest),
            seconds(Part::Breath),
        );
        for (name, _) in COMPANIONS {
            for layer in ["take", "place"] {
                let play = |part: Part, time: &str, rest: &str| {
                    format!("{}-{name}-{layer} {time} steps(1,end){rest}", part.name())
                };
                let idle = play(Part::Idle, &idle, " infinite");
                let joy = play(Part::Joy, &joy, "");
                let breath_loop = play(Part::Breath, &breath, " infinite");
                // Still, a break shows the breath's telling drawing at once.
                let rest = if self.spec.motion {
                    format!(
                        "{},{}",
                        play(Part::Rest, &rest, ""),
                        play(Part::Breath, &breath, &format!(" {rest} infinite"))
                    )
                } else {
                    breath_loop
                };
                let _ = writeln!(
                    css,
                    ".{name}-{layer}{{animation:{idle}}}\n\
                     .scene.joy .{name}-{layer}{{animation:{joy}}}\n\
                     .scene.rest .{name}-{layer}{{animation:{rest}}}"
                );
            }
        }
        let scenery = self.spec.scenery;
        let frames = room::weather_frames(scenery);
        let period = f64::from(frames * u32::from(scenery.hold())) / f64::from(TICKS_PER_SECOND);
        let _ = writeln!(
            css,
            "@keyframes weather{{to{{transform:translate({}px,0)}}}}\n\
             .weather{{animation:weather {period}s steps({frames}) infinite}}",
            -(frames as f32) * WEATHER_SPACING
        );
        if !self.spec.motion {
            css.push_str(".scene *{animation-play-state:paused!important}\n");
        }
        css
    }

    /// What Goro is doing through each part, for the text alternative:
    /// `(seconds from the part's start, movement)` at each change, leaving
    /// out movements too short to be worth saying.
    pub fn doing(&self) -> Vec<PartDoing> {
        self.parts
            .iter()
            .map(|(part, film)| PartDoing {
                part: part.name(),
                seconds: f64::from(film.ticks) / f64::from(TICKS_PER_SECOND),
                doing: told(film)
                    .into_iter()
                    .map(|(tick, d)| (f64::from(tick) / f64::from(TICKS_PER_SECOND), d.key()))
                    .collect(),
            })
            .collect()
    }
}

/// One part's movements, as the page's script reads them.
#[derive(Debug, Serialize)]
pub struct PartDoing {
    pub part: &'static str,
    pub seconds: f64,
    pub doing: Vec<(f64, &'static str)>,
}

/// Goro's movements through `film`, each with the tick it begins; one
/// shorter than [`TOLD_AFTER_TICKS`] is folded into the one before.
fn told(film: &Film) -> Vec<(u32, Doing)> {
    let reel = &film.goro;
    let mut runs: Vec<(u32, Doing)> = Vec::new();
    for cut in &reel.cuts {
        let Some((slot, _, _)) = cut.shot else {
            continue;
        };
        let drawing = reel.takes[slot].drawing;
        let pose = GoroPose::ALL.iter().find(|p| p.name() == drawing);
        let doing = pose.map_or(Doing::Lounging, |&p| Doing::of(p));
        if runs.last().is_none_or(|(_, d)| *d != doing) {
            runs.push((cut.tick, doing));
        }
    }
    let lasting = runs.iter().enumerate().filter(|(i, (tick, _))| {
        let until = runs.get(i + 1).map_or(film.ticks, |r| r.0);
        until - tick >= TOLD_AFTER_TICKS
    });
    let mut out: Vec<(u32, Doing)> = Vec::new();
    for (_, &(tick, doing)) in lasting {
        if out.last().is_none_or(|(_, d)| *d != doing) {
            out.push((tick, doing));
        }
    }
    match out.first_mut() {
        // Whatever he does first is what he is doing from the start.
        Some(first) => first.0 = 0,
        None => out.push((0, runs.first().map_or(Doing::Lounging, |r| r.1))),
    }
    out
}

#[cfg(test)]
#[path = "scene_tests.rs"]
mod tests;
