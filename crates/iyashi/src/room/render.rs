//! `render(&App, &mut Frame)`: the whole screen from the state, and nothing
//! else. ratatui compares it with the last screen and sends only the cells
//! that changed.

use iyashi_core::catalogue::room::{RoomAction, RoomText};
use iyashi_core::catalogue::{words, Message};
use iyashi_core::companion::GoroPose;
use iyashi_core::entry::EntryKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Next, Page};
use super::art;
use super::footer;
use super::keys;
use super::layout::Layout;
use super::look::Ink;
use super::pages;
use super::scene::{paint_room, paint_shelf, put, put_row};
use super::text::fit;

/// Draws the room.
pub fn render(app: &App, frame: &mut Frame) {
    let layout = footer::layout(app, frame.area());
    let buf = frame.buffer_mut();
    buf.set_style(layout.area, app.look.wall());
    if layout.one_line {
        one_line(app, &layout, buf);
    } else {
        if let Some(title) = layout.title {
            title_bar(app, title, buf);
        }
        paint_room(app, &app.stage.scene(), layout.room, buf);
        if let Some(shelf) = layout.shelf {
            paint_shelf(app, shelf, buf);
        }
        status_line(app, layout.status, layout.shelf.is_none(), buf);
    }
    if app.page != Page::Room {
        pages::render(app, layout.page(), frame.buffer_mut());
    }
    footer::render(app, &layout, frame);
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let look = &app.look;
    put_row(buf, area, &RoomText::Title.render(app.lang), look.accent());
    let day = format!("{} ", words::day(app.lang, app.day));
    let x = i32::from(area.right()) - day.width() as i32;
    put(buf, area, x, i32::from(area.y), &day, look.ink(Ink::Dim));
}

/// How much a part of the status line matters: on a narrow screen the
/// least needed parts give way first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    Now,
    Soon,
    Today,
    Aside,
}

/// Work today, the next break, the season: the status line's words.
fn status_words(app: &App) -> Vec<(Need, String)> {
    let r = &app.rhythm;
    let mut parts = Vec::new();
    // In the first minute of a session counted by hand, "counting work"
    // says it; "no work counted today" beside it would contradict it.
    if !(r.worked.is_zero() && r.manual) {
        parts.push((
            Need::Today,
            if r.worked.is_zero() {
                RoomText::NoWorkYet
            } else {
                RoomText::Worked(r.worked)
            }
            .render(app.lang),
        ));
    }
    match r.next {
        Next::In(d) => parts.push((Need::Soon, RoomText::NextBreak(d).render(app.lang))),
        Next::Due => parts.push((Need::Now, RoomText::BreakDue.render(app.lang))),
        Next::Resting(d) => {
            parts.push((Need::Now, RoomText::OnBreak(d).render(app.lang)));
            if let Some(n) = app.resting_together {
                let together = iyashi_app::letters::RestTogether::sentence(n, app.lang);
                parts.push((Need::Soon, together));
            }
        }
        Next::Unknown => {}
    }
    if r.manual {
        parts.push((
            Need::Soon,
            RoomText::WorkingManually {
                work_key: keys::shown(RoomAction::Work),
            }
            .render(app.lang),
        ));
    }
    if r.watched && !app.look.large_text {
        parts.push((Need::Aside, RoomText::WatchKeepsTime.render(app.lang)));
    }
    if let Some(season) = app.season {
        let name = RoomText::SeasonShort(season.term.season.name()).render(app.lang);
        parts.push((Need::Aside, name));
    }
    parts
}

/// The parts that fit in `width` cells, the most needed first, shown in
/// their own order and joined by " · ".
fn fitting(parts: Vec<(Need, String)>, width: u16) -> String {
    let mut by_need: Vec<usize> = (0..parts.len()).collect();
    by_need.sort_by_key(|&i| parts[i].0);
    let mut kept = vec![false; parts.len()];
    let mut used = 0;
    for i in by_need {
        let cost = parts[i].1.width() + if used == 0 { 0 } else { 3 };
        if used + cost <= usize::from(width) || used == 0 {
            kept[i] = true;
            used += cost;
        }
    }
    let shown: Vec<&str> = parts
        .iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|((_, s), _)| s.as_str())
        .collect();
    fit(&shown.join(" · "), width)
}

/// The status line; it counts today's joys when there is no shelf to show them.
fn status_line(app: &App, area: Rect, with_joys: bool, buf: &mut Buffer) {
    let mut parts = status_words(app);
    if with_joys {
        parts.insert(0, (Need::Today, joys_today(app)));
    }
    let line = fitting(parts, area.width.saturating_sub(1));
    put(
        buf,
        area,
        i32::from(area.x) + 1,
        i32::from(area.y),
        &line,
        app.look.ink(Ink::Text),
    );
}

fn joys_today(app: &App) -> String {
    format!("{} {}", words::kind_mark(EntryKind::Joy), app.joys.len())
}

/// Below 40×12: Goro's face, the joys and the status in one line, and a
/// word from Piyo or Chibi on the next when there is one.
fn one_line(app: &App, layout: &Layout, buf: &mut Buffer) {
    let look = app.look;
    let area = layout.status;
    let face = match app.stage.scene().goro.pose {
        GoroPose::Blink | GoroPose::Back | GoroPose::BackWiggle | GoroPose::StretchHigh => {
            "face.blink"
        }
        GoroPose::Hug | GoroPose::Squeeze | GoroPose::Turn => "face.happy",
        GoroPose::Yawn | GoroPose::YawnWide | GoroPose::Point => "face.sleepy",
        _ => "face.sit",
    };
    let face_art = art::get(face);
    face_art.paint(buf, area, i32::from(area.x) + 1, i32::from(area.y), &look);
    let mut parts = vec![(Need::Today, joys_today(app))];
    parts.extend(status_words(app));
    let x = area.x + face_art.width() + 2;
    let line = fitting(parts, area.right().saturating_sub(x));
    put(
        buf,
        area,
        i32::from(x),
        i32::from(area.y),
        &line,
        look.ink(Ink::Text),
    );
    if let (Some(bubble), true) = (&app.bubble, layout.room.height > 0) {
        let row = Rect {
            height: 1,
            ..layout.room
        };
        put_row(buf, row, &bubble.text, look.ink(Ink::Yellow));
    }
}
