//! What every drawing of the cast must be, checked on the frame data itself
//! rather than on a snapshot: a companion is a closed, filled shape, and a
//! companion facing the room is as wide on the left as on the right.

use std::collections::HashSet;

use iyashi_core::companion::{ChibiPose, GoroPose, PiyoPose};

use super::art::{library, Art};
use super::look::Ink;

/// Every drawing of a companion, at every size the room has.
fn cast() -> Vec<(&'static str, &'static Art)> {
    let mut all: Vec<_> = library()
        .iter()
        .filter(|(name, _)| {
            ["goro", "chibi", "piyo"]
                .iter()
                .any(|c| name.starts_with(c))
        })
        .map(|(name, art)| (*name, art))
        .collect();
    all.sort_by_key(|(name, _)| *name);
    assert!(
        all.len() >= GoroPose::ALL.len() + ChibiPose::ALL.len() + PiyoPose::ALL.len(),
        "the cast is missing"
    );
    all
}

/// The see-through cells that have some of the drawing to their left and
/// right and above and below, in pockets of more than two cells: inside the
/// shape, so they should be filled. (A cell or two under a cheek or beside
/// an arm is a notch in the outline, not a hole in it.)
fn holes(art: &Art) -> Vec<(i32, i32)> {
    let painted: HashSet<(i32, i32)> = art.cells().collect();
    let drawn = |x: i32, y: i32| painted.contains(&(x, y));
    let (w, h) = (i32::from(art.width()), i32::from(art.height()));
    let mut holes = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let enclosed = !drawn(x, y)
                && (0..x).any(|l| drawn(l, y))
                && (x + 1..w).any(|r| drawn(r, y))
                && (0..y).any(|u| drawn(x, u))
                && (y + 1..h).any(|d| drawn(x, d));
            if enclosed {
                holes.push((x, y));
            }
        }
    }
    let pocket = |&(x, y): &(i32, i32)| {
        let mut seen = vec![(x, y)];
        let mut i = 0;
        while i < seen.len() && seen.len() <= 2 {
            let (px, py) = seen[i];
            for next in [(px - 1, py), (px + 1, py), (px, py - 1), (px, py + 1)] {
                if holes.contains(&next) && !seen.contains(&next) {
                    seen.push(next);
                }
            }
            i += 1;
        }
        seen.len()
    };
    holes.iter().copied().filter(|h| pocket(h) > 2).collect()
}

/// The eyes, noses and mouths (characters in an ink of their own) that are
/// not on the fill: a face whose outline leaks.
fn bare_faces(art: &Art) -> Vec<(i32, i32)> {
    let own = art
        .rows
        .iter()
        .flatten()
        .flatten()
        .find(|d| d.ch != ' ')
        .map(|d| d.ink);
    let mut bare = Vec::new();
    for (y, row) in art.rows.iter().enumerate() {
        for (x, dab) in row.iter().enumerate() {
            let feature = dab.filter(|d| {
                Some(d.ink) != own && matches!(d.ink, Ink::Eye | Ink::Muzzle | Ink::Blush)
            });
            if feature.is_some_and(|d| d.fill.is_none()) {
                bare.push((x as i32, y as i32));
            }
        }
    }
    bare
}

/// The drawing with its holes marked, for a failure message.
fn picture(art: &Art, marks: &[(i32, i32)]) -> String {
    let mut out = String::new();
    for (y, row) in art.rows.iter().enumerate() {
        for x in 0..usize::from(art.width()) {
            let mark = marks.contains(&(x as i32, y as i32));
            out.push(match row.get(x).copied().flatten() {
                _ if mark => '@',
                Some(d) if d.ch == ' ' => '#',
                Some(d) => d.ch,
                None => ' ',
            });
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_companion_is_a_closed_filled_shape() {
    let mut wrong = String::new();
    for (name, art) in cast() {
        let mut holes = holes(art);
        holes.extend(bare_faces(art));
        if !art.filled {
            wrong += &format!("{name} is not marked fill\n");
        } else if !holes.is_empty() {
            wrong += &format!(
                "{name}: the outline is open, so its inside (@) is see-through:\n{}\n",
                picture(art, &holes)
            );
        }
    }
    assert!(wrong.is_empty(), "{wrong}");
}

/// Poses in which a companion faces the room squarely.
fn facing(name: &str) -> bool {
    let pose = name.rsplit('.').next().unwrap_or(name);
    let goro = [
        "sit",
        "breathe",
        "blink",
        "hug",
        "squeeze",
        "stretch-up",
        "stretch-high",
        "yawn",
        "yawn-wide",
        "shoulders-up",
        "shoulders-back",
        "breathe-in",
        "breathe-out",
    ];
    let chibi = ["sit", "blink"];
    (name.starts_with("goro") && goro.contains(&pose))
        || (name.starts_with("chibi") && chibi.contains(&pose))
}

#[test]
fn a_companion_facing_the_room_is_as_wide_on_each_side() {
    let mut wrong = String::new();
    for (name, art) in cast().into_iter().filter(|(n, _)| facing(n)) {
        let painted: Vec<_> = art.cells().collect();
        let (min, max) = painted
            .iter()
            .fold((i32::MAX, i32::MIN), |(lo, hi), &(x, _)| {
                (lo.min(x), hi.max(x))
            });
        let lopsided: Vec<_> = painted
            .iter()
            .copied()
            .filter(|&(x, y)| !painted.contains(&(min + max - x, y)))
            .collect();
        if !lopsided.is_empty() {
            wrong += &format!(
                "{name}: these cells (@) have no mirror on the other side:\n{}\n",
                picture(art, &lopsided)
            );
        }
    }
    assert!(wrong.is_empty(), "{wrong}");
}
