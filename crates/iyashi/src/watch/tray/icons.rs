//! Goro's faces as the tray wants them: ARGB32 pixels, big-endian, not
//! premultiplied, one picture per size so every host (16 px panels to 64 px
//! docks) picks a crisp one.

use iyashi_art::icon::Face;
use iyashi_art::palette;
use iyashi_art::tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

/// The sizes offered; hosts choose the nearest.
pub const SIZES: [u32; 5] = [16, 22, 32, 48, 64];

/// One picture: `(width, height, ARGB32 bytes)`.
pub type Picture = (i32, i32, Vec<u8>);

/// `face` at every size, with the quiet mark of a waiting letter when
/// `letter` is set.
pub fn pictures(face: Face, letter: bool) -> Vec<Picture> {
    SIZES
        .iter()
        .filter_map(|&size| {
            let mut pixmap = face.render(size).ok()?;
            if letter {
                mark_letter(&mut pixmap);
            }
            Some((size as i32, size as i32, argb32(&pixmap)))
        })
        .collect()
}

/// A small round flower-coloured dot in the lower right corner: there, not
/// calling.
fn mark_letter(pixmap: &mut Pixmap) {
    let size = pixmap.width() as f32;
    let r = (size * 0.14).max(2.5);
    let Some(dot) = PathBuilder::from_circle(size - r - 0.5, size - r - 0.5, r) else {
        return;
    };
    let mut paint = Paint::default();
    let (red, green, blue) = palette::FLOWER.tuple();
    paint.set_color_rgba8(red, green, blue, 255);
    paint.anti_alias = true;
    pixmap.fill_path(&dot, &paint, FillRule::Winding, Transform::identity(), None);
}

/// tiny-skia keeps premultiplied RGBA; StatusNotifierItem wants straight
/// ARGB in network byte order.
fn argb32(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.alpha(), c.red(), c.green(), c.blue()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// One hash per face and size: a change to any drawing the tray shows is
    /// seen here, and the snapshot names which.
    #[test]
    fn the_tray_pictures_are_the_drawn_faces() {
        let mut hashes = String::new();
        for face in Face::ALL {
            for letter in [false, true] {
                for (w, h, data) in pictures(face, letter) {
                    assert_eq!(data.len(), (w * h * 4) as usize);
                    // Goro is there: a fair part of the square is opaque.
                    let opaque = data.chunks(4).filter(|p| p[0] == 255).count();
                    assert!(
                        opaque * 5 > (w * h) as usize,
                        "{face:?} at {w}px is nearly empty"
                    );
                    let hash = hex::encode(&Sha256::digest(&data)[..8]);
                    hashes += &format!("{face:?} letter={letter} {w}x{h} {hash}\n");
                }
            }
        }
        insta::assert_snapshot!(hashes);
    }

    #[test]
    fn the_faces_differ_and_the_letter_mark_shows() {
        let at_32 = |face, letter| pictures(face, letter).remove(2).2;
        for (i, a) in Face::ALL.iter().enumerate() {
            for b in &Face::ALL[i + 1..] {
                assert_ne!(at_32(*a, false), at_32(*b, false), "{a:?} and {b:?}");
            }
            assert_ne!(at_32(*a, false), at_32(*a, true));
        }
    }

    #[test]
    fn pixels_are_straight_argb() {
        let mut pixmap = Pixmap::new(1, 1).unwrap();
        pixmap.fill(iyashi_art::tiny_skia::Color::from_rgba8(200, 100, 50, 128));
        let bytes = argb32(&pixmap);
        assert_eq!(bytes[0], 128);
        // Premultiplied storage loses a little; straight colour comes back
        // within rounding.
        for (got, want) in bytes[1..].iter().zip([200u8, 100, 50]) {
            assert!(got.abs_diff(want) <= 2, "{bytes:?}");
        }
    }
}
