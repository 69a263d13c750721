//! One palette for every face of iyashi: the drawn cast, the share card, the
//! plots, the web page and (through [`Rgb::ansi256`]) the terminal room.
//!
//! Every colour in the cast's SVG files is one of these (a test holds them
//! to it), so changing a colour here and in the drawings is one decision,
//! not a hunt. The colours are warm and calm; the pairs people read (ink on
//! paper, soft ink on paper) keep a contrast of at least 4.5:1.

/// A colour, opaque.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// As `(r, g, b)`, for APIs that take a tuple.
    pub const fn tuple(self) -> (u8, u8, u8) {
        (self.0, self.1, self.2)
    }

    /// As CSS and SVG write it: `#8b6242`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The nearest colour of the xterm 256-colour palette (its 6×6×6 cube and
    /// its greys), for a terminal that should look the same in tmux and over
    /// SSH.
    pub fn ansi256(self) -> u8 {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        let nearest = |c: u8| {
            (0..6)
                .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(c)).abs())
                .unwrap_or(0)
        };
        let (r, g, b) = (nearest(self.0), nearest(self.1), nearest(self.2));
        let cube = Rgb(LEVELS[r], LEVELS[g], LEVELS[b]);
        let grey_step = ((u32::from(self.0) + u32::from(self.1) + u32::from(self.2)) / 3)
            .saturating_sub(3)
            .min(235)
            / 10;
        let level = 8 + 10 * grey_step as u8;
        let grey = Rgb(level, level, level);
        if self.distance(grey) < self.distance(cube) {
            232 + grey_step as u8
        } else {
            16 + 36 * r as u8 + 6 * g as u8 + b as u8
        }
    }

    fn distance(self, other: Rgb) -> i32 {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(self.0, other.0) + d(self.1, other.1) + d(self.2, other.2)
    }

    /// Relative luminance as WCAG defines it, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// The WCAG contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

