//! The Help, Seasons, Log and Episode pages: their lines, wrapped to the
//! page's width (never cut off), and a window onto them that scrolls, with
//! a sign on the frame when there is more above or below. In the log, the
//! day a line belongs to stays at the top while its entries scroll past.

use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::season::{Named, SeasonText};
use iyashi_core::catalogue::{words, Message};
use iyashi_core::entry::Entry;
use iyashi_core::printable::for_terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Page};
use super::look::Ink;
use super::scene::put;
use super::text::wrap_hanging;

/// One row of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLine {
    pub text: String,
    pub style: Style,
    /// The line of the day this one belongs to (in the log).
    pub under: Option<usize>,
}

/// The page's frame, and the rows inside it where lines go.
fn frame(area: Rect, large_text: bool) -> (bool, Rect) {
    let framed = area.height >= 5 && area.width >= 12;
    let margin = if large_text { 2 } else { 1 };
    let inner = if framed {
        Rect::new(
            area.x + 1 + margin,
            area.y + 1,
            area.width.saturating_sub(2 + 2 * margin),
            area.height - 2,
        )
    } else {
        // Too few rows for a frame: a title row, then the lines.
        Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(1),
        )
    };
    (framed, inner)
}

/// How far the page can scroll, and how many of its lines show at once,
/// on a screen of `size`.
pub fn extent(app: &App, size: Rect) -> (usize, usize) {
    let (_, inner) = frame(super::footer::layout(app, size).page(), app.look.large_text);
    let lines = lines(app, inner.width).len();
    let rows = usize::from(inner.height);
    (lines.saturating_sub(rows), rows)
}

/// Draws the open page into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let look = &app.look;
    let title = match &app.page {
        Page::Help => RoomText::HelpTitle,
        Page::Seasons => RoomText::SeasonsTitle,
        Page::Log(_) => RoomText::LogTitle,
        Page::Episode(_) => RoomText::EpisodeTitle,
        Page::Room => return,
    }
    .render(app.lang);
    let (_, inner) = frame(area, look.large_text);
    let lines = lines(app, inner.width);
    // A short page is only as tall as its lines; the room shows below it.
    let area = Rect {
        height: area
            .height
            .min(lines.len() as u16 + 2)
            .max(area.height.min(5)),
        ..area
    };
    Clear.render(area, buf);
    buf.set_style(area, look.wall());
    let (framed, inner) = frame(area, look.large_text);
    let rows = usize::from(inner.height);
    let offset = app.scroll.min(lines.len().saturating_sub(rows));
    let above = offset;
    let below = lines.len().saturating_sub(offset + rows);
    let sign = |more: Option<RoomText>| {
        more.map(|m| Span::styled(format!(" {} ", m.render(app.lang)), look.accent()))
    };
    let up = sign((above > 0).then_some(RoomText::MoreAbove(above)));
    let down = sign((below > 0).then_some(RoomText::MoreBelow(below)));
    let title = Span::styled(format!(" {title} "), look.accent());
    if framed {
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(look.ink(Ink::Wood))
            .style(look.wall())
            .title(title);
        if let Some(up) = up {
            block = block.title_top(ratatui::text::Line::from(up).right_aligned());
        }
        if let Some(down) = down {
            block = block.title_bottom(ratatui::text::Line::from(down).right_aligned());
        }
        block.render(area, buf);
    } else {
        let row = Rect { height: 1, ..area };
        put(
            buf,
            row,
            i32::from(row.x),
            i32::from(row.y),
            &title.content,
            title.style,
        );
        let signs: String = [up, down]
            .into_iter()
            .flatten()
            .map(|s| s.content.into_owned())
            .collect();
        let x = i32::from(row.right()) - signs.width() as i32;
        put(buf, row, x, i32::from(row.y), &signs, look.accent());
    }
    // An entry never shows without its day: the day of the entries at the
    // top stays in view above them, or, when the top line is the last of
    // its day, the next day begins the page instead.
    let mut shown: Vec<&PageLine> = lines.iter().skip(offset).take(rows).collect();
    if let Some(day) = lines.get(offset).and_then(|l| l.under) {
        let next = lines.get(offset + 1);
        if next.is_some_and(|n| n.under.is_none()) {
            shown = lines.iter().skip(offset + 1).take(rows).collect();
        } else if day < offset {
            shown[0] = &lines[day];
        }
    }
    for (i, line) in shown.iter().enumerate() {
        let y = i32::from(inner.y) + i as i32;
        put(buf, inner, i32::from(inner.x), y, &line.text, line.style);
    }
}

