//! Goro, the big bear, sitting, as plain data: ovals and strokes in a box
//! 100 units wide and 100 high, drawn in order. He is original to iyashi,
//! round and quiet, and says nothing.

/// A colour with its opacity, 0–255 each.
pub type Rgba = (u8, u8, u8, u8);

const FUR: Rgba = (139, 98, 66, 255);
const FUR_DARK: Rgba = (112, 77, 51, 255);
const LIGHT: Rgba = (226, 196, 160, 255);
const INK: Rgba = (52, 38, 30, 255);
const WHITE: Rgba = (255, 255, 255, 230);
const BLUSH: Rgba = (232, 150, 140, 110);
const SHADOW: Rgba = (60, 40, 20, 40);

/// One part of the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// A filled oval: centre, radii, colour.
    Oval {
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        color: Rgba,
    },
    /// A round-ended stroke through points (a mouth, a claw line).
    Stroke {
        points: &'static [(f32, f32)],
        width: f32,
        color: Rgba,
    },
}

const fn oval(cx: f32, cy: f32, rx: f32, ry: f32, color: Rgba) -> Shape {
    Shape::Oval {
        cx,
        cy,
        rx,
        ry,
        color,
    }
}

/// Goro sitting with his paws on his belly, back to front.
pub const GORO: &[Shape] = &[
    oval(50.0, 97.0, 42.0, 4.0, SHADOW),
    // Body and belly.
    oval(50.0, 70.0, 31.0, 26.0, FUR),
    oval(50.0, 74.0, 19.0, 17.0, LIGHT),
    // Arms resting on the belly.
    oval(29.0, 70.0, 8.0, 13.0, FUR_DARK),
    oval(71.0, 70.0, 8.0, 13.0, FUR_DARK),
    // Feet, soles towards us.
    oval(32.0, 92.0, 11.0, 7.0, FUR),
    oval(68.0, 92.0, 11.0, 7.0, FUR),
    oval(32.0, 92.5, 6.0, 4.0, LIGHT),
    oval(68.0, 92.5, 6.0, 4.0, LIGHT),
    // Ears, then the head over them.
    oval(28.0, 16.0, 9.0, 9.0, FUR),
    oval(72.0, 16.0, 9.0, 9.0, FUR),
    oval(28.0, 16.5, 5.0, 5.0, LIGHT),
    oval(72.0, 16.5, 5.0, 5.0, LIGHT),
    oval(50.0, 34.0, 27.0, 23.0, FUR),
    // Face.
    oval(50.0, 42.0, 11.0, 8.0, LIGHT),
    oval(50.0, 38.6, 4.2, 3.0, INK),
    Shape::Stroke {
        points: &[
            (46.0, 44.0),
            (48.0, 45.6),
            (50.0, 44.2),
            (52.0, 45.6),
            (54.0, 44.0),
        ],
        width: 0.9,
        color: INK,
    },
    oval(39.0, 31.0, 2.6, 2.8, INK),
    oval(61.0, 31.0, 2.6, 2.8, INK),
    oval(39.8, 30.1, 0.9, 0.9, WHITE),
    oval(61.8, 30.1, 0.9, 0.9, WHITE),
    oval(33.0, 40.0, 4.5, 3.2, BLUSH),
    oval(67.0, 40.0, 4.5, 3.2, BLUSH),
];
