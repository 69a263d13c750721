//! One frame of the joy window, drawn into a pixmap: Goro small in the
//! corner, the prompt, the field (its text wrapped, the input method's
//! composition underlined, the caret), the calm line and the two buttons.
//! Pure: the window copies the pixels out; the snapshots look at the same.

use iyashi_art::palette::{self, Rgb};
use iyashi_art::room::Shown;
use iyashi_core::catalogue::joy_window::JoyWindowSays;
use iyashi_core::catalogue::Message;
use iyashi_core::line_break::{may_begin_line, may_end_line};
use tiny_skia::{FillRule, Pixmap, Rect, Stroke, Transform};
use unicode_segmentation::UnicodeSegmentation;

use super::form::{Focus, Form, JoyButton};
use crate::canvas::fit::{Area, Fit};
use crate::canvas::paint::{corner, focus_ring, paint, pill, text, Pictures};
use crate::episode::font;
use crate::episode::shape::rounded_rect;

/// The window's own size, in units (logical pixels at scale 1).
pub const CARD: (f32, f32) = (440.0, 220.0);
/// Goro on his cushion, small, top right (the portrait's 228:190 shape).
pub const GORO: Area = Area::new(362.0, 6.0, 66.0, 55.0);
const PROMPT_AT: (f32, f32) = (18.0, 38.0);
/// The text field.
pub const FIELD: Area = Area::new(16.0, 64.0, 408.0, 96.0);
const FIELD_CORNER: f32 = 8.0;
/// How far outside a part the focus ring runs.
const FOCUS_GAP: f32 = 4.0;
const TEXT_SIZE: f32 = 16.0;
const LINE: f32 = 21.0;
const PAD: f32 = 9.0;
/// Lines the field shows at once; it scrolls to keep the caret in view.
const LINES_SHOWN: usize = 4;
const MESSAGE_AT: (f32, f32) = (18.0, 186.0);
const MESSAGE_W: f32 = 196.0;
pub const NOT_NOW: Area = Area::new(222.0, 172.0, 96.0, 36.0);
pub const KEEP: Area = Area::new(328.0, 172.0, 96.0, 36.0);

impl JoyButton {
    pub fn area(self) -> Area {
        match self {
            JoyButton::NotNow => NOT_NOW,
            JoyButton::Keep => KEEP,
        }
    }
}

/// The button under the pixel `(x, y)` of a window `width` × `height`.
pub fn button_at(width: u32, height: u32, x: f32, y: f32) -> Option<JoyButton> {
    let (ux, uy) = Fit::within(CARD, width, height).on_card(x, y);
    [JoyButton::NotNow, JoyButton::Keep]
        .into_iter()
        .find(|b| b.area().contains(ux, uy))
}

/// Where the caret is drawn, in the window's pixels (for the input
/// method's candidate box).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaretBox {
    pub x: f32,
    pub y: f32,
    pub h: f32,
}

