//! The web room's sprites and its film, both made at run time from what the
//! terminal room already has, so there is one Goro, not two.
//!
//! - The drawings are the terminal room's own text art
//!   (`room/frames/*.txt`, included here as they are): each companion's
//!   poses become one SVG sprite sheet, one slot per pose, every character
//!   placed in its cell and coloured by its ink, over a soft felt-like
//!   patch of the same ink so the figures read as shapes, not just text.
//! - The movement is the core's [`Stage`], the same one that moves the
//!   terminal room: it is played for a while, tick by tick, and what it
//!   showed becomes CSS keyframes held with `steps(1, end)`, so the browser
//!   plays the same stop-motion, drawing by drawing, without any script.
//!
//! The room module keeps its parser of the art private, so the few lines of
//! the format (see `room/art.rs`) are read again here.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use iyashi_core::companion::{ChibiPose, Cue, GoroPose, PiyoPose, Placed, Scenery, Stage};
use iyashi_core::companion::{CLOSER_DX, TICKS_PER_SECOND};

const FILES: &[&str] = &[
    include_str!("../room/frames/goro.txt"),
    include_str!("../room/frames/friends.txt"),
    include_str!("../room/frames/window.txt"),
];

/// A character cell, in CSS pixels.
pub const CELL_W: u32 = 10;
/// A character cell's height, in CSS pixels.
pub const CELL_H: u32 = 18;
/// The room's size in cells: the terminal room at 60 columns by 20 rows.
pub const ROOM: (i32, i32) = (60, 20);

/// One drawing: rows of optional (character, ink letter).
#[derive(Debug, Default)]
struct Art {
    rows: Vec<Vec<Option<(char, char)>>>,
}

impl Art {
    fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

fn library() -> &'static HashMap<&'static str, Art> {
    static LIBRARY: OnceLock<HashMap<&'static str, Art>> = OnceLock::new();
    LIBRARY.get_or_init(|| FILES.iter().flat_map(|f| parse(f)).collect())
}

fn get(name: &str) -> &'static Art {
    static EMPTY: Art = Art { rows: Vec::new() };
    library().get(name).unwrap_or(&EMPTY)
}

fn count(prefix: &str) -> usize {
    (1..)
        .take_while(|i| library().contains_key(format!("{prefix}.{i}").as_str()))
        .count()
}

/// A drawing being read: name, ink, its lines, its mask, and whether the
/// mask has begun.
type Draft<'a> = (&'a str, char, Vec<&'a str>, Vec<&'a str>, bool);

fn parse(text: &'static str) -> Vec<(&'static str, Art)> {
    let mut out: Vec<Draft> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") || line == "#" {
            continue;
        }
        if let Some(head) = line.strip_prefix("== ") {
            let mut head = head.split_whitespace();
            let name = head.next().unwrap_or_default();
            let ink = head.next().and_then(|l| l.chars().next()).unwrap_or('t');
            out.push((name, ink, Vec::new(), Vec::new(), false));
        } else if let Some(d) = out.last_mut() {
            match line {
                "--" => d.4 = true,
                _ if d.4 => d.3.push(line.trim_end()),
                _ => d.2.push(line.trim_end()),
            }
        }
    }
    out.into_iter()
        .map(|(name, ink, mut glyphs, mask, _)| {
            while glyphs.last().is_some_and(|l| l.is_empty()) {
                glyphs.pop();
            }
            let rows = glyphs
                .iter()
                .enumerate()
                .map(|(r, line)| {
                    let letters: Vec<char> =
                        mask.get(r).map_or(Vec::new(), |m| m.chars().collect());
                    line.chars()
                        .enumerate()
                        .map(|(c, ch)| {
                            let own = letters.get(c).copied().filter(|l| color(*l).is_some());
                            (ch != ' ').then_some((ch, own.unwrap_or(ink)))
                        })
                        .collect()
                })
                .collect();
            (name, Art { rows })
        })
        .collect()
}

/// The colour of an ink letter: the terminal room's 256-colour palette, as
/// CSS colours, for the same warm room on a dark evening wall.
fn color(letter: char) -> Option<&'static str> {
    Some(match letter {
        't' => "#d0d0d0",
        'i' => "#8a8a8a",
        'b' | 'f' => "#af875f",
        'm' => "#d7af87",
        'd' | 'e' => "#ffffd7",
        'x' => "#d78787",
        'z' => "#af5f5f",
        'c' => "#ffd7d7",
        'k' => "#d7af5f",
        'y' => "#ffd75f",
        'o' => "#ff8700",
        'p' => "#ffafd7",
        'r' => "#d75f5f",
        'g' => "#87af5f",
        'w' => "#eeeeee",
        'u' => "#87afd7",
        's' => "#ffaf5f",
        'l' => "#ffffaf",
        'a' => "#87875f",
        _ => return None,
    })
}

