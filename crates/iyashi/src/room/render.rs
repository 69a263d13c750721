//! `render(&App, &mut Frame)`: the whole screen from the state, and nothing
//! else. ratatui compares it with the last screen and sends only the cells
//! that changed.

use iyashi_core::catalogue::room::{help_lines, key_hints, RoomText};
use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::{words, Message};
use iyashi_core::companion::GoroPose;
use iyashi_core::entry::{Entry, EntryKind};
use iyashi_core::printable::for_terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Next, Page};
use super::art;
use super::look::Ink;
use super::scene::{paint_room, paint_shelf, put};
use super::text::{fit, wrap};

/// The smallest room; below it, the one-line companion.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Draws the room.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    buf.set_style(area, app.look.wall());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_compact(app, area, frame);
        return;
    }
    let shelf_width = (area.width * 3 / 10).clamp(20, 34);
    let middle = Rect::new(area.x, area.y + 1, area.width, area.height - 3);
    let room = Rect {
        width: middle.width - shelf_width,
        ..middle
    };
    let shelf = Rect {
        x: room.right(),
        width: shelf_width,
        ..middle
    };
    title_bar(app, Rect { height: 1, ..area }, buf);
    let scene = app.stage.scene();
    paint_room(app, &scene, room, buf);
    paint_shelf(app, shelf, buf);
    if app.page != Page::Room {
        page(app, room, buf);
    }
    status_line(
        app,
        Rect::new(area.x, area.bottom() - 2, area.width, 1),
        buf,
    );
    bottom_line(
        app,
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
        frame,
    );
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let title = format!(" {}", RoomText::Title.render(app.lang));
    put(
        buf,
        area,
        i32::from(area.x),
        i32::from(area.y),
        &title,
        look.accent(),
    );
    let day = format!("{} ", words::day(app.lang, app.day));
    let x = i32::from(area.right()) - day.width() as i32;
    put(buf, area, x, i32::from(area.y), &day, look.ink(Ink::Dim));
}

/// Work today, the next break, the season: the status line's words.
fn status_words(app: &App) -> Vec<String> {
    let r = &app.rhythm;
    let mut parts = vec![if r.worked.is_zero() {
        RoomText::NoWorkYet
    } else {
        RoomText::Worked(r.worked)
    }
    .render(app.lang)];
    match r.next {
        Next::In(d) => parts.push(RoomText::NextBreak(d).render(app.lang)),
        Next::Due => parts.push(RoomText::BreakDue.render(app.lang)),
        Next::Resting(d) => {
            parts.push(RoomText::OnBreak(d).render(app.lang));
            if let Some(n) = app.resting_together {
                parts.push(crate::letters::RestTogether::sentence(n, app.lang));
            }
        }
        Next::Unknown => {}
    }
    if r.manual {
        parts.push(RoomText::WorkingManually.render(app.lang));
    }
    if r.watched && !app.look.large_text {
        parts.push(RoomText::WatchKeepsTime.render(app.lang));
    }
    if let Some(season) = app.season {
        parts.push(RoomText::SeasonShort(season.term.season.name()).render(app.lang));
    }
    parts
}

fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let line = format!(" {}", status_words(app).join(" · "));
    put(
        buf,
        area,
        i32::from(area.x),
        i32::from(area.y),
        &fit(&line, area.width),
        app.look.ink(Ink::Text),
    );
}

