//! The cast's SVG files, embedded in the binary, and the one library of
//! drawings they make together.
//!
//! Each file is a standalone SVG (open it in a browser to see one drawing)
//! whose `<defs>` hold parts and drawings. A drawing is an element with an
//! id such as `goro.sit`; parts have ids with a dash (`goro-arm`). Pictures
//! are made by placing drawings with `<use>` in a document that carries the
//! whole library (see [`crate::picture`]).

use std::sync::OnceLock;

/// One SVG file of the cast: its name in `crates/art/cast/` and its text.
#[derive(Clone, Copy, Debug)]
pub struct File {
    /// The file's name.
    pub name: &'static str,
    /// The SVG itself.
    pub svg: &'static str,
}

macro_rules! files {
    ($($name:literal),*) => {
        /// Every file of the cast.
        pub const FILES: &[File] = &[$(File { name: $name, svg: include_str!(concat!("../cast/", $name)) },)*];
    };
}

files!(
    "common.svg",
    "goro.svg",
    "chibi.svg",
    "piyo.svg",
    "room.svg",
    "window.svg"
);

/// The inside of a file's `<defs>`: its parts and drawings.
pub fn defs_of(svg: &str) -> &str {
    let Some(open) = svg.find("<defs>") else {
        return "";
    };
    let inner = &svg[open + "<defs>".len()..];
    match inner.rfind("</defs>") {
        Some(close) => &inner[..close],
        None => "",
    }
}

/// Every file's parts and drawings, as one fragment to go inside a
/// document's `<defs>`.
pub fn library() -> &'static str {
    static LIBRARY: OnceLock<String> = OnceLock::new();
    LIBRARY.get_or_init(|| FILES.iter().map(|f| defs_of(f.svg)).collect())
}

/// Whether the cast has a drawing or part with this id.
pub fn defines(id: &str) -> bool {
    library().contains(&format!(" id=\"{id}\""))
}

/// Every drawing's id (ids with a dot: `goro.sit`, `window.snow.day.1`),
/// in the order the files give them.
pub fn drawings() -> Vec<&'static str> {
    library()
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| id.contains('.'))
        .collect()
}
