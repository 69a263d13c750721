//! A stamp of this build, the same in `iyashi` and `iyashi-watch` when cargo
//! builds them together. `cargo run` builds only the program it runs, so an
//! `iyashi-watch` left beside `iyashi` by an earlier build may be older; the
//! stamps tell `iyashi watch` not to hand over to it.

use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    // Anything either program is made of: a change anywhere makes a new stamp.
    for path in [
        "src",
        "Cargo.toml",
        "../app/src",
        "../core/src",
        "../store/src",
        "../art/src",
        "../art/cast",
        "../../Cargo.lock",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    println!("cargo:rustc-env=IYASHI_BUILD_STAMP={stamp}");
}
