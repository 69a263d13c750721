//! The drawings, as data: text art in `frames/*.txt`, parsed once.
//!
//! A file holds drawings, each introduced by `== name ink` (the ink every
//! character has unless its mask says otherwise), then its lines, then
//! optionally `--` and a mask of the same shape: under each character, a
//! letter naming its ink (see [`Ink::from_letter`]); a space or `.` keeps the
//! drawing's own ink. A space in a drawing is see-through. Lines beginning
//! with `# ` are comments.
//!
//! A drawing whose head line ends in `fill` (`== goro.sit b fill`) is filled:
//! every cell that cannot be reached from outside the drawing without
//! crossing a character is painted in the drawing's ink, and the characters
//! inside it (eyes, a seam) are drawn in a shade of it.
//!
//! Every character of a drawing must be one cell wide, so a column in the
//! file is a column on screen (checked by a test).

use std::collections::HashMap;
use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::look::{Ink, Look};

const FILES: &[&str] = &[
    include_str!("frames/goro.txt"),
    include_str!("frames/friends.txt"),
    include_str!("frames/window.txt"),
    include_str!("frames/large.txt"),
];

/// One character of a drawing, with its ink.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dab {
    pub ch: char,
    pub ink: Ink,
    /// Inside a filled drawing: the cell takes the drawing's ink as its
    /// background, so a bear is a soft shape rather than a wire outline.
    pub fill: Option<Ink>,
}

/// A drawing: rows of optional dabs (`None` is see-through).
#[derive(Debug, Default)]
pub struct Art {
    pub rows: Vec<Vec<Option<Dab>>>,
    /// Marked `fill`: a soft shape, painted inside its outline (what the
    /// checks of the cast look for).
    #[cfg_attr(not(test), allow(dead_code))]
    pub filled: bool,
}

impl Art {
    /// Columns of its widest row.
    pub fn width(&self) -> u16 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u16
    }

    /// Rows.
    pub fn height(&self) -> u16 {
        self.rows.len() as u16
    }

    /// The cells it paints (its characters and its fill), as (column, row).
    pub fn cells(&self) -> impl Iterator<Item = (i32, i32)> + '_ {
        self.rows.iter().enumerate().flat_map(|(y, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, dab)| dab.is_some())
                .map(move |(x, _)| (x as i32, y as i32))
        })
    }

    /// Paints the drawing with its top-left corner at (`x`, `y`), which may
    /// be off the area; whatever falls outside `clip` is left out.
    pub fn paint(&self, buf: &mut Buffer, clip: Rect, x: i32, y: i32, look: &Look) {
        for (dy, row) in self.rows.iter().enumerate() {
            let cy = y + dy as i32;
            if cy < i32::from(clip.y) || cy >= i32::from(clip.bottom()) {
                continue;
            }
            for (dx, dab) in row.iter().enumerate() {
                let Some(dab) = dab else { continue };
                let cx = x + dx as i32;
                if cx < i32::from(clip.x) || cx >= i32::from(clip.right()) {
                    continue;
                }
                let cell = &mut buf[(cx as u16, cy as u16)];
                cell.set_char(dab.ch);
                cell.set_style(look.dab(dab.ink, dab.fill));
            }
        }
    }
}

/// Every drawing, by name.
pub fn library() -> &'static HashMap<&'static str, Art> {
    static LIBRARY: OnceLock<HashMap<&'static str, Art>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let mut all = HashMap::new();
        for file in FILES {
            all.extend(parse(file));
        }
        all
    })
}

/// The drawing called `name`; an empty one if there is none (a test makes
/// sure every name the room asks for exists).
pub fn get(name: &str) -> &'static Art {
    static EMPTY: Art = Art {
        rows: Vec::new(),
        filled: false,
    };
    library().get(name).unwrap_or(&EMPTY)
}

/// How many drawings named `prefix.1`, `prefix.2`, … there are.
pub fn count(prefix: &str) -> u32 {
    (1..)
        .take_while(|i| library().contains_key(format!("{prefix}.{i}").as_str()))
        .count() as u32
}

fn parse(text: &'static str) -> Vec<(&'static str, Art)> {
    struct Draft<'a> {
        name: &'a str,
        ink: Ink,
        fill: bool,
        glyphs: Vec<&'a str>,
        mask: Vec<&'a str>,
        in_mask: bool,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") || line == "#" {
            continue;
        }
        if let Some(head) = line.strip_prefix("== ") {
            let words: Vec<&str> = head.split_whitespace().collect();
            drafts.push(Draft {
                name: words.first().copied().unwrap_or_default(),
                ink: words
                    .get(1)
                    .and_then(|l| l.chars().next())
                    .and_then(Ink::from_letter)
                    .unwrap_or(Ink::Text),
                fill: words.get(2) == Some(&"fill"),
                glyphs: Vec::new(),
                mask: Vec::new(),
                in_mask: false,
            });
        } else if let Some(d) = drafts.last_mut() {
            match line {
                "--" => d.in_mask = true,
                _ if d.in_mask => d.mask.push(line),
                _ => d.glyphs.push(line),
            }
        }
    }
    drafts
        .into_iter()
        .map(|d| {
            let mask = trimmed(d.mask);
            let rows = trimmed(d.glyphs)
                .iter()
                .enumerate()
                .map(|(r, line)| {
                    let letters: Vec<char> =
                        mask.get(r).map_or(Vec::new(), |m| m.chars().collect());
                    line.chars()
                        .enumerate()
                        .map(|(c, ch)| {
                            (ch != ' ').then(|| Dab {
                                ch,
                                ink: letters
                                    .get(c)
                                    .copied()
                                    .and_then(Ink::from_letter)
                                    .unwrap_or(d.ink),
                                fill: None,
                            })
                        })
                        .collect()
                })
                .collect();
            let mut art = Art {
                rows,
                filled: d.fill,
            };
            if d.fill {
                fill(&mut art, d.ink);
            }
            (d.name, art)
        })
        .collect()
}

