//! Goro's faces as the tray wants them: ARGB32 pixels, big-endian, not
//! premultiplied, one picture per size so every host (16 px panels to 64 px
//! docks) picks a crisp one.
//!
//! The faces are drawn from the cast ahead of time and kept beside this
//! file as PNG strips (every size side by side, with and without the letter
//! mark): the daemon runs all day, and an SVG parser and renderer woken in
//! it would stay resident for a picture that never changes. The tests draw
//! them again from the cast and compare every pixel, so there is one Goro.

use std::io::Cursor;

use iyashi_art::icon::Face;

/// The sizes offered; hosts choose the nearest.
pub const SIZES: [u32; 5] = [16, 22, 32, 48, 64];

/// One picture: `(width, height, ARGB32 bytes)`.
pub type Picture = (i32, i32, Vec<u8>);

/// `face` at every size, with the quiet mark of a waiting letter when
/// `letter` is set.
pub fn pictures(face: Face, letter: bool) -> Vec<Picture> {
    let Some((width, rgba)) = decode(strip(face, letter)) else {
        return Vec::new();
    };
    let mut left = 0;
    SIZES
        .iter()
        .map(|&size| {
            let (size, at) = (size as usize, left);
            left += size;
            let argb = (0..size)
                .flat_map(|y| rgba[(y * width + at) * 4..(y * width + at + size) * 4].chunks(4))
                .flat_map(|p| [p[3], p[0], p[1], p[2]])
                .collect();
            (size as i32, size as i32, argb)
        })
        .collect()
}

/// The strip of `face`: every size left to right, top-aligned, straight RGBA.
fn strip(face: Face, letter: bool) -> &'static [u8] {
    match (face, letter) {
        (Face::Content, false) => include_bytes!("faces/content.png"),
        (Face::Content, true) => include_bytes!("faces/content-letter.png"),
        (Face::LookingUp, false) => include_bytes!("faces/looking-up.png"),
        (Face::LookingUp, true) => include_bytes!("faces/looking-up-letter.png"),
        (Face::Asleep, false) => include_bytes!("faces/asleep.png"),
        (Face::Asleep, true) => include_bytes!("faces/asleep-letter.png"),
        (Face::Moon, false) => include_bytes!("faces/moon.png"),
        (Face::Moon, true) => include_bytes!("faces/moon-letter.png"),
    }
}

/// A strip's width and its RGBA pixels (`None` only if the file kept in the
/// binary were not the PNG the tests read).
fn decode(png: &[u8]) -> Option<(usize, Vec<u8>)> {
    let mut reader = png::Decoder::new(Cursor::new(png)).read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    let whole = info.color_type == png::ColorType::Rgba
        && info.bit_depth == png::BitDepth::Eight
        && info.width as usize == strip_width()
        && info.height == SIZES[SIZES.len() - 1];
    whole.then_some((info.width as usize, rgba))
}

fn strip_width() -> usize {
    SIZES.iter().sum::<u32>() as usize
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
                let pictures = pictures(face, letter);
                assert_eq!(pictures.len(), SIZES.len());
                for (w, h, data) in pictures {
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
        // One snapshot for both programs this file is built into (iyashi
        // and iyashi-watch), so not named after either's module path.
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(hashes);
        });
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
    fn a_strip_that_is_not_the_faces_gives_no_pictures() {
        assert_eq!(decode(b"not a png"), None);
        let mut other = Vec::new();
        let mut encoder = png::Encoder::new(&mut other, 2, 2);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0; 16]).unwrap();
        writer.finish().unwrap();
        assert_eq!(decode(&other), None);
    }
}