fn escape(ch: char, out: &mut String) {
    match ch {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        c => out.push(c),
    }
}

/// A sheet: the drawings side by side in slots of the widest's width, each
/// standing on the sheet's bottom edge (drawings stand on the floor by their
/// last row, as in the terminal).
#[derive(Clone, Debug)]
pub struct Sheet {
    pub names: Vec<String>,
    /// Slot size in cells.
    pub cols: usize,
    pub rows: usize,
    /// Drawings stand on the slot's bottom (Goro, on his cushion) rather
    /// than hang from its top (everything placed by its top-left corner).
    pub bottom: bool,
}

impl Sheet {
    fn of(names: Vec<String>) -> Sheet {
        let cols = names.iter().map(|n| get(n).width()).max().unwrap_or(1);
        let rows = names.iter().map(|n| get(n).rows.len()).max().unwrap_or(1);
        Sheet {
            names,
            cols,
            rows,
            bottom: false,
        }
    }

    fn index(&self, name: &str) -> usize {
        self.names.iter().position(|n| n == name).unwrap_or(0)
    }

    /// The sheet as an SVG document.
    pub fn svg(&self) -> String {
        let (cw, ch) = (CELL_W as usize, CELL_H as usize);
        let (w, h) = (self.cols * cw * self.names.len(), self.rows * ch);
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"DejaVu Sans Mono,Menlo,Consolas,monospace\" font-size=\"15\" text-anchor=\"middle\">"
        );
        for (slot, name) in self.names.iter().enumerate() {
            let art = get(name);
            let top = if self.bottom {
                self.rows - art.rows.len()
            } else {
                0
            };
            let x0 = slot * self.cols * cw;
            // The felt: a soft patch under every inked cell, one rectangle
            // per run of cells of one ink; then the characters, one <text>
            // per run with an x for each, so the sheet stays small.
            out.push_str("<g opacity=\".16\">");
            for (r, row) in art.rows.iter().enumerate() {
                for (c, len, ink, _) in runs(row) {
                    let _ = write!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{ch}\" fill=\"{}\"/>",
                        x0 + c * cw,
                        (top + r) * ch,
                        len * cw,
                        color(ink).unwrap_or("#d0d0d0")
                    );
                }
            }
            out.push_str("</g>");
            for (r, row) in art.rows.iter().enumerate() {
                for (c, _, ink, glyphs) in runs(row) {
                    let xs: Vec<String> = (0..glyphs.len())
                        .map(|i| (x0 + (c + i) * cw + cw / 2).to_string())
                        .collect();
                    let _ = write!(
                        out,
                        "<text x=\"{}\" y=\"{}\" fill=\"{}\">",
                        xs.join(" "),
                        (top + r) * ch + ch - 5,
                        color(ink).unwrap_or("#d0d0d0")
                    );
                    for glyph in glyphs {
                        escape(glyph, &mut out);
                    }
                    out.push_str("</text>");
                }
            }
        }
        out.push_str("</svg>\n");
        out
    }
}

/// The runs of a row: `(first column, length, ink, characters)` for each
/// stretch of inked cells of one ink.
fn runs(row: &[Option<(char, char)>]) -> Vec<(usize, usize, char, Vec<char>)> {
    let mut out: Vec<(usize, usize, char, Vec<char>)> = Vec::new();
    for (c, dab) in row.iter().enumerate() {
        let Some((glyph, ink)) = *dab else { continue };
        match out.last_mut() {
            Some(run) if run.0 + run.1 == c && run.2 == ink => {
                run.1 += 1;
                run.3.push(glyph);
            }
            _ => out.push((c, 1, ink, vec![glyph])),
        }
    }
    out
}