/// Draws `form` over the whole of `pixmap`; says where the caret went.
pub fn frame(pixmap: &mut Pixmap, form: &Form, pictures: &mut Pictures) -> CaretBox {
    let fit = Fit::within(CARD, pixmap.width(), pixmap.height());
    let card = fit.transform();
    let p = palette::PAPER;
    pixmap.fill(tiny_skia::Color::from_rgba8(p.0, p.1, p.2, 255));

    pictures.draw(pixmap, fit, GORO, Shown::at_home("goro.sit", 0));
    let lang = form.lang;
    let prompt = JoyWindowSays::Prompt.render(lang);
    text(
        pixmap,
        card,
        &prompt,
        20.0,
        PROMPT_AT.0,
        PROMPT_AT.1,
        palette::INK,
    );

    let caret = field(pixmap, card, form);
    if let Some(message) = &form.message {
        let mut y = MESSAGE_AT.1 - 6.0;
        let lines = font::wrap(&message.render(lang), 13.0, MESSAGE_W, 2);
        if lines.len() == 1 {
            y += 6.0;
        }
        for line in lines {
            text(pixmap, card, &line, 13.0, MESSAGE_AT.0, y, palette::SOFT);
            y += 17.0;
        }
    }
    for (which, says, colours, hovered) in [
        (
            JoyButton::NotNow,
            JoyWindowSays::NotNow,
            (palette::PILL, palette::FAINT),
            (palette::WALL_SHADE, palette::SOFT),
        ),
        (
            JoyButton::Keep,
            JoyWindowSays::Keep,
            (palette::WASH_SUMMER, palette::LEAF_DEEP),
            (palette::LEAF, palette::LEAF_DEEP),
        ),
    ] {
        let colours = if form.hover == Some(which) {
            hovered
        } else {
            colours
        };
        pill(
            pixmap,
            card,
            which.area(),
            &says.render(lang),
            15.0,
            colours,
        );
        if form.focus == Focus::Button(which) {
            let a = which.area();
            focus_ring(pixmap, card, a, corner(a), FOCUS_GAP);
        }
    }
    CaretBox {
        x: fit.x + caret.0 * fit.scale,
        y: fit.y + caret.1 * fit.scale,
        h: LINE * fit.scale,
    }
}

/// The field with its text; returns the caret's top-left, in units.
fn field(pixmap: &mut Pixmap, card: Transform, form: &Form) -> (f32, f32) {
    let a = FIELD;
    if let Some(shape) = rounded_rect(a.x, a.y, a.w, a.h, FIELD_CORNER) {
        pixmap.fill_path(&shape, &paint(palette::PILL), FillRule::Winding, card, None);
        let stroke = Stroke {
            width: 1.5,
            ..Stroke::default()
        };
        pixmap.stroke_path(&shape, &paint(palette::FAINT), &stroke, card, None);
    }
    if form.focus == Focus::Field {
        focus_ring(pixmap, card, a, FIELD_CORNER, FOCUS_GAP);
    }
    // The text as shown: the input method's composition sits at the caret.
    let f = &form.field;
    let shown = format!(
        "{}{}{}",
        &f.text()[..f.caret()],
        f.preedit(),
        &f.text()[f.caret()..]
    );
    let composing = f.caret()..f.caret() + f.preedit().len();
    let caret = composing.end;
    let lines = lines(&shown, TEXT_SIZE, a.w - 2.0 * PAD);
    let caret_line = lines
        .iter()
        .rposition(|l| l.start <= caret)
        .unwrap_or_default();
    let first = (caret_line + 1).saturating_sub(LINES_SHOWN);
    let mut at = (a.x + PAD, a.y + PAD);
    for (n, line) in lines.iter().enumerate().skip(first).take(LINES_SHOWN) {
        let top = a.y + PAD + (n - first) as f32 * LINE;
        let baseline = top + TEXT_SIZE;
        let x = a.x + PAD;
        let words = shown[line.clone()].trim_end_matches('\n');
        text(pixmap, card, words, TEXT_SIZE, x, baseline, palette::INK);
        let (from, to) = (composing.start.max(line.start), composing.end.min(line.end));
        if from < to {
            let x0 = x + font::width(&shown[line.start..from], TEXT_SIZE);
            let x1 = x + font::width(&shown[line.start..to], TEXT_SIZE);
            fill(
                pixmap,
                card,
                (x0, baseline + 3.0, x1 - x0, 1.5),
                palette::INK,
            );
        }
        if n == caret_line {
            let cx = x + font::width(&shown[line.start..caret], TEXT_SIZE);
            at = (cx, top);
        }
    }
    if form.focus == Focus::Field && form.active {
        fill(
            pixmap,
            card,
            (at.0, at.1 + 1.0, 1.5, LINE - 2.0),
            palette::INK,
        );
    }
    at
}

