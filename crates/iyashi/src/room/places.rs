//! Where everything in the room goes, for a room of any size: the room
//! composes itself for the space it has.
//!
//! Goro sits in the middle of the floor with Chibi beside him; the window
//! hangs on the wall above them when the wall is tall enough, with Piyo on
//! its sill (with no room for a window, Piyo has a small shelf of his own,
//! where Goro cannot reach it); the lamp stands to the left when there is
//! floor to spare. In a large room Goro and Chibi are drawn large. Every
//! place leaves room for every drawing at every offset the stage can show
//! ([`Reach`]), so nobody ever overlaps anybody or anything; in a room too
//! small for everyone, Chibi and then Piyo stay out of sight (checked in
//! `tests` at many sizes).

use std::collections::HashSet;
use std::sync::OnceLock;

use iyashi_core::companion::Reach;
use ratatui::layout::Rect;

use super::art::{self, Art};

/// How big the companions are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Small,
    Large,
}

impl Scale {
    /// The drawing called `name` at this scale (the small one when there is
    /// no large one: Piyo, the furniture).
    pub fn art(self, name: &str) -> &'static Art {
        match self {
            Scale::Large => Some(art::get(&format!("{name}:large")))
                .filter(|a| a.height() > 0)
                .unwrap_or_else(|| art::get(name)),
            Scale::Small => art::get(name),
        }
    }

    /// A stage's offset (in small columns) at this scale. Piyo stays small.
    pub fn dx(self, name: &str, dx: i8) -> i32 {
        match self {
            Scale::Large if !name.starts_with("piyo") => i32::from(dx) * 2,
            _ => i32::from(dx),
        }
    }
}

/// Every cell a companion can ever cover, relative to its place, and the
/// columns and rows they span.
struct Shape {
    cells: HashSet<(i32, i32)>,
    left: i32,
    right: i32,
    top: i32,
}

impl Shape {
    fn width(&self) -> i32 {
        self.right - self.left
    }

    fn meets(&self, at: (i32, i32), other: &Shape, other_at: (i32, i32)) -> bool {
        let (dx, dy) = (other_at.0 - at.0, other_at.1 - at.1);
        other
            .cells
            .iter()
            .any(|&(x, y)| self.cells.contains(&(x + dx, y + dy)))
    }
}

#[derive(Clone, Copy)]
enum Who {
    Goro,
    Chibi,
    Piyo,
}

/// The shape of everything `who` can do at `scale`. Goro and Chibi stand on
/// their place's row by their last row; Piyo's place is his top-left corner.
fn shape(scale: Scale, who: Who) -> &'static Shape {
    static ALL: OnceLock<[[Shape; 3]; 2]> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let reach = Reach::of_stage();
        let measure = |scale: Scale| {
            let of = |items: Vec<(&str, i8, i8)>, standing: bool| {
                let mut cells = HashSet::new();
                for (name, dx, dy) in items {
                    let a = scale.art(name);
                    let top = if standing { -i32::from(a.height()) } else { 0 };
                    let dx = scale.dx(name, dx);
                    cells.extend(a.cells().map(|(x, y)| (x + dx, y + top + i32::from(dy))));
                }
                Shape {
                    left: cells.iter().map(|c| c.0).min().unwrap_or(0),
                    right: cells.iter().map(|c| c.0 + 1).max().unwrap_or(0),
                    top: cells.iter().map(|c| c.1).min().unwrap_or(0),
                    cells,
                }
            };
            let goro = reach.goro.iter().map(|p| (p.pose.name(), p.dx, p.dy));
            let chibi = reach.chibi.iter().map(|p| (p.pose.name(), p.dx, p.dy));
            let piyo = reach.piyo.iter().map(|p| (p.pose.name(), p.dx, p.dy));
            [
                of(goro.collect(), true),
                of(chibi.collect(), true),
                of(piyo.collect(), false),
            ]
        };
        [measure(Scale::Small), measure(Scale::Large)]
    });
    &all[scale as usize][who as usize]
}

/// The window frame with its sill, and Piyo's spot on the sill.
const WINDOW: (i32, i32) = (27, 7);
const ON_SILL: (i32, i32) = (21, 3);
/// The little shelf Piyo perches on when there is no window.
pub const PERCH_WIDTH: i32 = 8;
/// Columns between Goro and Chibi.
const GAP: i32 = 2;
/// Rows of wall a tall room keeps above and below its window before its
/// floor grows deeper.
const MARGIN: i32 = 4;

/// Where everything goes. Goro's and Chibi's places are (left column, floor
/// row): they stand on the floor; Piyo's is his drawing's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Places {
    pub scale: Scale,
    /// The row Goro and Chibi sit on; below it, `depth` more rows of floor.
    pub floor: i32,
    pub depth: i32,
    pub goro: (i32, i32),
    pub chibi: Option<(i32, i32)>,
    pub piyo: Option<(i32, i32)>,
    pub window: Option<(i32, i32)>,
    /// Where the micro-season's name goes, and how wide it may be.
    pub caption: Option<(i32, i32, u16)>,
    pub perch: Option<(i32, i32)>,
    pub lamp: Option<(i32, i32)>,
}