/// Every sheet the page asks for, by file name.
pub fn sheets() -> &'static HashMap<String, Sheet> {
    static SHEETS: OnceLock<HashMap<String, Sheet>> = OnceLock::new();
    SHEETS.get_or_init(|| {
        let mut all = HashMap::new();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let goro_names: Vec<&str> = GoroPose::ALL.iter().map(|p| p.name()).collect();
        let piyo: Vec<&str> = PiyoPose::ALL.iter().map(|p| p.name()).collect();
        let chibi: Vec<&str> = ChibiPose::ALL.iter().map(|p| p.name()).collect();
        let mut goro = Sheet::of(names(&goro_names));
        goro.bottom = true;
        all.insert("goro".to_string(), goro);
        all.insert("piyo".to_string(), Sheet::of(names(&piyo)));
        all.insert("chibi".to_string(), Sheet::of(names(&chibi)));
        for thing in ["window.frame", "room.floor", "room.cushion", "room.lamp"] {
            all.insert(thing.replace('.', "-"), Sheet::of(vec![thing.to_string()]));
        }
        for scenery in Scenery::ALL {
            let name = scenery.name();
            let frames = (1..=count(name)).map(|i| format!("{name}.{i}")).collect();
            all.insert(name.replace('.', "-"), Sheet::of(frames));
        }
        all
    })
}

/// What one companion shows at a tick: its slot and offset, or nothing.
type Shot = Option<(usize, i8, i8)>;

fn shot<P: Copy>(
    placed: Option<Placed<P>>,
    name: impl Fn(P) -> &'static str,
    sheet: &Sheet,
) -> Shot {
    placed.map(|p| (sheet.index(name(p.pose)), p.dx, p.dy))
}

/// Plays `stage` for `ticks` and writes one `@keyframes` per companion
/// (`{prefix}-goro`, `-piyo`, `-chibi`, `-window`).
fn record(stage: &mut Stage, ticks: u32, prefix: &str, scenery: Scenery, css: &mut String) {
    let all = sheets();
    let (goro, piyo, chibi) = (&all["goro"], &all["piyo"], &all["chibi"]);
    let weather = &all[&scenery.name().replace('.', "-")];
    let mut tracks: [Vec<(u32, Shot)>; 4] = Default::default();
    for tick in 0..ticks {
        let scene = stage.scene();
        let shots = [
            shot(Some(scene.goro), GoroPose::name, goro),
            shot(scene.piyo, PiyoPose::name, piyo),
            shot(scene.chibi, ChibiPose::name, chibi),
            Some((scene.window as usize % weather.names.len().max(1), 0, 0)),
        ];
        for (track, s) in tracks.iter_mut().zip(shots) {
            if track.last().is_none_or(|(_, last)| *last != s) {
                track.push((tick, s));
            }
        }
        stage.advance(1);
    }
    for (track, (who, sheet)) in tracks.iter().zip([
        ("goro", goro),
        ("piyo", piyo),
        ("chibi", chibi),
        ("window", weather),
    ]) {
        let slot_w = sheet.cols as i64 * i64::from(CELL_W);
        let _ = writeln!(css, "@keyframes {prefix}-{who} {{");
        for (tick, s) in track {
            let pct = f64::from(*tick) * 100.0 / f64::from(ticks);
            let _ = match s {
                Some((i, dx, dy)) => writeln!(
                    css,
                    "{pct:.3}%{{background-position:{}px 0;transform:translate({}px,{}px);opacity:1}}",
                    -(*i as i64) * slot_w,
                    i64::from(*dx) * i64::from(CELL_W),
                    i64::from(*dy) * i64::from(CELL_H)
                ),
                None => writeln!(css, "{pct:.3}%{{opacity:0}}"),
            };
        }
        css.push_str("}\n");
    }
}

/// Seconds of idle life the page loops.
pub const IDLE_SECONDS: u32 = 90;
/// Seconds a reaction plays before the idle loop resumes.
pub const REACTION_SECONDS: u32 = 5;

