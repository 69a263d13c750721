//! One frame of the break screen, drawn into a pixmap: Goro doing the
//! activity, its words, the countdown (with the breathing pacer for a
//! breathing activity) and the buttons. Pure: the window only copies the
//! pixels out, and the snapshot tests look at the same pixels.

use iyashi_art::palette;
use iyashi_art::room::Shown;
use iyashi_core::catalogue::activities::Area as BodyArea;
use iyashi_core::catalogue::screen::ScreenSays;
use iyashi_core::catalogue::Message;
use iyashi_core::rhythm::{Activity, BreakKind, PACER_MAX};
use iyashi_core::Lang;
use jiff::SignedDuration;
use tiny_skia::{FillRule, PathBuilder, Pixmap, Stroke, Transform};

use super::layout::{self, Button, Fit};
pub use crate::canvas::paint::Pictures;
use crate::canvas::paint::{corner, focus_ring, paint, pill, text};
use crate::episode::font;

/// Which buttons the screen offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// "Done", and "N minutes more" when the break may still be put off.
    Buttons { later: Option<SignedDuration> },
    /// Strict mode: no buttons; the break ends by itself after `length`.
    None { length: SignedDuration },
}

impl Offer {
    /// The buttons on screen, in the order they are drawn.
    pub fn buttons(self) -> Vec<Button> {
        match self {
            Offer::Buttons { later: Some(_) } => vec![Button::Later, Button::Done],
            Offer::Buttons { later: None } => vec![Button::Done],
            Offer::None { .. } => Vec::new(),
        }
    }
}

/// Everything one frame shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub lang: Lang,
    pub kind: BreakKind,
    pub activity: Activity,
    /// Time left, shown as a clock.
    pub left: SignedDuration,
    /// Whole seconds since the break began: where the pacer is.
    pub elapsed: u64,
    /// Goro's drawing now (from the stage, through the player).
    pub goro: Shown,
    pub offer: Offer,
    /// The button under the pointer.
    pub hover: Option<Button>,
    /// The button the keyboard is on (Tab, Shift+Tab), ringed.
    pub focus: Option<Button>,
}

/// Draws `view` over the whole of `pixmap`.
pub fn frame(pixmap: &mut Pixmap, view: &View, pictures: &mut Pictures) {
    let fit = Fit::of(pixmap.width(), pixmap.height());
    let card = fit.transform();
    let p = palette::PAPER;
    pixmap.fill(tiny_skia::Color::from_rgba8(p.0, p.1, p.2, 255));
    pictures.draw(pixmap, fit, layout::GORO, view.goro);

    let lang = view.lang;
    let words = view.activity.words(lang);
    let mut y = layout::TITLE_Y;
    let (title, steps) = (layout::TITLE_SIZE, layout::STEPS_SIZE);
    for line in font::wrap(words.title, title, layout::WORDS_W, layout::TITLE_LINES) {
        text(pixmap, card, &line, title, layout::WORDS_X, y, palette::INK);
        y += 38.0;
    }
    y += 4.0;
    for line in font::wrap(words.steps, steps, layout::WORDS_W, layout::STEPS_LINES) {
        text(
            pixmap,
            card,
            &line,
            steps,
            layout::WORDS_X,
            y,
            palette::SOFT,
        );
        y += 28.0;
    }

    let left = ScreenSays::Left { left: view.left }.render(lang);
    text(
        pixmap,
        card,
        &left,
        34.0,
        layout::WORDS_X,
        layout::COUNTDOWN_Y,
        palette::INK,
    );
    if view.activity.guide().area == BodyArea::Breathing {
        pacer(pixmap, card, view);
    }

    match view.offer {
        Offer::None { length } => {
            let says = ScreenSays::EndsByItself { length }.render(lang);
            let mut y = layout::STRICT_Y;
            for line in font::wrap(&says, 16.0, layout::WORDS_W, 2) {
                text(pixmap, card, &line, 16.0, layout::WORDS_X, y, palette::SOFT);
                y += 24.0;
            }
        }
        Offer::Buttons { later } => {
            if let Some(postpone) = later {
                let label = ScreenSays::MoreMinutes { postpone }.render(lang);
                button(pixmap, card, Button::Later, &label, view);
            }
            let label = ScreenSays::Done.render(lang);
            button(pixmap, card, Button::Done, &label, view);
        }
    }
}

/// The pacer: a soft circle that grows with the in-breath and shrinks with
/// the out-breath, and the breath's words under the countdown.
fn pacer(pixmap: &mut Pixmap, card: Transform, view: &View) {
    let now = view.activity.breath().pacer(view.elapsed);
    let r = layout::PACER_R * f32::from(now.size) / f32::from(PACER_MAX);
    let (cx, cy) = layout::PACER_AT;
    if let Some(circle) = PathBuilder::from_circle(cx, cy, r.max(2.0)) {
        pixmap.fill_path(
            &circle,
            &paint(palette::PILLOW),
            FillRule::Winding,
            card,
            None,
        );
        let stroke = Stroke {
            width: 2.0,
            ..Stroke::default()
        };
        pixmap.stroke_path(&circle, &paint(palette::PILLOW_LINE), &stroke, card, None);
    }
    let says = ScreenSays::Breath {
        phase: now.phase,
        count: now.count,
    }
    .render(view.lang);
    let (x, y) = (layout::WORDS_X, layout::BREATH_Y);
    text(pixmap, card, &says, 22.0, x, y, palette::SOFT);
}

fn button(pixmap: &mut Pixmap, card: Transform, which: Button, label: &str, view: &View) {
    let a = which.area();
    if view.focus == Some(which) {
        focus_ring(pixmap, card, a, corner(a), layout::FOCUS_GAP);
    }
    let (fill, line) = match (which, view.hover == Some(which)) {
        (Button::Done, false) => (palette::WASH_SUMMER, palette::LEAF_DEEP),
        (Button::Done, true) => (palette::LEAF, palette::LEAF_DEEP),
        (Button::Later, false) => (palette::PILL, palette::FAINT),
        (Button::Later, true) => (palette::WALL_SHADE, palette::SOFT),
    };
    pill(pixmap, card, a, label, label_size(label, a.w), (fill, line));
}

/// A button's words at 20 units, or smaller when a long postpone
/// ("1 hour 30 minutes more") would otherwise touch the edges.
pub fn label_size(label: &str, button_w: f32) -> f32 {
    const SIZE: f32 = 20.0;
    let room = button_w - 2.0 * 10.0;
    let w = font::width(label, SIZE);
    if w > room {
        SIZE * room / w
    } else {
        SIZE
    }
}
