//! How the room is painted: the inks of the drawings and the texts, in full
//! colour, in high contrast, or without colour at all.
//!
//! Colours come from the 256-colour palette rather than 24-bit colour, so
//! the room looks the same in tmux, over SSH and in older terminals.

use iyashi_core::companion::Light;
use ratatui::style::{Color, Modifier, Style};

/// A named ink. Drawings name inks by a letter in their mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ink {
    /// Ordinary words.
    Text,
    /// Quiet words: hints, notes.
    Dim,
    /// Goro's fur.
    Bear,
    /// Goro's muzzle and Chibi's.
    Muzzle,
    /// Eyes and noses.
    Eye,
    /// Inner ears, cheeks.
    Blush,
    /// The floor cushion (zabuton).
    Zabuton,
    /// A pillow, a blanket.
    Cloth,
    /// Chibi's fur.
    Chibi,
    /// Piyo.
    Yellow,
    /// Piyo's beak and feet.
    Orange,
    /// Blossom petals.
    Pink,
    /// Autumn leaves.
    Red,
    /// Leaves, grass.
    Green,
    /// Snow, clouds.
    White,
    /// Rain.
    Blue,
    /// The summer sun.
    Sun,
    /// The moon, a lamp.
    Moon,
    /// Wood: the window frame, the shelf.
    Wood,
    /// Tatami.
    Tatami,
}

impl Ink {
    /// The ink a mask letter names; `None` for a space, `.` or an unknown
    /// letter (the drawing's own ink).
    pub fn from_letter(letter: char) -> Option<Ink> {
        Some(match letter {
            't' => Ink::Text,
            'i' => Ink::Dim,
            'b' => Ink::Bear,
            'm' => Ink::Muzzle,
            'd' | 'e' => Ink::Eye,
            'x' => Ink::Blush,
            'z' => Ink::Zabuton,
            'c' => Ink::Cloth,
            'k' => Ink::Chibi,
            'y' => Ink::Yellow,
            'o' => Ink::Orange,
            'p' => Ink::Pink,
            'r' => Ink::Red,
            'g' => Ink::Green,
            'w' => Ink::White,
            'u' => Ink::Blue,
            's' => Ink::Sun,
            'l' => Ink::Moon,
            'f' => Ink::Wood,
            'a' => Ink::Tatami,
            _ => return None,
        })
    }

    fn palette(self) -> u8 {
        match self {
            Ink::Text => 252,
            Ink::Dim => 245,
            Ink::Bear => 137,
            Ink::Muzzle => 180,
            Ink::Eye => 234,
            Ink::Blush => 174,
            Ink::Zabuton => 131,
            Ink::Cloth => 224,
            Ink::Chibi => 179,
            Ink::Yellow => 221,
            Ink::Orange => 208,
            Ink::Pink => 218,
            Ink::Red => 167,
            Ink::Green => 107,
            Ink::White => 255,
            Ink::Blue => 110,
            Ink::Sun => 215,
            Ink::Moon => 229,
            Ink::Wood => 137,
            Ink::Tatami => 101,
        }
    }

    /// A darker tone of the ink, for lines drawn on a fill of it.
    fn shade(self) -> u8 {
        match self {
            Ink::Bear => 94,
            Ink::Chibi => 136,
            Ink::Yellow => 178,
            other => other.palette(),
        }
    }

    fn high_contrast(self) -> Color {
        match self {
            Ink::Text | Ink::Eye | Ink::White | Ink::Cloth => Color::White,
            Ink::Dim => Color::Gray,
            Ink::Bear | Ink::Muzzle | Ink::Wood | Ink::Tatami | Ink::Sun => Color::LightYellow,
            Ink::Chibi | Ink::Yellow | Ink::Moon => Color::Yellow,
            Ink::Blush | Ink::Pink | Ink::Zabuton | Ink::Red | Ink::Orange => Color::LightRed,
            Ink::Green => Color::LightGreen,
            Ink::Blue => Color::LightCyan,
        }
    }
}

/// The room's settings for how it looks, resolved once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    /// Any colour at all (off for `NO_COLOR`, a dumb terminal, the config).
    pub color: bool,
    /// Strong contrast: black and bright colours, bold words.
    pub high_contrast: bool,
    /// Bigger type, as far as a terminal allows: every word bold and
    /// bright (no quiet grey), fewer words, more space between lines.
    pub large_text: bool,
    /// Animate the companions.
    pub motion: bool,
}

impl Look {
    /// The style of an ink.
    pub fn ink(&self, ink: Ink) -> Style {
        // Large text has no quiet grey: every word is as bright as the rest.
        let ink = if self.large_text && ink == Ink::Dim {
            Ink::Text
        } else {
            ink
        };
        let style = Style::default();
        if !self.color {
            return match ink {
                Ink::Dim => style.add_modifier(Modifier::DIM),
                _ => style,
            };
        }
        let style = if self.high_contrast {
            style.fg(ink.high_contrast()).add_modifier(Modifier::BOLD)
        } else {
            style.fg(Color::Indexed(ink.palette()))
        };
        if self.large_text && matches!(ink, Ink::Text) {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// A character of a drawing: its ink, on its fill when it is inside a
    /// filled drawing (where the drawing's own ink turns to a darker shade,
    /// so seams and whiskers still show).
    pub fn dab(&self, ink: Ink, fill: Option<Ink>) -> Style {
        let Some(fill) = fill.filter(|_| self.color && !self.high_contrast) else {
            return Style::default().patch(self.ink(ink));
        };
        let fg = if ink == fill {
            fill.shade()
        } else {
            ink.palette()
        };
        Style::default()
            .fg(Color::Indexed(fg))
            .bg(Color::Indexed(fill.palette()))
    }

    /// The room's walls.
    pub fn wall(&self) -> Style {
        match (self.color, self.high_contrast) {
            (false, _) => Style::default(),
            (true, true) => Style::default().bg(Color::Black).fg(Color::White),
            (true, false) => Style::default()
                .bg(Color::Indexed(235))
                .fg(Color::Indexed(252)),
        }
    }

    /// The sky in the window.
    pub fn sky(&self, light: Light) -> Style {
        if !self.color {
            return Style::default();
        }
        let bg = match (self.high_contrast, light) {
            (true, Light::Day) => Color::Blue,
            (true, _) => Color::Black,
            (false, Light::Day) => Color::Indexed(60),
            (false, Light::Dusk) => Color::Indexed(96),
            (false, Light::Night) => Color::Indexed(17),
        };
        Style::default().bg(bg)
    }

    /// A speech bubble.
    pub fn bubble(&self) -> Style {
        match (self.color, self.high_contrast) {
            (false, _) => Style::default(),
            (true, true) => Style::default()
                .bg(Color::White)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::default()
                .bg(Color::Indexed(230))
                .fg(Color::Indexed(236)),
        }
    }

    /// Something to notice: a heading, a key.
    pub fn accent(&self) -> Style {
        if self.color {
            self.ink(Ink::Muzzle).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
}
