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
use super::layout::{Layout, TITLE_FROM};
use super::look::Ink;
use super::scene::{put, put_row};
use super::text::wrap;

/// Rows the prompt may take above the input box, at most.
const PROMPT_ROWS: usize = 3;

/// The layout of the room on a screen of `area` for this person: the key
/// line takes a second row when one row cannot hold every key the room, a
/// page or the quiet choice offers, and the screen is tall enough to spare
/// it. Decided for every mode at once, so opening a page does not move the
/// room.
pub fn layout(app: &App, area: Rect) -> Layout {
    let one = Layout::of(area, 1);
    if one.one_line || area.height < TITLE_FROM {
        return one;
    }
    let lang = app.lang;
    let large = app.look.large_text;
    let all_fit = [
        keys::room_hints(lang, large),
        keys::page_hints(lang, true),
        keys::quiet_hints(lang),
    ]
    .into_iter()
    .all(|hints| {
        let total = hints.len();
        arrange(hints, area.width, 1, large).0.concat().len() == total
    });
    if all_fit {
        one
    } else {
        Layout::of(area, 2)
    }
}

/// `hints` on at most `rows` rows of `width`, as few as hold them: as many
/// as fit, in order, with the `always` ones closing the last row; closer
/// together when that lets more fit. Returns the rows and the space between
/// hints.
fn arrange(hints: Vec<Hint>, width: u16, rows: u16, large: bool) -> (Vec<Vec<Hint>>, &'static str) {
    let (always, rest): (Vec<Hint>, Vec<Hint>) = hints.into_iter().partition(|h| h.always);
    let place = |spacing: &str, rows: usize| {
        let cost = |h: &Hint| h.key.width() + h.label.width() + 1 + spacing.len();
        let room = usize::from(width).saturating_sub(1) + spacing.len();
        let mut lines: Vec<Vec<Hint>> = Vec::new();
        let mut next = 0;
        for r in 0..rows {
            let mut budget = room;
            if r + 1 == rows {
                budget = budget.saturating_sub(always.iter().map(cost).sum::<usize>());
            }
            let mut line = Vec::new();
            while let Some(hint) = rest.get(next).filter(|h| cost(h) <= budget) {
                budget -= cost(hint);
                line.push(*hint);
                next += 1;
            }
            lines.push(line);
        }
        (lines, next)
    };
    let fewest = |spacing: &str| {
        let most = usize::from(rows.max(1));
        (1..most)
            .map(|n| place(spacing, n))
            .find(|(_, placed)| *placed == rest.len())
            .unwrap_or_else(|| place(spacing, most))
    };
    let roomy = if large { "   " } else { "  " };
    let (roomy_lines, roomy_count) = fewest(roomy);
    let (tight_lines, tight_count) = fewest(" ");
    let (mut lines, spacing) = if roomy_count < rest.len() && tight_count > roomy_count {
        (tight_lines, " ")
    } else {
        (roomy_lines, roomy)
    };
    if let Some(last) = lines.last_mut() {
        last.extend(always);
    }
    (lines, spacing)
}

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
    // Every way to be quiet is offered, even on a small screen: the
    // choices take rows above the key line there, as the input box's
    // prompt does, for as long as the choice is open.
    let above = if app.choosing_quiet && !layout.one_line {
        (area.y - layout.area.y).min(PROMPT_ROWS as u16)
    } else {
        0
    };
    let (lines, spacing) = arrange(hints, area.width, area.height + above, look.large_text);
    // Fewer rows than the line has sit at its bottom, by the screen's edge.
    let top = area.bottom() - lines.len() as u16;
    for y in top..area.y {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        blank(buf, row, &look);
    }
    for (y, hints) in (top..area.bottom()).zip(lines) {
        let mut spans = vec![Span::raw(" ")];
        for hint in &hints {
            spans.push(Span::styled(hint.key, look.accent()));
            spans.push(Span::styled(
                format!(" {}{spacing}", hint.label),
                look.ink(Ink::Dim),
            ));
        }
        Line::from(spans).render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// Clears `row` to the wall, for words drawn over the scene.
fn blank(buf: &mut ratatui::buffer::Buffer, row: Rect, look: &super::look::Look) {
    buf.set_style(row, look.wall());
    for x in row.left()..row.right() {
        buf[(x, row.y)].set_symbol(" ");
    }
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
    // The input box on the last row; the prompt above it.
    let area = Rect {
        y: layout.keys.bottom() - 1,
        height: 1,
        ..layout.keys
    };
    let above = usize::from(area.y - layout.area.y).min(PROMPT_ROWS);
    let mut lines = prompt_lines(app, typing, area.width);
    lines.truncate(above);
    let buf = frame.buffer_mut();
    for (i, words) in lines.iter().enumerate() {
        let row = Rect {
            y: area.y - (lines.len() - i) as u16,
            ..area
        };
        blank(buf, row, &look);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::keys::{PAGE, ROOM};
    use crate::room::tests::{app_at, key, screen, JOYS_EN, JOYS_JA};
    use iyashi_core::Lang;

    /// The key line's rows as shown.
    fn key_line(app: &App, (w, h): (u16, u16)) -> String {
        let shown = screen(app, w, h);
        let rows = usize::from(layout(app, Rect::new(0, 0, w, h)).keys.height);
        let lines: Vec<&str> = shown.lines().collect();
        lines[lines.len() - rows..].join("\n")
    }

    #[test]
    fn from_sixty_columns_every_key_of_the_room_and_of_a_page_is_offered() {
        let mut scrolled = 0;
        for lang in [Lang::En, Lang::Ja] {
            let joys = lang.pick(JOYS_EN, JOYS_JA);
            for size in [(60, 20), (80, 24), (100, 30), (120, 40)] {
                let mut app = app_at("2026-11-29T03:30:00Z", lang, joys);
                app.resize(size.0, size.1);
                let line = key_line(&app, size);
                for row in ROOM {
                    let hint = format!("{} {}", row.shown, row.word.label(lang));
                    assert!(
                        line.contains(&hint),
                        "{size:?} {lang}: no {hint} in\n{line}"
                    );
                }
                app.on_key(key('?'));
                let line = key_line(&app, size);
                let area = Rect::new(0, 0, size.0, size.1);
                let scrolls = super::super::pages::extent(&app, area).0 > 0;
                scrolled += usize::from(scrolls);
                for row in PAGE.iter().filter(|_| scrolls) {
                    let hint = format!("{} {}", row.shown, row.word.label(lang));
                    assert!(
                        line.contains(&hint),
                        "{size:?} {lang}: no {hint} in\n{line}"
                    );
                }
            }
        }
        assert!(
            scrolled > 0,
            "no help page scrolled: the page keys went untested"
        );
    }

    #[test]
    fn every_quiet_choice_is_offered_even_at_forty_by_twelve() {
        use crate::room::keys::QUIET;
        for lang in [Lang::En, Lang::Ja] {
            let mut app = app_at("2026-11-29T03:30:00Z", lang, JOYS_EN);
            app.resize(40, 12);
            app.on_key(key('z'));
            let shown = screen(&app, 40, 12);
            for row in QUIET {
                let hint = format!("{} {}", row.shown, row.word.label(lang));
                assert!(shown.contains(&hint), "{lang}: no {hint} in\n{shown}");
            }
            insta::assert_snapshot!(format!("quiet_choice_{lang}_40x12"), shown);
            // Chosen or not, the room's own rows come back.
            app.on_key(key('1'));
            let room = screen(&app, 40, 12);
            assert!(!room.contains(QUIET[1].word.label(lang)), "{room}");
        }
    }

    #[test]
    fn one_row_of_keys_when_one_holds_them_all() {
        let mut app = app_at("2026-11-29T03:30:00Z", Lang::En, JOYS_EN);
        app.resize(160, 40);
        assert_eq!(layout(&app, Rect::new(0, 0, 160, 40)).keys.height, 1);
        assert_eq!(layout(&app, Rect::new(0, 0, 80, 24)).keys.height, 2);
        // Too few rows to spare one: the help key stays, and with it the rest.
        let small = layout(&app, Rect::new(0, 0, 40, 12));
        assert_eq!(small.keys.height, 1);
        assert!(key_line(&app, (40, 12)).contains("? help"));
    }
}
