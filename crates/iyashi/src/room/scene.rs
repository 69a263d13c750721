//! The room itself: the window and its weather, the companions where the
//! stage puts them, the shelf of today's joys, and speech bubbles. Only
//! placing and painting drawings happens here; the drawings are data.

use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::companion::{Light, Scene, CLOSER_DX};
use iyashi_core::entry::EntryKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Speaker};
use super::art;
use super::look::{Ink, Look};
use super::text::{fit, wrap};

/// Where everything in the room goes, for a room of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Places {
    pub window: (i32, i32),
    pub caption: Option<(i32, i32)>,
    pub goro: (i32, i32),
    pub chibi: (i32, i32),
    pub piyo: (i32, i32),
    pub lamp: Option<(i32, i32)>,
    pub floor: i32,
}

impl Places {
    pub fn of(room: Rect) -> Places {
        let (x, y) = (i32::from(room.x), i32::from(room.y));
        let (w, h) = (i32::from(room.width), i32::from(room.height));
        let floor = y + h - 1;
        let goro_y = floor - 8;
        let goro_x = x + ((w - 37) / 2).max(1);
        let window = (x + 1, if h >= 19 { y + 1 } else { y });
        // The name goes under the sill when Goro's ears leave it room.
        let caption = (window.1 + 7 < goro_y).then_some((window.0 + 1, window.1 + 7));
        Places {
            window,
            caption,
            goro: (goro_x, goro_y),
            chibi: (goro_x + 23 + i32::from(CLOSER_DX), floor - 4),
            piyo: (window.0 + 21, window.1 + 3),
            lamp: (w >= 50).then_some((x + w - 8, floor - 4)),
            floor,
        }
    }
}

/// Paints the room (not the shelf) into `room`.
pub fn paint_room(app: &App, scene: &Scene, room: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let at = Places::of(room);
    paint_window(app, room, at.window, buf);
    if let (Some((x, y)), Some(season)) = (at.caption, app.season) {
        let name = RoomText::SeasonShort(season.micro_season.season.name()).render(app.lang);
        let width = (i32::from(room.right()) - x - 1).max(0) as u16;
        put(buf, room, x, y, &fit(&name, width), look.ink(Ink::Dim));
    }
    let floor = art::get("room.floor");
    floor.paint(buf, room, i32::from(room.x), at.floor, look);
    if let Some((x, y)) = at.lamp {
        art::get("room.lamp").paint(buf, room, x, y, look);
    }
    let (gx, gy) = at.goro;
    art::get("room.cushion").paint(buf, room, gx, at.floor, look);
    let g = scene.goro;
    let goro = art::get(g.pose.name());
    // Every drawing of Goro stands on the cushion by its last row.
    let top = gy + 8 - i32::from(goro.height());
    goro.paint(buf, room, gx + i32::from(g.dx), top + i32::from(g.dy), look);
    if let Some(c) = scene.chibi {
        let (x, y) = at.chibi;
        art::get(c.pose.name()).paint(buf, room, x + i32::from(c.dx), y + i32::from(c.dy), look);
    }
    if let Some(p) = scene.piyo {
        let (x, y) = at.piyo;
        art::get(p.pose.name()).paint(buf, room, x + i32::from(p.dx), y + i32::from(p.dy), look);
    }
    if let Some(bubble) = &app.bubble {
        let (anchor, above) = match bubble.who {
            Speaker::Piyo => (at.piyo, false),
            Speaker::Chibi => (at.chibi, true),
        };
        paint_bubble(&bubble.text, look, room, anchor, above, buf);
    }
}

fn paint_window(app: &App, room: Rect, (x, y): (i32, i32), buf: &mut Buffer) {
    let look = &app.look;
    let pane = Rect::new(x.max(0) as u16 + 2, y.max(0) as u16 + 1, 17, 4).intersection(room);
    buf.set_style(pane, look.sky(app.light));
    let name = app.scenery.name();
    let drawings = art::count(name).max(1);
    let weather = format!("{name}.{}", app.stage.scene().window % drawings + 1);
    art::get(&weather).paint(buf, pane, x + 2, y + 1, look);
    if app.light == Light::Night {
        // A night sky keeps its stars where the weather leaves room.
        for (dx, dy) in [(4, 0), (14, 1)] {
            let cell = &mut buf[(pane.x + dx, pane.y + dy)];
            if cell.symbol() == " " {
                cell.set_char('.');
                cell.set_style(look.ink(Ink::Moon));
            }
        }
    }
    art::get("window.frame").paint(buf, room, x, y, look);
}

