//! Where everything on the break screen goes: one card of 720 × 480
//! units, scaled to fit the window and centred in it (a fullscreen window
//! shows the same card, larger, on a calm field).

pub use crate::canvas::fit::{Area, Fit};

/// The card's own size, in units.
pub const CARD: (f32, f32) = (720.0, 480.0);

/// Goro on his cushion (the portrait's 228:190 shape).
pub const GORO: Area = Area::new(20.0, 64.0, 320.0, 267.0);
/// The right-hand column: the activity's words, the countdown.
pub const WORDS_X: f32 = 360.0;
/// How wide the words may run.
pub const WORDS_W: f32 = 340.0;
/// The activity's title: its size and how many lines it may take.
pub const TITLE_SIZE: f32 = 28.0;
pub const TITLE_LINES: usize = 2;
/// The activity's steps, under the title.
pub const STEPS_SIZE: f32 = 18.0;
pub const STEPS_LINES: usize = 5;
/// The title's first baseline.
pub const TITLE_Y: f32 = 96.0;
/// The countdown's baseline.
pub const COUNTDOWN_Y: f32 = 330.0;
/// The breath's words' baseline, under the countdown.
pub const BREATH_Y: f32 = 374.0;
/// The pacer's centre; it grows to [`PACER_R`] at the top of a breath.
pub const PACER_AT: (f32, f32) = (636.0, 318.0);
/// The pacer's largest radius.
pub const PACER_R: f32 = 44.0;
/// "5 minutes more" (and Esc).
pub const LATER: Area = Area::new(360.0, 410.0, 190.0, 48.0);
/// "Done".
pub const DONE: Area = Area::new(566.0, 410.0, 134.0, 48.0);
/// How far outside a button its focus ring runs (the buttons are 16 apart).
pub const FOCUS_GAP: f32 = 5.0;
/// The first baseline of the strict mode's words where the buttons would be.
pub const STRICT_Y: f32 = 428.0;

/// A button of the break screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    /// Put the break off (the postpone's length).
    Later,
    /// The break is over, rested.
    Done,
}

impl Button {
    /// Where the button is on the card.
    pub fn area(self) -> Area {
        match self {
            Button::Later => LATER,
            Button::Done => DONE,
        }
    }

    /// Where keyboard focus goes from `now` with Tab (or Shift+Tab when
    /// `back`), among the buttons `shown`, round and round. Nothing has
    /// focus until the first Tab, so an Enter typed into another window as
    /// the screen opens answers nothing.
    pub fn tab(shown: &[Button], now: Option<Button>, back: bool) -> Option<Button> {
        let n = shown.len();
        let at = now.and_then(|b| shown.iter().position(|s| *s == b));
        let next = match (at, back) {
            (None, false) => 0,
            (None, true) => n.checked_sub(1)?,
            (Some(i), false) => (i + 1) % n,
            (Some(i), true) => (i + n - 1) % n,
        };
        shown.get(next).copied()
    }
}

/// The window's first size, in pixels, on a screen of `screen` pixels at
/// `scale` pixels per unit: the card at the desktop's scale, made smaller
/// (never larger) so it fits with room for panels and a title bar. At twice
/// the scale on a laptop's 1280 × 800 the card at full size (1440 × 960)
/// would run off the screen, and the buttons with it.
pub fn window_size(screen: (u32, u32), scale: f64) -> (u32, u32) {
    let (w, h) = (f64::from(CARD.0) * scale, f64::from(CARD.1) * scale);
    let fits = (0.9 * f64::from(screen.0) / w)
        .min(0.85 * f64::from(screen.1) / h)
        .min(1.0);
    ((w * fits).round() as u32, (h * fits).round() as u32)
}

impl Fit {
    /// The break screen's card as large as fits, centred.
    pub fn of(width: u32, height: u32) -> Fit {
        Fit::within(CARD, width, height)
    }

    /// The button under the pixel `(x, y)`, among those shown.
    pub fn button_at(&self, x: f32, y: f32, shown: &[Button]) -> Option<Button> {
        let (ux, uy) = self.on_card(x, y);
        shown.iter().copied().find(|b| b.area().contains(ux, uy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_fits_and_its_buttons_are_found_where_they_are_drawn() {
        let fit = Fit::of(720, 480);
        assert_eq!((fit.scale, fit.x, fit.y), (1.0, 0.0, 0.0));
        let both = [Button::Later, Button::Done];
        assert_eq!(fit.button_at(445.0, 434.0, &both), Some(Button::Later));
        assert_eq!(fit.button_at(623.0, 434.0, &both), Some(Button::Done));
        assert_eq!(fit.button_at(558.0, 434.0, &both), None, "between them");
        // In strict mode there are none to press.
        assert_eq!(fit.button_at(623.0, 434.0, &[]), None);
        // A wide screen: the card is centred, twice the size.
        let wide = Fit::of(1920, 960);
        assert_eq!((wide.scale, wide.x, wide.y), (2.0, 240.0, 0.0));
        assert_eq!(
            wide.button_at(240.0 + 623.0 * 2.0, 434.0 * 2.0, &both),
            Some(Button::Done)
        );
    }

    #[test]
    fn the_window_opens_at_the_desktop_s_scale_but_never_larger_than_the_screen() {
        assert_eq!(window_size((1920, 1080), 1.0), (720, 480));
        assert_eq!(window_size((800, 600), 1.0), (720, 480));
        assert_eq!(window_size((3840, 2160), 2.0), (1440, 960));
        // HiDPI on a small screen: smaller, the card's shape kept.
        let (w, h) = window_size((1280, 800), 2.0);
        assert!(w <= 1152 && h <= 680, "{w} × {h}");
        assert_eq!(w * 2, h * 3);
        // A netbook's 1024 × 600 takes the card whole; 640 × 480 does not.
        assert_eq!(window_size((1024, 600), 1.0), (720, 480));
        assert_eq!(window_size((640, 480), 1.0), (576, 384));
    }

    #[test]
    fn tab_and_shift_tab_go_round_the_buttons_shown() {
        use Button::{Done, Later};
        let both = [Later, Done];
        assert_eq!(Button::tab(&both, None, false), Some(Later));
        assert_eq!(Button::tab(&both, Some(Later), false), Some(Done));
        assert_eq!(Button::tab(&both, Some(Done), false), Some(Later));
        assert_eq!(Button::tab(&both, None, true), Some(Done));
        assert_eq!(Button::tab(&both, Some(Later), true), Some(Done));
        // Once the break may not be put off again, only "Done" is there.
        assert_eq!(Button::tab(&[Done], Some(Later), false), Some(Done));
        assert_eq!(Button::tab(&[Done], Some(Done), true), Some(Done));
        // Strict mode: nothing to focus.
        assert_eq!(Button::tab(&[], None, false), None);
        assert_eq!(Button::tab(&[], Some(Done), true), None);
    }
}