/// Fills the inside of a drawing: the cells not reachable from its edge
/// through empty cells (four ways, so a diagonal stroke still closes a shape).
fn fill(art: &mut Art, ink: Ink) {
    let (w, h) = (usize::from(art.width()) + 2, art.rows.len() + 2);
    // Padded by one empty cell all round, so "outside" is connected.
    let empty = |x: usize, y: usize| -> bool {
        x == 0
            || y == 0
            || x == w - 1
            || y == h - 1
            || art.rows[y - 1].get(x - 1).is_none_or(Option::is_none)
    };
    let mut outside = vec![vec![false; w]; h];
    let mut todo: Vec<(usize, usize)> = vec![(0, 0)];
    outside[0][0] = true;
    while let Some((x, y)) = todo.pop() {
        let next = [
            (x.wrapping_sub(1), y),
            (x + 1, y),
            (x, y.wrapping_sub(1)),
            (x, y + 1),
        ];
        for (nx, ny) in next {
            if nx < w && ny < h && !outside[ny][nx] && empty(nx, ny) {
                outside[ny][nx] = true;
                todo.push((nx, ny));
            }
        }
    }
    let touches_outside = |x: usize, y: usize| {
        outside[y][x - 1] || outside[y][x + 1] || outside[y - 1][x] || outside[y + 1][x]
    };
    for (r, row) in art.rows.iter_mut().enumerate() {
        let y = r + 1;
        row.resize(w - 2, None);
        for (c, cell) in row.iter_mut().enumerate() {
            let x = c + 1;
            if outside[y][x] {
                continue;
            }
            match cell {
                None => {
                    *cell = Some(Dab {
                        ch: ' ',
                        ink,
                        fill: Some(ink),
                    })
                }
                // The outline stays on the wall; what is inside sits on the fur.
                Some(dab) if !touches_outside(x, y) => dab.fill = Some(ink),
                Some(_) => {}
            }
        }
    }
}

/// The lines of a block without the blank ones at its end (leading blank
/// lines are kept: they place a low drawing on the floor).
fn trimmed(mut lines: Vec<&str>) -> Vec<&str> {
    for line in &mut lines {
        *line = line.trim_end();
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use iyashi_core::companion::{ChibiPose, GoroPose, PiyoPose, Scenery};
    use unicode_width::UnicodeWidthChar;

    #[test]
    fn every_pose_and_every_window_has_a_drawing() {
        let names = GoroPose::ALL
            .iter()
            .map(|p| p.name())
            .chain(PiyoPose::ALL.iter().map(|p| p.name()))
            .chain(ChibiPose::ALL.iter().map(|p| p.name()));
        for name in names {
            assert!(library().contains_key(name), "no drawing called {name}");
        }
        for scenery in Scenery::ALL {
            assert!(
                count(scenery.name()) >= 2,
                "{} needs motion",
                scenery.name()
            );
        }
    }

    #[test]
    fn goro_and_chibi_have_a_large_drawing_of_every_pose() {
        let names = GoroPose::ALL
            .iter()
            .map(|p| p.name())
            .chain(ChibiPose::ALL.iter().map(|p| p.name()));
        for name in names {
            let large = format!("{name}:large");
            assert!(
                library().contains_key(large.as_str()),
                "no drawing called {large}"
            );
        }
    }

    #[test]
    fn every_character_of_every_drawing_is_one_cell_wide() {
        for (name, art) in library() {
            for row in &art.rows {
                for dab in row.iter().flatten() {
                    assert_eq!(dab.ch.width(), Some(1), "{name}: {:?}", dab.ch);
                }
            }
        }
    }

    #[test]
    fn goro_fits_between_the_window_sill_and_the_floor() {
        // Drawings stand on the floor by their last row; a stretch is a row taller.
        for pose in GoroPose::ALL {
            let h = get(pose.name()).height();
            assert!((8..=9).contains(&h), "{}: {h} rows", pose.name());
        }
    }

    #[test]
    fn a_mask_letter_colours_just_its_character() {
        let parsed = parse("== t b\nab c\n--\n.d\n");
        let (_, art) = &parsed[0];
        let inks: Vec<Option<Ink>> = art.rows[0].iter().map(|d| d.map(|d| d.ink)).collect();
        assert_eq!(
            inks,
            [Some(Ink::Bear), Some(Ink::Eye), None, Some(Ink::Bear)]
        );
    }

    #[test]
    fn a_filled_drawing_is_solid_inside_and_open_outside() {
        let parsed = parse("== t b fill\n /-\\\n | o|\n \\-/\n");
        let art = &parsed[0].1;
        // The inside space is painted; the eye inside sits on the fill.
        assert_eq!(
            art.rows[1][2].map(|d| (d.ch, d.fill)),
            Some((' ', Some(Ink::Bear)))
        );
        assert_eq!(art.rows[1][3].and_then(|d| d.fill), Some(Ink::Bear));
        // The outline and the outside stay on the wall.
        assert_eq!(art.rows[1][1].and_then(|d| d.fill), None);
        assert_eq!(art.rows[0][0], None);
    }
}
