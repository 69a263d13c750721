//! Where the desk window goes: at first the bottom right of the primary
//! monitor, above where panels usually are; after a drag, where it was put
//! (kept in one small file in the home, written whole), as long as that
//! place is still on a monitor.

use std::path::Path;

use iyashi_app::whole_file::write_atomically;

/// A rectangle on the screen, in physical pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub x: i32,
    pub y: i32,
    pub w: u32,
    pub h: u32,
}

/// Logical pixels kept clear below the window (where a bottom panel or a
/// dock usually is) and beside it.
const ABOVE_PANEL: f64 = 56.0;
const FROM_EDGE: f64 = 16.0;

/// The first place: the bottom right of `monitor`, `size` pixels big at
/// `scale`, never past the monitor's edges.
pub fn first(monitor: Screen, size: (u32, u32), scale: f64) -> (i32, i32) {
    let clear = |px: f64| (px * scale).round() as i64;
    let (w, h) = (i64::from(size.0), i64::from(size.1));
    let (mw, mh) = (i64::from(monitor.w), i64::from(monitor.h));
    let x = (mw - w - clear(FROM_EDGE)).clamp(0, (mw - w).max(0));
    let y = (mh - h - clear(ABOVE_PANEL)).clamp(0, (mh - h).max(0));
    (monitor.x + x as i32, monitor.y + y as i32)
}

/// `kept` if the window put there would be wholly on one of `monitors`.
pub fn still_on(kept: (i32, i32), size: (u32, u32), monitors: &[Screen]) -> Option<(i32, i32)> {
    let (x, y) = (i64::from(kept.0), i64::from(kept.1));
    let (w, h) = (i64::from(size.0), i64::from(size.1));
    monitors
        .iter()
        .any(|m| {
            let (mx, my) = (i64::from(m.x), i64::from(m.y));
            x >= mx && y >= my && x + w <= mx + i64::from(m.w) && y + h <= my + i64::from(m.h)
        })
        .then_some(kept)
}

/// The place kept last time, if there is one to read.
pub fn read(path: &Path) -> Option<(i32, i32)> {
    let text = std::fs::read_to_string(path).ok()?;
    let (x, y) = text.trim().split_once(' ')?;
    Some((x.parse().ok()?, y.parse().ok()?))
}

/// Keeps `at` for next time.
pub fn keep(path: &Path, at: (i32, i32)) -> std::io::Result<()> {
    write_atomically(path, format!("{} {}\n", at.0, at.1).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL_HD: Screen = Screen {
        x: 0,
        y: 0,
        w: 1920,
        h: 1080,
    };

    #[test]
    fn first_at_the_bottom_right_above_the_panel() {
        assert_eq!(first(FULL_HD, (168, 140), 1.0), (1736, 884));
        // At twice the scale the window and the margins double.
        assert_eq!(first(FULL_HD, (336, 280), 2.0), (1552, 688));
    }

    #[test]
    fn on_a_second_monitor_or_a_tiny_one_it_stays_within_its_bounds() {
        let right = Screen {
            x: 1920,
            y: 200,
            w: 1280,
            h: 720,
        };
        let (x, y) = first(right, (168, 140), 1.0);
        assert!(x >= 1920 && x + 168 <= 1920 + 1280, "{x}");
        assert!(y >= 200 && y + 140 <= 200 + 720, "{y}");
        let tiny = Screen {
            x: 0,
            y: 0,
            w: 150,
            h: 100,
        };
        assert_eq!(first(tiny, (168, 140), 1.0), (0, 0));
    }

    #[test]
    fn a_kept_place_counts_only_while_it_is_on_a_monitor() {
        assert_eq!(
            still_on((100, 200), (168, 140), &[FULL_HD]),
            Some((100, 200))
        );
        // The monitor it was on is gone, or it would hang off the edge.
        assert_eq!(still_on((2000, 200), (168, 140), &[FULL_HD]), None);
        assert_eq!(still_on((1800, 200), (168, 140), &[FULL_HD]), None);
        assert_eq!(still_on((-5, 200), (168, 140), &[FULL_HD]), None);
    }

    #[test]
    fn the_place_is_kept_whole_and_read_back_and_nonsense_is_no_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk-place.txt");
        assert_eq!(read(&path), None);
        keep(&path, (-40, 712)).unwrap();
        assert_eq!(read(&path), Some((-40, 712)));
        std::fs::write(&path, "left bottom").unwrap();
        assert_eq!(read(&path), None);
        std::fs::write(&path, "").unwrap();
        assert_eq!(read(&path), None);
    }
}