impl Places {
    /// Places for `room`, with large drawings if `large` allows and everyone
    /// fits in them.
    pub fn of(room: Rect, large: bool) -> Places {
        if large {
            let places = Places::at(room, Scale::Large);
            let goro = shape(Scale::Large, Who::Goro);
            let inside = places.goro.0 + goro.left > i32::from(room.x)
                && places.goro.0 + goro.right < i32::from(room.right());
            if inside && places.window.is_some() && places.chibi.is_some() {
                return places;
            }
        }
        Places::at(room, Scale::Small)
    }

    fn at(room: Rect, scale: Scale) -> Places {
        let (x, y) = (i32::from(room.x), i32::from(room.y));
        let (w, h) = (i32::from(room.width), i32::from(room.height));
        let goro = shape(scale, Who::Goro);
        let chibi = shape(scale, Who::Chibi);
        let piyo = shape(scale, Who::Piyo);
        // A tall room shows more of its floor: what the window and its
        // margins leave of the wall goes half to the floor.
        let wall = h - 1 + goro.top;
        let spare = wall - WINDOW.1 - 1 - 2 * MARGIN;
        let depth = (spare / 2).clamp(0, h / 5);
        let floor = y + h - 1 - depth;
        // Chibi sits beside the farthest Goro can lean, and walks in from
        // beyond the room's edge when he comes.
        let chibi_sits = i32::from(scale.art("chibi.sit").width());
        let gap = if goro.width() + GAP + chibi_sits + 2 <= w {
            GAP
        } else {
            1
        };
        let with_chibi = goro.width() + gap + chibi_sits < w;
        let group = goro.width() + if with_chibi { gap + chibi_sits } else { 0 };
        let goro_at = (x + ((w - group) / 2).max(1) - goro.left, floor);
        let chibi_at = with_chibi.then_some((goro_at.0 + goro.right + gap - chibi.left, floor));
        // The wall: everything above Goro's highest reach.
        let wall = (floor + goro.top - y).max(0);
        let window_fits = wall >= WINDOW.1 && w > WINDOW.0 + 1;
        let (window, caption, perch, piyo_at) = if window_fits {
            let with_caption = wall > WINDOW.1;
            let block = WINDOW.1 + i32::from(with_caption);
            let top = y + (wall - block) / 2;
            let left = match scale {
                Scale::Small => x + 1,
                // A large room hangs the window over the middle of the scene.
                Scale::Large => goro_at.0 + goro.left + (goro.width() - WINDOW.0) / 2,
            };
            let caption_width = (x + w - 1 - (left + 1)).max(0) as u16;
            (
                Some((left, top)),
                with_caption.then_some((left + 1, top + WINDOW.1, caption_width)),
                None,
                Some((left + ON_SILL.0, top + ON_SILL.1)),
            )
        } else {
            // No wall for a window: a little shelf high in a corner, with
            // Piyo on it (he flies in from above the room).
            let piyo_y = y - piyo.top.max(-1);
            let clear = |at: (i32, i32)| {
                let shelf = Shape {
                    cells: (0..PERCH_WIDTH).map(|c| (c, 3)).collect(),
                    left: 0,
                    right: PERCH_WIDTH,
                    top: 3,
                };
                let fits = at.0 >= x && at.0 + PERCH_WIDTH <= x + w;
                let away_from = |other: &Shape, other_at: Option<(i32, i32)>| {
                    other_at.is_none_or(|o| !piyo.meets(at, other, o) && !shelf.meets(at, other, o))
                };
                fits && away_from(goro, Some(goro_at)) && away_from(chibi, chibi_at)
            };
            let corner = [(x + w - PERCH_WIDTH, piyo_y), (x, piyo_y)]
                .into_iter()
                .find(|&at| clear(at));
            (None, None, corner.map(|(px, py)| (px, py + 3)), corner)
        };
        let lamp = art::get("room.lamp");
        let lamp_width = i32::from(lamp.width());
        let free_left = goro_at.0 + goro.left - x;
        let lamp = (free_left >= lamp_width + 2).then(|| {
            let lamp_x = x + (free_left - lamp_width) / 2;
            (lamp_x, floor - i32::from(lamp.height()))
        });
        Places {
            scale,
            floor,
            depth,
            goro: goro_at,
            chibi: chibi_at,
            piyo: piyo_at,
            window,
            caption,
            perch,
            lamp,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::room::layout::Layout;

    /// The cells each thing in the room can ever cover, inside the room.
    fn covered(room: Rect, at: &Places) -> Vec<(&'static str, Vec<(i32, i32)>)> {
        let inside = |&(x, y): &(i32, i32)| {
            x >= i32::from(room.x)
                && x < i32::from(room.right())
                && y >= i32::from(room.y)
                && y < i32::from(room.bottom())
        };
        let drawing = |art: &Art, x: i32, y: i32| -> Vec<(i32, i32)> {
            art.cells().map(|(cx, cy)| (x + cx, y + cy)).collect()
        };
        let reach = Reach::of_stage();
        let standing = |name: &str, (x, floor): (i32, i32), dx: i8, dy: i8| {
            let art = at.scale.art(name);
            let top = floor - i32::from(art.height()) + i32::from(dy);
            drawing(art, x + at.scale.dx(name, dx), top)
        };
        let mut things = vec![
            (
                "goro",
                reach
                    .goro
                    .iter()
                    .flat_map(|p| standing(p.pose.name(), at.goro, p.dx, p.dy))
                    .collect(),
            ),
            (
                "chibi",
                reach
                    .chibi
                    .iter()
                    .filter(|_| at.chibi.is_some())
                    .flat_map(|p| standing(p.pose.name(), at.chibi.unwrap(), p.dx, p.dy))
                    .collect(),
            ),
            (
                "piyo",
                reach
                    .piyo
                    .iter()
                    .filter(|_| at.piyo.is_some())
                    .flat_map(|p| {
                        let (x, y) = at.piyo.unwrap();
                        drawing(
                            art::get(p.pose.name()),
                            x + i32::from(p.dx),
                            y + i32::from(p.dy),
                        )
                    })
                    .collect(),
            ),
        ];
        if let Some((x, y)) = at.window {
            things.push(("window", drawing(art::get("window.frame"), x, y)));
        }
        if let Some((x, y, w)) = at.caption {
            things.push(("caption", (x..x + i32::from(w)).map(|c| (c, y)).collect()));
        }
        if let Some((x, y)) = at.perch {
            things.push(("perch", (x..x + PERCH_WIDTH).map(|c| (c, y)).collect()));
        }
        if let Some((x, y)) = at.lamp {
            things.push(("lamp", drawing(art::get("room.lamp"), x, y)));
        }
        for (_, cells) in &mut things {
            cells.retain(inside);
        }
        things
    }

    fn sizes() -> impl Iterator<Item = (u16, u16)> {
        let widths = [40, 44, 50, 59, 60, 64, 70, 80, 90, 100, 120, 140, 160, 200];
        let heights = [12, 14, 16, 19, 20, 24, 28, 30, 36, 40, 50, 60];
        widths
            .into_iter()
            .flat_map(move |w| heights.into_iter().map(move |h| (w, h)))
    }

    #[test]
    fn nobody_overlaps_anybody_or_anything_at_any_size() {
        let mut wrong = Vec::new();
        for (w, h) in sizes() {
            for large in [false, true] {
                let room = Layout::of(Rect::new(0, 0, w, h), 1).room;
                let at = Places::of(room, large);
                let mut owner: HashMap<(i32, i32), &str> = HashMap::new();
                for (name, cells) in covered(room, &at) {
                    for cell in cells {
                        if cell.1 >= at.floor {
                            wrong.push(format!("{w}x{h}: {name} on the floor at {cell:?}"));
                        }
                        match owner.insert(cell, name) {
                            Some(other) if other != name => {
                                wrong.push(format!("{w}x{h}: {name} meets {other} at {cell:?}"));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        wrong.dedup_by(|a, b| a.split(" at ").next() == b.split(" at ").next());
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn everyone_is_inside_the_room_when_at_home() {
        let mut missing = Vec::new();
        for (w, h) in sizes() {
            let room = Layout::of(Rect::new(0, 0, w, h), 1).room;
            let at = Places::of(room, true);
            let goro = shape(at.scale, Who::Goro);
            assert!(
                at.goro.0 + goro.left >= i32::from(room.x)
                    && at.goro.0 + goro.right <= i32::from(room.right())
                    && at.goro.1 + goro.top >= i32::from(room.y),
                "{w}x{h}: Goro at {:?} leaves the room {room:?}",
                at.goro
            );
            let chibi = i32::from(at.scale.art("chibi.sit").width());
            if let Some((x, _)) = at.chibi {
                assert!(x + chibi <= i32::from(room.right()), "{w}x{h}: Chibi");
            }
            if let Some((x, y)) = at.piyo {
                let piyo = art::get("piyo.chirp");
                assert!(
                    x + i32::from(piyo.width()) <= i32::from(room.right())
                        && y >= i32::from(room.y),
                    "{w}x{h}: Piyo at {x},{y}"
                );
            }
            if at.chibi.is_none() || at.piyo.is_none() {
                missing.push(format!("{w}x{h}"));
            }
        }
        // Only the narrowest rooms leave someone out.
        assert!(
            missing.iter().all(|s| s.starts_with("40x")
                || s.starts_with("44x")
                || s.starts_with("60x")
                || s.starts_with("64x")),
            "{missing:?}"
        );
    }
}