fn fill(pixmap: &mut Pixmap, card: Transform, (x, y, w, h): (f32, f32, f32, f32), colour: Rgb) {
    if let Some(r) = Rect::from_xywh(x, y, w.max(0.5), h) {
        pixmap.fill_rect(r, &paint(colour), card, None);
    }
}

/// Where `text`'s lines begin and end (byte ranges; a new line ends its
/// line and belongs to it), at most `max` wide at `size`: a long line
/// breaks after its last space, or between graphemes where it has none
/// (Japanese), never inside one.
pub fn lines(text: &str, size: f32, max: f32) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (at, g) in text.grapheme_indices(true) {
        let end = at + g.len();
        if g == "\n" {
            lines.push(start..end);
            (start, space) = (end, None);
            continue;
        }
        if at > start && font::width(&text[start..end], size) > max {
            let cut = space
                .filter(|s| *s > start)
                .unwrap_or_else(|| kinsoku_cut(text, start, at));
            lines.push(start..cut);
            (start, space) = (cut, None);
        }
        if g == " " {
            space = Some(end);
        }
    }
    lines.push(start..text.len());
    lines
}

/// Where a line running out of room at `at` breaks: as late as core's
/// `line_break` allows, so a closing mark (「。」「」」) never begins the next
/// line and an opening one never ends this one. Where no place between
/// `start` and `at` allows it, `at`.
fn kinsoku_cut(text: &str, start: usize, at: usize) -> usize {
    let allowed = |cut: usize| {
        text[cut..].chars().next().is_none_or(may_begin_line)
            && text[..cut].chars().next_back().is_none_or(may_end_line)
    };
    let mut cut = at;
    while cut > start && !allowed(cut) {
        cut = text[start..cut]
            .grapheme_indices(true)
            .next_back()
            .map_or(start, |(back, _)| start + back);
    }
    if cut > start {
        cut
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_after_spaces_or_between_characters_and_at_new_lines() {
        let text = "warm tea with honey in the afternoon";
        let width = font::width("warm tea with ", 16.0) + 1.0;
        let got: Vec<&str> = lines(text, 16.0, width)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["warm tea with ", "honey in the ", "afternoon"]);
        let ja = "温かいお茶をゆっくり";
        let width = font::width("温かいお", 16.0) + 1.0;
        let got: Vec<&str> = lines(ja, 16.0, width).into_iter().map(|r| &ja[r]).collect();
        assert_eq!(got, ["温かいお", "茶をゆっ", "くり"]);
        let got: Vec<&str> = lines("a\nb\n", 16.0, 100.0)
            .into_iter()
            .map(|r| &"a\nb\n"[r])
            .collect();
        assert_eq!(
            got,
            ["a\n", "b\n", ""],
            "the caret after a new line has a line"
        );
    }

    #[test]
    fn lines_keep_closing_marks_with_what_they_close() {
        let ja = "温かいお茶。「雪」だ";
        let width = font::width("温かいお茶", 16.0) + 1.0;
        let got: Vec<&str> = lines(ja, 16.0, width).into_iter().map(|r| &ja[r]).collect();
        assert_eq!(got[0], "温かいお", "{got:?}");
        assert!(
            got[1].starts_with("茶。"),
            "「。」 goes along with 茶 rather than begin a line: {got:?}"
        );
        for pair in got.windows(2) {
            let (end, begin) = (pair[0].chars().next_back(), pair[1].chars().next());
            assert!(
                end.is_some_and(may_end_line) && begin.is_some_and(may_begin_line),
                "{got:?}"
            );
        }
        let got: Vec<&str> = lines("あいうえ「お", 16.0, width)
            .into_iter()
            .map(|r| &"あいうえ「お"[r])
            .collect();
        assert_eq!(got, ["あいうえ", "「お"], "「 does not end a line");
        let marks = "。。。。。。。";
        let got: Vec<&str> = lines(marks, 16.0, width)
            .into_iter()
            .map(|r| &marks[r])
            .collect();
        assert_eq!(got.concat(), marks, "a run no rule can break still breaks");
    }
}