macro_rules! palette {
    ($($(#[$doc:meta])* $name:ident = ($r:literal, $g:literal, $b:literal),)*) => {
        $($(#[$doc])* pub const $name: Rgb = Rgb($r, $g, $b);)*

        /// Every colour with its name (`FUR_LINE`), for the web page's CSS
        /// variables and the test that holds the drawings to the palette.
        pub const ALL: &[(&str, Rgb)] = &[$((stringify!($name), $name),)*];
    };
}

/// A colour's name as a CSS custom property: `FUR_LINE` is `--fur-line`.
pub fn css_variable(name: &str) -> String {
    format!("--{}", name.to_ascii_lowercase().replace('_', "-"))
}

palette! {
    // Paper and ink: the card, the plots and the web page.
    /// The page: a warm, unbleached paper.
    PAPER = (247, 241, 229),
    /// Words.
    INK = (59, 42, 32),
    /// Quieter words: dates, hints, axis labels.
    SOFT = (122, 92, 70),
    /// The quietest marks: a signature, a faint rule.
    FAINT = (170, 150, 130),
    /// Grid lines on a plot.
    RULE = (236, 230, 220),
    /// A day without a mood in the year of pixels.
    NO_MOOD = (228, 222, 212),
    /// A pale pill behind a figure.
    PILL = (255, 253, 248),
    /// The petals of the flower that marks a joy.
    FLOWER = (236, 170, 160),
    /// Its heart.
    FLOWER_HEART = (240, 200, 110),

    // The plots' data: moods from heavy to bright, cool to warm, none of
    // them alarming; the hours and the day's limit.
    /// Mood 1, heavy.
    MOOD_1 = (96, 110, 160),
    /// Mood 2.
    MOOD_2 = (130, 160, 200),
    /// Mood 3, so-so.
    MOOD_3 = (190, 180, 160),
    /// Mood 4.
    MOOD_4 = (140, 190, 130),
    /// Mood 5, bright.
    MOOD_5 = (240, 200, 90),
    /// Hours worked.
    HOURS = (222, 170, 100),
    /// The daily limit's line: a soft clay, not an alarm.
    LIMIT = (200, 110, 100),

    // The seasons' washes behind the card's top.
    /// Spring.
    WASH_SPRING = (244, 217, 220),
    /// Summer.
    WASH_SUMMER = (220, 235, 210),
    /// Autumn.
    WASH_AUTUMN = (243, 222, 196),
    /// Winter.
    WASH_WINTER = (220, 229, 239),
    /// No season known.
    WASH_NONE = (236, 228, 214),

    // Goro.
    /// Goro's fur.
    FUR = (146, 102, 68),
    /// His arms and the fur in shadow.
    FUR_SHADE = (122, 84, 56),
    /// The soft line round his shapes.
    FUR_LINE = (88, 60, 42),
    /// His muzzle, belly, inner ears and soles.
    MUZZLE = (232, 206, 170),
    /// Eyes and noses.
    EYE = (52, 38, 30),
    /// White: the glint in an eye, a cloud, snow.
    WHITE = (255, 255, 255),
    /// Cheeks.
    BLUSH = (232, 150, 140),

    // Chibi, the small bear: honey.
    /// Chibi's fur.
    CHIBI = (218, 172, 104),
    /// Chibi's fur in shadow.
    CHIBI_SHADE = (196, 146, 80),
    /// The line round Chibi.
    CHIBI_LINE = (140, 98, 50),
    /// Chibi's muzzle and belly.
    CHIBI_LIGHT = (246, 226, 190),

    // Piyo, the yellow bird.
    /// Piyo.
    PIYO = (250, 210, 76),
    /// His wing.
    PIYO_SHADE = (236, 180, 48),
    /// The line round him.
    PIYO_LINE = (170, 120, 30),
    /// Beak and feet.
    BEAK = (236, 136, 60),

    // The room.
    /// The wall by day.
    WALL = (240, 229, 210),
    /// The wall's lower band and shadows.
    WALL_SHADE = (226, 211, 186),
    /// The wall in the lamp's light at night.
    WALL_NIGHT = (206, 182, 150),
    /// Tatami.
    TATAMI = (206, 196, 142),
    /// The weave of tatami.
    TATAMI_LINE = (180, 168, 112),
    /// The cloth border of a tatami mat.
    TATAMI_EDGE = (98, 112, 84),
    /// Goro's floor cushion (zabuton).
    CUSHION = (184, 96, 86),
    /// The cushion's line.
    CUSHION_LINE = (132, 64, 58),
    /// The cushion's tuft and piping.
    CUSHION_TUFT = (244, 206, 176),
    /// A pillow: a pale blue, so it shows against his belly.
    PILLOW = (200, 218, 228),
    /// The pillow's line.
    PILLOW_LINE = (122, 148, 170),
    /// Wood: the window frame, the lamp.
    WOOD = (160, 116, 78),
    /// Darker wood: lines, a sill.
    WOOD_DARK = (112, 78, 52),
    /// The lamp's paper.
    LAMP = (252, 238, 204),
    /// The lamp's glow.
    GLOW = (255, 212, 132),

    // The sky in the window, by the light.
    /// A day sky, high.
    SKY_DAY = (166, 206, 232),
    /// A day sky, near the horizon.
    SKY_DAY_LOW = (222, 238, 245),
    /// A grey sky of the long rains.
    SKY_RAIN = (176, 190, 202),
    /// Dusk, high.
    SKY_DUSK = (150, 134, 186),
    /// Dusk, near the horizon.
    SKY_DUSK_LOW = (246, 184, 140),
    /// Night, high.
    SKY_NIGHT = (38, 48, 86),
    /// Night, near the horizon.
    SKY_NIGHT_LOW = (72, 82, 124),
    /// A star.
    STAR = (255, 244, 200),
    /// The moon.
    MOON = (252, 240, 196),
    /// The sun.
    SUN = (255, 204, 112),

    // The seasons outside.
    /// Cherry blossom.
    PETAL = (248, 196, 208),
    /// The heart of a blossom.
    PETAL_DEEP = (232, 150, 170),
    /// A bare branch.
    BRANCH = (110, 80, 70),
    /// Fresh green.
    LEAF = (134, 184, 98),
    /// Green in shade.
    LEAF_DEEP = (88, 140, 74),
    /// Rain.
    RAIN = (120, 150, 186),
    /// Hydrangea (ajisai), blue.
    HYDRANGEA = (130, 146, 214),
    /// Hydrangea, violet.
    HYDRANGEA_PINK = (190, 146, 206),
    /// The wind chime's glass.
    CHIME = (196, 230, 238),
    /// The chime's paper tail.
    CHIME_PAPER = (244, 120, 110),
    /// Pampas grass (susuki).
    SUSUKI = (214, 194, 146),
    /// A red maple leaf.
    MAPLE = (212, 90, 62),
    /// A golden leaf.
    MAPLE_GOLD = (230, 160, 64),
    /// Snow in shade.
    SNOW_SHADE = (214, 226, 240),
}

/// The mood colours, heavy (1) to bright (5).
pub const MOODS: [Rgb; 5] = [MOOD_1, MOOD_2, MOOD_3, MOOD_4, MOOD_5];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_on_paper_are_easy_to_read() {
        assert!(INK.contrast(PAPER) >= 7.0, "{}", INK.contrast(PAPER));
        assert!(SOFT.contrast(PAPER) >= 4.5, "{}", SOFT.contrast(PAPER));
        for wash in [
            WASH_SPRING,
            WASH_SUMMER,
            WASH_AUTUMN,
            WASH_WINTER,
            WASH_NONE,
        ] {
            assert!(SOFT.contrast(wash) >= 4.5, "{wash:?}");
        }
    }

    #[test]
    fn the_terminal_gets_the_nearest_of_its_256_colours() {
        assert_eq!(Rgb(0, 0, 0).ansi256(), 16);
        assert_eq!(Rgb(255, 255, 255).ansi256(), 231);
        // The old room's Goro was colour 137 (#af875f); the fur is near it.
        assert_eq!(Rgb(175, 135, 95).ansi256(), 137);
        assert_eq!(Rgb(128, 128, 128).ansi256(), 244);
    }

    #[test]
    fn every_colour_has_one_name_and_one_value() {
        for (i, (name, rgb)) in ALL.iter().enumerate() {
            for (other, orgb) in &ALL[i + 1..] {
                assert_ne!(name, other);
                assert_ne!(rgb, orgb, "{name} and {other} are the same colour");
            }
        }
    }
}