/// The page's lines, wrapped to `width` cells.
pub fn lines(app: &App, width: u16) -> Vec<PageLine> {
    let look = &app.look;
    let (text, dim, accent) = (look.ink(Ink::Text), look.ink(Ink::Dim), look.accent());
    let mut out: Vec<PageLine> = Vec::new();
    // With large text, every item stands apart from the next.
    let gap = |out: &mut Vec<PageLine>| {
        if look.large_text {
            out.push(blank());
        }
    };
    let para = |out: &mut Vec<PageLine>, s: &str, style: Style, hang: usize| {
        out.extend(wrap_hanging(s, width, hang).into_iter().map(|l| PageLine {
            text: l,
            style,
            under: None,
        }));
    };
    match &app.page {
        Page::Help => {
            for (key, what) in super::keys::help_lines(app.lang) {
                para(&mut out, &format!("{key}  {what}"), text, key.width() + 2);
                gap(&mut out);
            }
            out.push(blank());
            para(&mut out, &RoomText::HelpTyping.render(app.lang), accent, 0);
            for (key, what) in super::keys::typing_help_lines(app.lang) {
                para(&mut out, &format!("{key}  {what}"), text, key.width() + 2);
                gap(&mut out);
            }
            out.push(blank());
            para(
                &mut out,
                &RoomText::HelpScroll {
                    keys: super::keys::scroll_keys(),
                }
                .render(app.lang),
                dim,
                2,
            );
            out.push(blank());
            para(&mut out, &RoomText::AboutGoro.render(app.lang), dim, 0);
        }
        Page::Seasons => {
            if let Some(s) = app.season {
                let micro = Named::Micro(s.micro_season.season);
                let term = Named::Term(s.term.season);
                para(
                    &mut out,
                    &SeasonText::Name(micro).render(app.lang),
                    accent,
                    0,
                );
                para(&mut out, &SeasonText::Note(micro).render(app.lang), text, 0);
                out.push(blank());
                let now = SeasonText::Now {
                    season: term,
                    fraction: s.term.fraction,
                };
                para(&mut out, &now.render(app.lang), accent, 0);
                para(&mut out, &SeasonText::Note(term).render(app.lang), text, 0);
                out.push(blank());
                let next = s.next();
                let next = SeasonText::Next {
                    season: Named::Micro(next.season),
                    at: app.tz.to_datetime(next.at),
                };
                para(&mut out, &next.render(app.lang), dim, 0);
            }
        }
        Page::Log(entries) if entries.is_empty() => {
            para(&mut out, &RoomText::LogEmpty.render(app.lang), dim, 0);
        }
        Page::Log(entries) => log_lines(app, entries, width, &mut out),
        Page::Episode(story) => {
            for line in story.lines() {
                para(&mut out, line, text, hang(line));
                if line.is_empty() {
                    gap(&mut out);
                }
            }
        }
        Page::Room => {}
    }
    out
}

/// Where the words of a wrapped line of the episode continue: under the
/// words of a listed item ("  23 Nov  warm tea…"), else under its start.
fn hang(line: &str) -> usize {
    let words = line.trim_start();
    let indent = line.len() - words.len();
    match words.find("  ") {
        Some(gap) if indent > 0 => line[..indent + gap + 2].width(),
        _ => indent,
    }
}

fn blank() -> PageLine {
    PageLine {
        text: String::new(),
        style: Style::default(),
        under: None,
    }
}

fn log_lines(app: &App, entries: &[Entry], width: u16, out: &mut Vec<PageLine>) {
    let look = &app.look;
    let mut day = None;
    let mut heading = 0;
    for e in entries {
        if day != Some(e.day) {
            if day.is_some() && look.large_text {
                out.push(blank());
            }
            day = Some(e.day);
            heading = out.len();
            out.push(PageLine {
                text: words::day(app.lang, e.day),
                style: look.accent(),
                under: None,
            });
        }
        // On the clock where it was written, as every face shows it.
        let lead = format!(
            "  {} {} ",
            iyashi_app::day::entry_time(e),
            words::kind_mark(e.kind)
        );
        let text = for_terminal(&e.text);
        let line = format!("{lead}{}", words::entry_words(app.lang, e.mood, &text));
        for text in wrap_hanging(line.trim_end(), width, lead.width()) {
            out.push(PageLine {
                text,
                style: look.ink(Ink::Text),
                under: Some(heading),
            });
        }
    }
}
