//! Where the parts of the screen go, for a terminal of any size.
//!
//! From 40×12 up the screen is the room: a title (when there are rows to
//! spare), the room itself, the shelf of joys beside it (from 60 columns),
//! the status line and the key line (two rows of keys when one cannot hold
//! them all and the screen is tall enough for a title). Below that, one line of companion and
//! status. Pages (help, seasons, log, episode) cover the room and the shelf
//! at every size, so every key the key line offers shows something.

use ratatui::layout::Rect;

/// The smallest screen that holds the room; below it, the one-line companion.
pub const ROOM_FROM: (u16, u16) = (40, 12);
/// The shelf stands beside the room from this width.
const SHELF_FROM: u16 = 60;
/// The title bar shows from this height, and so may a second row of keys.
pub const TITLE_FROM: u16 = 16;
/// A page is never wider than this: longer lines are hard to follow.
const PAGE_WIDTH: u16 = 78;
/// A room this wide holds a page by itself, and the shelf stays in view.
const PAGE_ALONE: u16 = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub area: Rect,
    /// Too small for the room: one line of companion and status on top.
    pub one_line: bool,
    pub title: Option<Rect>,
    /// The room's floor, walls and companions.
    pub room: Rect,
    pub shelf: Option<Rect>,
    /// Work, the next break, the season.
    pub status: Rect,
    /// The key hints, the input box or a passing word: one row, or two.
    pub keys: Rect,
}

impl Layout {
    /// The parts of `area` with `key_rows` rows of keys at the bottom (one
    /// when the screen is too small for the room).
    pub fn of(area: Rect, key_rows: u16) -> Layout {
        let row = |y: u16| Rect::new(area.x, y, area.width, 1.min(area.height));
        let keys = row(area.bottom().saturating_sub(1));
        if area.width < ROOM_FROM.0 || area.height < ROOM_FROM.1 {
            let below = area.height.min(1);
            return Layout {
                area,
                one_line: true,
                title: None,
                room: Rect::new(
                    area.x,
                    area.y + below,
                    area.width,
                    area.height.saturating_sub(below + 1),
                ),
                shelf: None,
                status: row(area.y),
                keys,
            };
        }
        let key_rows = key_rows.clamp(1, 2);
        let keys = Rect::new(area.x, area.bottom() - key_rows, area.width, key_rows);
        let status = row(keys.y - 1);
        let title = (area.height >= TITLE_FROM).then(|| row(area.y));
        let top = area.y + u16::from(title.is_some());
        let middle = Rect::new(area.x, top, area.width, status.y - top);
        let (room, shelf) = if area.width >= SHELF_FROM {
            let shelf_width = (area.width * 3 / 10).clamp(20, 34);
            let room = Rect {
                width: middle.width - shelf_width,
                ..middle
            };
            let shelf = Rect {
                x: room.right(),
                width: shelf_width,
                ..middle
            };
            (room, Some(shelf))
        } else {
            (middle, None)
        };
        Layout {
            area,
            one_line: false,
            title,
            room,
            shelf,
            status,
            keys,
        }
    }

    /// Where a page goes: over the room, or over the room and the shelf
    /// when the room alone is narrow (and over the status line too when
    /// there is only one line of room), centred, at a readable width.
    pub fn page(&self) -> Rect {
        let (top, bottom) = if self.one_line {
            (self.area.y, self.keys.y)
        } else {
            (self.room.y, self.room.bottom())
        };
        let over = if self.room.width >= PAGE_ALONE {
            self.room
        } else {
            self.area
        };
        let width = over.width.min(PAGE_WIDTH);
        let x = over.x + (over.width - width) / 2;
        Rect::new(x, top, width, bottom.saturating_sub(top))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_has_a_key_line_and_room_for_a_page() {
        for (w, h) in [
            (20, 1),
            (30, 5),
            (40, 12),
            (59, 19),
            (60, 20),
            (80, 24),
            (200, 60),
        ] {
            for key_rows in [1, 2] {
                let l = Layout::of(Rect::new(0, 0, w, h), key_rows);
                let rows = if l.one_line { 1 } else { key_rows };
                assert_eq!(l.keys.bottom(), h.max(1), "{w}x{h}");
                assert_eq!(l.keys.height, rows.min(h), "{w}x{h}");
                let page = l.page();
                assert!(page.bottom() <= l.keys.y || h == 1, "{w}x{h}: {page:?}");
                assert!(page.width <= PAGE_WIDTH && page.right() <= w, "{w}x{h}");
                if !l.one_line {
                    assert_eq!(l.status.y + 1, l.keys.y, "{w}x{h}");
                    assert_eq!(l.room.bottom(), l.status.y, "{w}x{h}");
                }
                if h >= ROOM_FROM.1 && w >= ROOM_FROM.0 {
                    assert!(!l.one_line && page.height >= 8, "{w}x{h}: {page:?}");
                }
            }
        }
    }
}
