//! A screenshot through ImageMagick's `import`, read back as RGB rows so a
//! test can count the pixels of a colour where it expects a drawing.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::Desktop;

/// The whole screen, as RGB rows.
pub struct Shot {
    pub width: usize,
    pub rgb: Vec<u8>,
}

impl Shot {
    pub fn take(desktop: &Desktop, to: &Path) -> Shot {
        Shot::of_window(desktop, "root", to)
    }

    /// One window (an X id, or "root" for the whole screen).
    pub fn of_window(desktop: &Desktop, window: &str, to: &Path) -> Shot {
        Shot::import(desktop.command("import"), window, to)
    }

    /// `import` (a command naming its display) takes `window` into `to`.
    pub fn import(mut import: Command, window: &str, to: &Path) -> Shot {
        let ok = import
            .args(["-window", window])
            .arg(to)
            .status()
            .expect("import (apt-get install imagemagick)");
        assert!(ok.success());
        let mut decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(to).unwrap()));
        // import writes a screen that is all one grey as a grey PNG.
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let rgb = buf[..info.buffer_size()]
            .chunks(channels)
            .flat_map(|px| match px.len() {
                1 | 2 => [px[0]; 3].to_vec(),
                _ => px[..3].to_vec(),
            })
            .collect();
        Shot {
            width: info.width as usize,
            rgb,
        }
    }

    /// Dark pixels (words' ink, their soft edges too) in the box from
    /// `(x, y)`, `w` × `h`.
    pub fn dark(&self, (x, y): (i32, i32), (w, h): (i32, i32)) -> usize {
        let mut n = 0;
        for row in y..y + h {
            for col in x..x + w {
                let i = (row as usize * self.width + col as usize) * 3;
                let sum: u32 = self.rgb[i..i + 3].iter().map(|c| u32::from(*c)).sum();
                if sum < 450 {
                    n += 1;
                }
            }
        }
        n
    }

    /// Pixels near `colour` in the box from `(x, y)`, `w` × `h`.
    pub fn count(&self, (x, y): (i32, i32), (w, h): (i32, i32), colour: (u8, u8, u8)) -> usize {
        let near = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
        let mut n = 0;
        for row in y..y + h {
            for col in x..x + w {
                let i = (row as usize * self.width + col as usize) * 3;
                let d = near(self.rgb[i], colour.0)
                    + near(self.rgb[i + 1], colour.1)
                    + near(self.rgb[i + 2], colour.2);
                if d < 24 {
                    n += 1;
                }
            }
        }
        n
    }
}