/// The key hints, or the input box, or a passing word.
fn bottom_line(app: &App, area: Rect, frame: &mut Frame) {
    let look = app.look;
    if let Some(typing) = &app.typing {
        let prompt = match typing.kind {
            EntryKind::Joy => RoomText::AskJoy,
            EntryKind::Mood => RoomText::AskMood,
            EntryKind::Note => RoomText::AskNote,
        }
        .render(app.lang);
        let lead = format!(" {} {prompt} ", words::kind_mark(typing.kind));
        let hint = typing
            .problem
            .clone()
            .unwrap_or_else(|| RoomText::InputHint.render(app.lang));
        let hint_w = if area.width >= 70 {
            hint.width() as u16 + 2
        } else {
            0
        };
        let box_w = area
            .width
            .saturating_sub(lead.width() as u16 + hint_w)
            .max(4);
        let (shown, cursor) = typing.input.view(box_w - 1);
        let x = area.x + lead.width() as u16;
        let buf = frame.buffer_mut();
        put(
            buf,
            area,
            i32::from(area.x),
            i32::from(area.y),
            &lead,
            look.accent(),
        );
        buf.set_style(Rect::new(x, area.y, box_w, 1), look.bubble());
        put(
            buf,
            area,
            i32::from(x),
            i32::from(area.y),
            &shown,
            look.bubble(),
        );
        if hint_w > 0 {
            let style = if typing.problem.is_some() {
                look.ink(Ink::Blush)
            } else {
                look.ink(Ink::Dim)
            };
            put(
                buf,
                area,
                i32::from(x + box_w + 2),
                i32::from(area.y),
                &hint,
                style,
            );
        } else if let (Some(problem), true) = (&typing.problem, area.y > 0) {
            // Too narrow for the hint: the problem shows in the status line instead.
            let above = Rect {
                y: area.y - 1,
                ..area
            };
            buf.set_style(above, look.wall());
            put(
                buf,
                above,
                i32::from(area.x) + 1,
                i32::from(above.y),
                &fit(problem, area.width - 1),
                look.ink(Ink::Blush),
            );
        }
        frame.set_cursor_position((x + cursor, area.y));
        return;
    }
    let buf = frame.buffer_mut();
    if let Some((notice, _)) = &app.notice {
        let text = format!(" {}", fit(notice, area.width.saturating_sub(1)));
        put(
            buf,
            area,
            i32::from(area.x),
            i32::from(area.y),
            &text,
            look.ink(Ink::Text),
        );
        return;
    }
    let hints = key_hints(app.lang);
    let wanted: Vec<_> = if look.large_text {
        hints
            .into_iter()
            .filter(|(k, _)| matches!(*k, "j" | "?" | "q"))
            .collect()
    } else {
        hints
    };
    let cost = |(key, label): &(&str, &str)| key.width() + label.width() + 3;
    // Help and quit always show; the others as room allows, in order.
    let (always, rest): (Vec<_>, Vec<_>) = wanted
        .into_iter()
        .partition(|(k, _)| matches!(*k, "?" | "q"));
    let mut budget =
        usize::from(area.width).saturating_sub(1 + always.iter().map(cost).sum::<usize>());
    let mut shown: Vec<_> = rest
        .into_iter()
        .take_while(|hint| {
            let fits = cost(hint) <= budget;
            budget = budget.saturating_sub(cost(hint));
            fits
        })
        .collect();
    shown.extend(always);
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in &shown {
        spans.push(Span::styled(*key, look.accent()));
        spans.push(Span::styled(format!(" {label}  "), look.ink(Ink::Dim)));
    }
    Line::from(spans).render(area, buf);
}

