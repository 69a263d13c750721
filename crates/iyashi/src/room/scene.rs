//! The room itself: the window and its weather, the companions where the
//! stage puts them, the shelf of today's joys, and speech bubbles. Only
//! placing and painting drawings happens here; the drawings are data.

use iyashi_core::catalogue::room::{RoomAction, RoomText};
use iyashi_core::catalogue::{words, Message};
use iyashi_core::companion::{Light, Scene};
use iyashi_core::entry::EntryKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Speaker};
use super::art;
use super::keys;
use super::look::{Ink, Look};
use super::places::{Places, PERCH_WIDTH};
use super::text::{fit, wrap};

/// Paints the room (not the shelf) into `room`.
pub fn paint_room(app: &App, scene: &Scene, room: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let at = Places::of(room, true);
    if let Some(window) = at.window {
        paint_window(app, room, window, buf);
    }
    if let (Some((x, y, width)), Some(season)) = (at.caption, app.season) {
        let name = RoomText::SeasonShort(season.micro_season.season.name()).render(app.lang);
        put(buf, room, x, y, &fit(&name, width), look.ink(Ink::Dim));
    }
    if let Some((x, y)) = at.perch {
        let shelf = "▀".repeat(PERCH_WIDTH as usize);
        put(buf, room, x, y, &shelf, look.ink(Ink::Wood));
    }
    let floor = art::get("room.floor");
    for x in (i32::from(room.x)..i32::from(room.right())).step_by(usize::from(floor.width().max(1)))
    {
        floor.paint(buf, room, x, at.floor, look);
    }
    // Floorboards, their joints staggered from one to the next.
    for row in 1..=at.depth {
        let y = at.floor + row;
        let offset = (row * 7 % 23) as usize;
        let boards: String = (0..room.width as usize)
            .map(|i| {
                if (i + offset).is_multiple_of(23) {
                    '╵'
                } else {
                    '─'
                }
            })
            .collect();
        put(
            buf,
            room,
            i32::from(room.x),
            y,
            &boards,
            look.ink(Ink::Tatami),
        );
    }
    if let Some((x, y)) = at.lamp {
        art::get("room.lamp").paint(buf, room, x, y, look);
    }
    let scale = at.scale;
    let (gx, floor_y) = at.goro;
    scale
        .art("room.cushion")
        .paint(buf, room, gx, floor_y, look);
    let g = scene.goro;
    let standing = |name: &str, (x, floor): (i32, i32), dx: i8, dy: i8, buf: &mut Buffer| {
        let art = scale.art(name);
        let top = floor - i32::from(art.height()) + i32::from(dy);
        art.paint(buf, room, x + scale.dx(name, dx), top, look);
    };
    standing(g.pose.name(), at.goro, g.dx, g.dy, buf);
    if let (Some(c), Some(place)) = (scene.chibi, at.chibi) {
        standing(c.pose.name(), place, c.dx, c.dy, buf);
    }
    if let (Some(p), Some((x, y))) = (scene.piyo, at.piyo) {
        art::get(p.pose.name()).paint(buf, room, x + i32::from(p.dx), y + i32::from(p.dy), look);
    }
    if let Some(bubble) = &app.bubble {
        let top_left = (i32::from(room.x), i32::from(room.y));
        let (anchor, above) = match bubble.who {
            Speaker::Piyo => (at.piyo.unwrap_or(top_left), false),
            Speaker::Chibi => match at.chibi {
                Some((x, floor)) => (
                    (x, floor - i32::from(scale.art("chibi.sit").height())),
                    true,
                ),
                None => (top_left, false),
            },
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
        for line in wrap(
            &RoomText::ShelfEmpty {
                joy_key: keys::shown(RoomAction::Joy),
            }
            .render(app.lang),
            inner.width,
        ) {
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

/// `text` on the row `row`, one cell in from its left, cut to fit.
pub fn put_row(buf: &mut Buffer, row: Rect, text: &str, style: Style) {
    let text = format!(" {}", fit(text, row.width.saturating_sub(1)));
    put(buf, row, i32::from(row.x), i32::from(row.y), &text, style);
}

/// Writes `text` at (`x`, `y`) if that row is inside `clip`.
pub fn put(buf: &mut Buffer, clip: Rect, x: i32, y: i32, text: &str, style: Style) {
    if y < i32::from(clip.y) || y >= i32::from(clip.bottom()) || x < 0 {
        return;
    }
    let room = (i32::from(clip.right()) - x).max(0) as usize;
    buf.set_stringn(x as u16, y as u16, text, room, style);
}