/// Paints `text` in a bubble near `anchor` (the speaker's top-left):
/// above it for Chibi, beside it for Piyo.
fn paint_bubble(
    text: &str,
    look: &Look,
    room: Rect,
    anchor: (i32, i32),
    above: bool,
    buf: &mut Buffer,
) {
    let right = i32::from(room.right()) - 1;
    let (mut x, y_top);
    let mut width;
    if above {
        width = (i32::from(room.width) - 2).clamp(10, 34);
        x = (anchor.0 + 6 - width).max(i32::from(room.x) + 1);
        y_top = None;
    } else {
        x = anchor.0 + 7;
        width = (right - x).min(36);
        if width < 18 {
            // No room beside Piyo: the bubble goes over the window.
            x = i32::from(room.x) + 1;
            width = (right - x).min(40);
        }
        y_top = Some(i32::from(room.y));
    }
    let lines = wrap(text, (width - 4).max(4) as u16);
    width = lines.iter().map(|l| l.width() as i32).max().unwrap_or(0) + 4;
    if above {
        x = (anchor.0 + 6 - width).max(i32::from(room.x) + 1);
    }
    let height = lines.len() as i32 + 2;
    let y = y_top.unwrap_or((anchor.1 - height).max(i32::from(room.y)));
    let area = Rect::new(
        x.max(0) as u16,
        y.max(0) as u16,
        width as u16,
        height as u16,
    )
    .intersection(room);
    Clear.render(area, buf);
    Paragraph::new(lines.join("\n"))
        .style(look.bubble())
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(look.bubble())
                .padding(ratatui::widgets::Padding::horizontal(1)),
        )
        .render(area, buf);
}

/// Paints the shelf of today's joys into `shelf`.
pub fn paint_shelf(app: &App, shelf: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let wood = look.ink(Ink::Wood);
    for y in shelf.top()..shelf.bottom() {
        buf[(shelf.x, y)].set_char('│').set_style(wood);
    }
    let inner = Rect {
        x: shelf.x + 2,
        width: shelf.width.saturating_sub(3),
        ..shelf
    };
    let mut y = i32::from(inner.y) + 1;
    let title = RoomText::ShelfTitle.render(app.lang);
    put(
        buf,
        inner,
        i32::from(inner.x),
        y,
        &fit(&title, inner.width),
        look.accent(),
    );
    y += 2;
    if app.joys.is_empty() {
        for line in wrap(&RoomText::ShelfEmpty.render(app.lang), inner.width) {
            put(buf, inner, i32::from(inner.x), y, &line, look.ink(Ink::Dim));
            y += 1;
        }
        return;
    }
    let per_plank = if look.large_text { 1 } else { 2 };
    let rows_left = (i32::from(inner.bottom()) - y).max(0) as usize;
    // Each joy takes a row, each plank one more; the newest joys stay in view.
    let rows_per_joy = |n: usize| n + n.div_ceil(per_plank);
    let mut shown = app.joys.len();
    while shown > 0 && rows_per_joy(shown) + usize::from(shown < app.joys.len()) > rows_left {
        shown -= 1;
    }
    let hidden = app.joys.len() - shown;
    if hidden > 0 {
        let more = RoomText::ShelfMore(hidden).render(app.lang);
        put(
            buf,
            inner,
            i32::from(inner.x),
            y,
            &fit(&more, inner.width),
            look.ink(Ink::Dim),
        );
        y += 1;
    }
    let mark = words::kind_mark(EntryKind::Joy);
    for (i, joy) in app.joys[hidden..].iter().enumerate() {
        put(buf, inner, i32::from(inner.x), y, mark, look.ink(Ink::Pink));
        let text = fit(joy, inner.width.saturating_sub(2));
        put(
            buf,
            inner,
            i32::from(inner.x) + 2,
            y,
            &text,
            look.ink(Ink::Text),
        );
        y += 1;
        if (i + 1) % per_plank == 0 || i + 1 == shown {
            let plank = "▀".repeat(usize::from(inner.width));
            put(buf, inner, i32::from(inner.x), y, &plank, wood);
            y += 1;
        }
    }
}

/// Writes `text` at (`x`, `y`) if that row is inside `clip`.
pub fn put(buf: &mut Buffer, clip: Rect, x: i32, y: i32, text: &str, style: Style) {
    if y < i32::from(clip.y) || y >= i32::from(clip.bottom()) || x < 0 {
        return;
    }
    let room = (i32::from(clip.right()) - x).max(0) as usize;
    buf.set_stringn(x as u16, y as u16, text, room, style);
}