/// The film for a room dressed for `scenery`: the sprites' sizes and places,
/// an idle loop, and the reactions to a kept joy and to a break, as CSS.
/// `motion` off keeps every companion on its telling drawing, as the
/// terminal room does.
pub fn film(scenery: Scenery, motion: bool, closer: bool, seed: u64) -> String {
    let all = sheets();
    let mut css = String::from("/* made by iyashi from the core's stage; see web/sprites.rs */\n");
    let weather = scenery.name().replace('.', "-");
    // Places as the terminal room lays out a 60 x 20 room.
    let (w, h) = ROOM;
    let floor = h - 1;
    let goro_x = (w - 37) / 2;
    let goro_y = floor - 8;
    let window = (1, 1);
    let places: [(&str, &str, i32, i32); 8] = [
        ("window", &weather, window.0 + 2, window.1 + 1),
        ("frame", "window-frame", window.0, window.1),
        ("floor", "room-floor", 0, floor),
        ("lamp", "room-lamp", w - 8, floor - 4),
        ("cushion", "room-cushion", goro_x, floor),
        ("goro", "goro", goro_x, goro_y + 8 - all["goro"].rows as i32),
        (
            "chibi",
            "chibi",
            goro_x + 23 + i32::from(CLOSER_DX),
            floor - 4,
        ),
        ("piyo", "piyo", window.0 + 21, window.1 + 3),
    ];
    let _ = writeln!(
        css,
        ".room{{width:{}px;height:{}px}}",
        w as u32 * CELL_W,
        h as u32 * CELL_H
    );
    let _ = writeln!(
        css,
        ".sky{{left:{}px;top:{}px;width:{}px;height:{}px}}",
        (window.0 + 2) * CELL_W as i32,
        (window.1 + 1) * CELL_H as i32,
        17 * CELL_W,
        4 * CELL_H
    );
    for (class, sheet, x, y) in places {
        let s = &all[sheet];
        let _ = writeln!(
            css,
            ".{class}{{left:{}px;top:{}px;width:{}px;height:{}px;background-image:url(/sprites/{sheet}.svg)}}",
            x * CELL_W as i32,
            y * CELL_H as i32,
            s.cols as u32 * CELL_W,
            s.rows as u32 * CELL_H
        );
    }
    let mut idle = Stage::new(seed, motion, closer, scenery);
    record(
        &mut idle,
        IDLE_SECONDS * TICKS_PER_SECOND,
        "idle",
        scenery,
        &mut css,
    );
    for (name, cue) in [("joy", Cue::JoyAdded), ("rest", Cue::BreakTime)] {
        let mut stage = Stage::new(seed, motion, closer, scenery);
        stage.cue(cue);
        record(
            &mut stage,
            REACTION_SECONDS * TICKS_PER_SECOND,
            name,
            scenery,
            &mut css,
        );
    }
    if motion {
        for who in ["goro", "piyo", "chibi", "window"] {
            let _ = writeln!(
                css,
                ".{who}{{animation:idle-{who} {IDLE_SECONDS}s steps(1,end) infinite}}\n\
                 .room.joy .{who}{{animation:joy-{who} {REACTION_SECONDS}s steps(1,end) 1}}\n\
                 .room.rest .{who}{{animation:rest-{who} {REACTION_SECONDS}s steps(1,end) 1}}"
            );
        }
    } else {
        for who in ["goro", "piyo", "chibi", "window"] {
            let _ = writeln!(css, ".{who}{{animation:idle-{who} 1s steps(1,end) paused}}");
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pose_has_a_slot_with_ink_on_it() {
        let all = sheets();
        for (sheet, names) in [
            (
                "goro",
                GoroPose::ALL.iter().map(|p| p.name()).collect::<Vec<_>>(),
            ),
            ("piyo", PiyoPose::ALL.iter().map(|p| p.name()).collect()),
            ("chibi", ChibiPose::ALL.iter().map(|p| p.name()).collect()),
        ] {
            for name in names {
                assert!(!get(name).rows.is_empty(), "no drawing for {name}");
                assert_eq!(all[sheet].names[all[sheet].index(name)], name);
            }
        }
        for scenery in Scenery::ALL {
            assert!(all[&scenery.name().replace('.', "-")].names.len() >= 2);
        }
    }

    #[test]
    fn a_sheet_is_svg_with_every_character_escaped() {
        let svg = sheets()["goro"].svg();
        assert!(svg.starts_with("<svg "));
        // Goro's nose is a character of his drawing, drawn as text.
        assert!(svg.contains("▾"));
        let mut out = String::new();
        escape('<', &mut out);
        assert_eq!(out, "&lt;");
    }

    #[test]
    fn the_film_steps_rather_than_tweens_and_reacts_to_a_joy() {
        let css = film(Scenery::Snow, true, false, 7);
        assert!(css.contains("@keyframes idle-goro"));
        assert!(css.contains("@keyframes joy-goro"));
        assert!(css.contains("steps(1,end)"));
        assert!(!css.contains("linear") && !css.contains("ease"));
        // The hug is a drawing of the joy film but not of the first idle moment.
        let hug = sheets()["goro"].index(GoroPose::Hug.name()) as i64;
        let at = format!(
            "background-position:{}px 0",
            -hug * sheets()["goro"].cols as i64 * 10
        );
        let joy = &css[css.find("@keyframes joy-goro").unwrap()..];
        let joy = &joy[..joy.find("\n}\n").unwrap()];
        assert!(joy.contains(&at), "{joy}");
    }

    #[test]
    fn without_motion_nothing_plays() {
        let css = film(Scenery::Rain, false, false, 7);
        assert!(css.contains("paused"));
        assert!(!css.contains("infinite"));
    }
}
