//! Goro's faces as the tray wants them: ARGB32 pixels, big-endian, not
//! premultiplied, one picture per size so every host (16 px panels to 64 px
//! docks) picks a crisp one.
//!
//! The faces are drawn from the cast ahead of time and kept beside this
//! file as raw ARGB (every size one after another, with and without the
//! letter mark), in the exact bytes the bus carries: the daemon runs all
//! day, and neither an SVG renderer nor a PNG decoder woken in it should
//! stay resident for a picture that never changes. Sent straight from the
//! binary, a face costs no heap at all, and only the face shown is ever
//! read from the disk. The tests draw them again from the cast and compare
//! every pixel, so there is one Goro.

use iyashi_art::icon::Face;

/// The sizes offered; hosts choose the nearest.
pub const SIZES: [u32; 5] = [16, 22, 32, 48, 64];

/// One picture: `(width, height, ARGB32 bytes)`, as the bus's `(iiay)`.
pub type Picture = (i32, i32, &'static [u8]);

/// `face` at every size, with the quiet mark of a waiting letter when
/// `letter` is set.
pub fn pictures(face: Face, letter: bool) -> [Picture; SIZES.len()] {
    let mut rest = kept(face, letter);
    SIZES.map(|size| {
        let (picture, after) = rest.split_at((size * size * 4) as usize);
        rest = after;
        (size as i32, size as i32, picture)
    })
}

/// The kept pictures of `face`: every size in order, ARGB32.
fn kept(face: Face, letter: bool) -> &'static [u8] {
    match (face, letter) {
        (Face::Content, false) => include_bytes!("faces/content.argb"),
        (Face::Content, true) => include_bytes!("faces/content-letter.argb"),
        (Face::LookingUp, false) => include_bytes!("faces/looking-up.argb"),
        (Face::LookingUp, true) => include_bytes!("faces/looking-up-letter.argb"),
        (Face::Asleep, false) => include_bytes!("faces/asleep.argb"),
        (Face::Asleep, true) => include_bytes!("faces/asleep-letter.argb"),
        (Face::Moon, false) => include_bytes!("faces/moon.argb"),
        (Face::Moon, true) => include_bytes!("faces/moon-letter.argb"),
    }
}

/// How many bytes a face's pictures take together.
#[cfg(test)]
fn kept_len() -> usize {
    SIZES.iter().map(|s| (s * s * 4) as usize).sum()
}

#[cfg(test)]
mod drawn;

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
                assert_eq!(kept(face, letter).len(), kept_len(), "{face:?}");
                for (w, h, data) in pictures(face, letter) {
                    assert_eq!(data.len(), (w * h * 4) as usize);
                    // Goro is there: a fair part of the square is opaque.
                    let opaque = data.chunks(4).filter(|p| p[0] == 255).count();
                    assert!(
                        opaque * 5 > (w * h) as usize,
                        "{face:?} at {w}px is nearly empty"
                    );
                    let hash = hex::encode(&Sha256::digest(data)[..8]);
                    hashes += &format!("{face:?} letter={letter} {w}x{h} {hash}\n");
                }
            }
        }
        // One snapshot for both programs this file is built into (iyashi
        // and iyashi-watch), so not named after either's module path.
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(hashes);
        });
    }

    #[test]
    fn the_faces_differ_and_the_letter_mark_shows() {
        let at_32 = |face, letter| pictures(face, letter)[2].2;
        for (i, a) in Face::ALL.iter().enumerate() {
            for b in &Face::ALL[i + 1..] {
                assert_ne!(at_32(*a, false), at_32(*b, false), "{a:?} and {b:?}");
            }
            assert_ne!(at_32(*a, false), at_32(*a, true));
        }
    }
}
