//! The bottom of the screen: the keys that work right now (the room's, or
//! an open page's), a passing word, or the input box.
//!
//! While something is being typed, the input box takes the whole key line,
//! so every typed character shows, and the prompt with its hint (or the
//! reason Enter did not keep it) sits whole in the rows just above it,
//! wrapped when the screen is narrow.

use iyashi_core::catalogue::room::RoomText;
use iyashi_core::catalogue::{words, Message};
use iyashi_core::entry::EntryKind;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Page, Typing};
use super::keys::{self, Hint};
use super::layout::Layout;
use super::look::Ink;
use super::scene::{put, put_row};
use super::text::wrap;

/// Rows the prompt may take above the input box, at most.
const PROMPT_ROWS: usize = 3;

/// Draws the key line (and, while typing, the prompt above it).
pub fn render(app: &App, layout: &Layout, frame: &mut Frame) {
    let area = layout.keys;
    if let Some(typing) = &app.typing {
        return typing_box(app, typing, layout, frame);
    }
    let look = app.look;
    let buf = frame.buffer_mut();
    if let Some((notice, _)) = &app.notice {
        return put_row(buf, area, notice, look.ink(Ink::Text));
    }
    let hints = if app.choosing_quiet {
        keys::quiet_hints(app.lang)
    } else if app.page == Page::Room {
        keys::room_hints(app.lang, look.large_text)
    } else {
        let (most, _) = super::pages::extent(app, layout.area);
        keys::page_hints(app.lang, most > 0)
    };
    // As many keys as fit, in order (closing always shows: help and quit in
    // the room); closer together when that lets more fit.
    let (always, rest): (Vec<Hint>, Vec<Hint>) = hints.into_iter().partition(|h| h.always);
    let fitting = |spacing: &str| {
        let cost = |h: &Hint| h.key.width() + h.label.width() + 1 + spacing.len();
        let mut budget = usize::from(area.width)
            .saturating_sub(1 + always.iter().map(cost).sum::<usize>())
            + spacing.len();
        rest.iter()
            .take_while(|hint| {
                let fits = cost(hint) <= budget;
                budget = budget.saturating_sub(cost(hint));
                fits
            })
            .count()
    };
    let roomy = if look.large_text { "   " } else { "  " };
    let spacing = if fitting(roomy) < rest.len() && fitting(" ") > fitting(roomy) {
        " "
    } else {
        roomy
    };
    let mut shown: Vec<_> = rest[..fitting(spacing)].to_vec();
    shown.extend(always);
    let mut spans = vec![Span::raw(" ")];
    for hint in &shown {
        spans.push(Span::styled(hint.key, look.accent()));
        spans.push(Span::styled(
            format!(" {}{spacing}", hint.label),
            look.ink(Ink::Dim),
        ));
    }
    Line::from(spans).render(area, buf);
}

/// A row of words in their styles.
type Row = Vec<(String, Style)>;

/// The prompt and its hint as rows of `width`: on one row when they fit.
fn prompt_lines(app: &App, typing: &Typing, width: u16) -> Vec<Row> {
    let look = &app.look;
    let prompt = match typing.kind {
        EntryKind::Joy => RoomText::AskJoy,
        EntryKind::Mood => RoomText::AskMood,
        EntryKind::Note => RoomText::AskNote,
    }
    .render(app.lang);
    let (hint, hint_style) = match &typing.problem {
        Some(problem) => (problem.clone(), look.ink(Ink::Blush)),
        None => (RoomText::InputHint.render(app.lang), look.ink(Ink::Dim)),
    };
    let inner = width.saturating_sub(2);
    if prompt.width() + 2 + hint.width() <= usize::from(inner) {
        return vec![vec![
            (format!("{prompt}  "), look.accent()),
            (hint, hint_style),
        ]];
    }
    let mut lines: Vec<Row> = Vec::new();
    // A problem matters more than the prompt when rows are few.
    if typing.problem.is_none() {
        lines.extend(
            wrap(&prompt, inner)
                .into_iter()
                .map(|l| vec![(l, look.accent())]),
        );
    }
    lines.extend(
        wrap(&hint, inner)
            .into_iter()
            .map(|l| vec![(l, hint_style)]),
    );
    lines
}

fn typing_box(app: &App, typing: &Typing, layout: &Layout, frame: &mut Frame) {
    let look = app.look;
    let area = layout.keys;
    let above = usize::from(area.y - layout.area.y).min(PROMPT_ROWS);
    let mut lines = prompt_lines(app, typing, area.width);
    lines.truncate(above);
    let buf = frame.buffer_mut();
    for (i, words) in lines.iter().enumerate() {
        let row = Rect {
            y: area.y - (lines.len() - i) as u16,
            ..area
        };
        buf.set_style(row, look.wall());
        for x in row.left()..row.right() {
            buf[(x, row.y)].set_symbol(" ");
        }
        let mut x = i32::from(row.x) + 1;
        for (text, style) in words {
            put(buf, row, x, i32::from(row.y), text, *style);
            x += text.width() as i32;
        }
    }
    let lead = format!(" {} ", words::kind_mark(typing.kind));
    let x = area.x + lead.width() as u16;
    let box_w = area.width.saturating_sub(lead.width() as u16 + 1).max(2);
    let (shown, cursor) = typing.input.view(box_w - 1);
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
    frame.set_cursor_position((x + cursor, area.y));
}