/// The Help, Seasons, Log and Episode pages, over the room.
fn page(app: &App, room: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let area = Rect::new(
        room.x + 1,
        room.y,
        room.width.saturating_sub(2),
        room.height,
    );
    let title = match &app.page {
        Page::Help => RoomText::HelpTitle,
        Page::Seasons => RoomText::SeasonsTitle,
        Page::Log(_) => RoomText::LogTitle,
        Page::Episode(_) => RoomText::EpisodeTitle,
        Page::Room => RoomText::Title,
    }
    .render(app.lang);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(look.ink(Ink::Wood))
        .style(look.wall())
        .title(Span::styled(format!(" {title} "), look.accent()))
        .title_bottom(Span::styled(
            format!(" {} ", RoomText::CloseHint.render(app.lang)),
            look.ink(Ink::Dim),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let lines = page_lines(app, inner.width);
    // A long log shows its end, the newest entries; an episode its beginning.
    let skip = match app.page {
        Page::Log(_) => lines.len().saturating_sub(usize::from(inner.height)),
        _ => 0,
    };
    for (i, (text, style)) in lines.iter().skip(skip).enumerate() {
        put(
            buf,
            inner,
            i32::from(inner.x),
            i32::from(inner.y) + i as i32,
            text,
            *style,
        );
    }
}

fn page_lines(app: &App, width: u16) -> Vec<(String, Style)> {
    let look = &app.look;
    let (text, dim, accent) = (look.ink(Ink::Text), look.ink(Ink::Dim), look.accent());
    let mut out: Vec<(String, Style)> = Vec::new();
    let para = |out: &mut Vec<(String, Style)>, s: &str, style: Style| {
        out.extend(wrap(s, width).into_iter().map(|l| (l, style)));
    };
    match &app.page {
        Page::Help => {
            for (key, what) in help_lines(app.lang) {
                para(&mut out, &format!("{key}  {what}"), text);
            }
            out.push((String::new(), text));
            para(&mut out, &RoomText::AboutGoro.render(app.lang), dim);
        }
        Page::Seasons => {
            if let Some(s) = app.season {
                let micro = Named::Micro(s.micro_season.season);
                let term = Named::Term(s.term.season);
                para(&mut out, &SeasonText::Name(micro).render(app.lang), accent);
                para(&mut out, &SeasonText::Note(micro).render(app.lang), text);
                out.push((String::new(), text));
                let now = SeasonText::Now {
                    season: term,
                    fraction: s.term.fraction,
                };
                para(&mut out, &now.render(app.lang), accent);
                para(&mut out, &SeasonText::Note(term).render(app.lang), text);
                out.push((String::new(), text));
                let next = s.next();
                let at = app.tz.to_datetime(next.at);
                let next = SeasonText::Next {
                    season: Named::Micro(next.season),
                    at,
                };
                para(&mut out, &next.render(app.lang), dim);
            }
        }
        Page::Log(entries) if entries.is_empty() => {
            para(&mut out, &RoomText::LogEmpty.render(app.lang), dim);
        }
        Page::Log(entries) => log_lines(app, entries, width, &mut out),
        Page::Episode(story) => {
            for line in story.lines() {
                para(&mut out, line, text);
            }
        }
        Page::Room => {}
    }
    out
}

fn log_lines(app: &App, entries: &[Entry], width: u16, out: &mut Vec<(String, Style)>) {
    let look = &app.look;
    let mut day = None;
    for e in entries {
        if day != Some(e.day) {
            day = Some(e.day);
            out.push((words::day(app.lang, e.day), look.accent()));
        }
        let t = app.tz.to_datetime(e.at);
        let text = words::entry_words(app.lang, e.mood, &for_terminal(&e.text));
        let line = format!(
            "  {:02}:{:02} {} {}",
            t.hour(),
            t.minute(),
            words::kind_mark(e.kind),
            text
        );
        out.push((fit(line.trim_end(), width), look.ink(Ink::Text)));
    }
}

/// Below 60×20: Goro's face and the day in one line, and the input box or
/// a word from Piyo on a second line when there is one.
fn render_compact(app: &App, area: Rect, frame: &mut Frame) {
    let look = app.look;
    let face = match app.stage.scene().goro.pose {
        GoroPose::Blink | GoroPose::Back | GoroPose::BackWiggle | GoroPose::StretchHigh => {
            "face.blink"
        }
        GoroPose::Hug | GoroPose::Squeeze | GoroPose::Turn => "face.happy",
        GoroPose::Yawn | GoroPose::YawnWide | GoroPose::Point => "face.sleepy",
        _ => "face.sit",
    };
    let buf = frame.buffer_mut();
    let face_art = art::get(face);
    face_art.paint(buf, area, i32::from(area.x) + 1, i32::from(area.y), &look);
    let joys = format!("{} {}", words::kind_mark(EntryKind::Joy), app.joys.len());
    let mut parts = vec![joys];
    parts.extend(status_words(app));
    let x = area.x + face_art.width() + 2;
    let line = fit(&parts.join(" · "), area.right().saturating_sub(x));
    put(
        buf,
        area,
        i32::from(x),
        i32::from(area.y),
        &line,
        look.ink(Ink::Text),
    );
    if area.height >= 2 {
        let second = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        if app.typing.is_some() {
            bottom_line(app, second, frame);
        } else if let Some(bubble) = &app.bubble {
            let text = format!(" {}", fit(&bubble.text, area.width.saturating_sub(1)));
            put(
                frame.buffer_mut(),
                second,
                i32::from(second.x),
                i32::from(second.y),
                &text,
                look.ink(Ink::Yellow),
            );
        } else {
            bottom_line(app, second, frame);
        }
    } else if app.typing.is_some() {
        bottom_line(app, area, frame);
    }
}
