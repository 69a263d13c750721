//! The tray's faces drawn from the cast, as the pictures kept in `faces/`
//! must be: the test that keeps them one Goro with the drawn cast, and writes
//! the new pictures beside the old ones when a drawing changed.

use std::path::PathBuf;

use iyashi_art::icon::Face;
use iyashi_art::palette;
use iyashi_art::tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

use super::{kept, SIZES};

/// `face` as the cast draws it: every size in order, ARGB32 big-endian,
/// not premultiplied.
fn drawn(face: Face, letter: bool) -> Vec<u8> {
    let mut argb = Vec::new();
    for size in SIZES {
        let mut pixmap = face.render(size).unwrap();
        if letter {
            mark_letter(&mut pixmap);
        }
        for pixel in pixmap.pixels() {
            let c = pixel.demultiply();
            argb.extend([c.alpha(), c.red(), c.green(), c.blue()]);
        }
    }
    argb
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
        true => format!("{name}-letter.argb"),
        false => format!("{name}.argb"),
    }
}

/// Every kept face is, pixel for pixel, what the cast draws today. When a
/// drawing changes, the new pictures are written as `NAME.argb.new` beside
/// the old: look at them (the hash snapshot names the sizes that changed),
/// and move them over the old.
#[test]
fn the_kept_faces_are_the_drawn_cast() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/watch/tray/faces");
    let mut changed = Vec::new();
    for face in Face::ALL {
        for letter in [false, true] {
            let drawn = drawn(face, letter);
            if kept(face, letter) != &drawn[..] {
                let new = dir.join(file_name(face, letter) + ".new");
                std::fs::write(&new, drawn).unwrap();
                changed.push(new.display().to_string());
            }
        }
    }
    assert!(
        changed.is_empty(),
        "the drawn cast changed; review and move over the old pictures: {changed:#?}"
    );
}
