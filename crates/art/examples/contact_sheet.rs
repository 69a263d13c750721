//! Writes the cast's contact sheet: `cargo run -p iyashi-art --example
//! contact_sheet -- docs/cast.png`.

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "docs/cast.png".to_string());
    let (svg, height) = iyashi_art::sheet::svg();
    let pixmap = iyashi_art::render::render(&svg, iyashi_art::sheet::WIDTH, height)
        .expect("the sheet renders");
    pixmap.save_png(&out).expect("the sheet is written");
    println!("{out}");
}
