//! The tray's faces drawn from the cast, as the strips kept in `faces/` must
//! be: the test that keeps them one Goro with the drawn cast, and writes the
//! new strip beside the old one when a drawing changed.

use std::path::PathBuf;

use iyashi_art::icon::Face;
use iyashi_art::palette;
use iyashi_art::tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

use super::{decode, strip, strip_width, SIZES};

/// The strip of `face` as the cast draws it: straight RGBA, every size left
/// to right, top-aligned.
fn drawn_strip(face: Face, letter: bool) -> Vec<u8> {
    let width = strip_width();
    let mut rgba = vec![0; width * SIZES[SIZES.len() - 1] as usize * 4];
    let mut left = 0;
    for size in SIZES {
        let mut pixmap = face.render(size).unwrap();
        if letter {
            mark_letter(&mut pixmap);
        }
        for (n, pixel) in pixmap.pixels().iter().enumerate() {
            let (x, y) = (n % size as usize, n / size as usize);
            let c = pixel.demultiply();
            let at = (y * width + left + x) * 4;
            rgba[at..at + 4].copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        left += size as usize;
    }
    rgba
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

fn file_name(face: Face, letter: bool) -> String {
    let name = match face {
        Face::Content => "content",
        Face::LookingUp => "looking-up",
        Face::Asleep => "asleep",
        Face::Moon => "moon",
    };
    match letter {
        true => format!("{name}-letter.png"),
        false => format!("{name}.png"),
    }
}

fn encode(rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, strip_width() as u32, SIZES[SIZES.len() - 1]);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(rgba).unwrap();
    writer.finish().unwrap();
    out
}

/// Every kept strip is, pixel for pixel, what the cast draws today. When a
/// drawing changes, the new strip is written as `NAME.png.new` beside the
/// old: look at it, and move it over the old one.
#[test]
fn the_kept_faces_are_the_drawn_cast() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/watch/tray/faces");
    let mut changed = Vec::new();
    for face in Face::ALL {
        for letter in [false, true] {
            let drawn = drawn_strip(face, letter);
            let kept = decode(strip(face, letter)).map(|(_, rgba)| rgba);
            if kept.as_deref() != Some(&drawn[..]) {
                let new = dir.join(file_name(face, letter) + ".new");
                std::fs::write(&new, encode(&drawn)).unwrap();
                changed.push(new.display().to_string());
            }
        }
    }
    assert!(
        changed.is_empty(),
        "the drawn cast changed; review and move over the old strips: {changed:#?}"
    );
}
