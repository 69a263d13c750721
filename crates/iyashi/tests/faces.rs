//! The binary's faces (the command line, the terminal room, the web room,
//! the daemon) stand side by side on the application layer: none imports
//! another, and the pieces they share import none of them. A face that
//! needs what another has moves it down (into `iyashi-app`, or core).
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use std::path::{Path, PathBuf};

/// Each face, and the files of `src/` that make it.
const FACES: &[(&str, &[&str])] = &[
    (
        "cli",
        &["cli.rs", "commands", "arg_mistake.rs", "help_words.rs"],
    ),
    ("room", &["room"]),
    ("web", &["web"]),
    // `bin/` holds the daemon's own program (`iyashi-watch`).
    ("watch", &["watch", "bin"]),
    ("break screen", &["screen"]),
    ("joy window", &["joy_window"]),
    ("desk", &["desk"]),
];

/// The crate's modules that belong to a face, as `crate::NAME` names them.
fn face_of_module(module: &str) -> Option<&'static str> {
    FACES.iter().find_map(|(face, parts)| {
        parts
            .iter()
            .any(|part| part.trim_end_matches(".rs") == module)
            .then_some(*face)
    })
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// Every `crate::NAME` the file mentions (in `use` lines and in paths).
fn modules_named(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `iyashi_crate::` or the like
        }
        let rest = &text[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            group.split(',').map(str::trim).collect()
        } else {
            vec![rest]
        };
        for name in names {
            let name: String = name
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

/// Which face (or `None`: shared) a file of `src/` belongs to.
fn face_of_file(src: &Path, file: &Path) -> Option<&'static str> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    face_of_module(first.as_os_str().to_str()?.trim_end_matches(".rs"))
}

#[test]
fn no_face_imports_another_face() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        if file.ends_with("main.rs") {
            continue; // the wiring: it hands each face its work
        }
        let own = face_of_file(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for module in modules_named(&text) {
            if let Some(other) = face_of_module(&module) {
                if Some(other) != own {
                    let who = own.unwrap_or("a shared module");
                    wrong.push(format!("{} ({who}) uses {other}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "faces import each other:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_in_every_form() {
    assert_eq!(modules_named("use crate::web::WebArgs;"), ["web"]);
    assert_eq!(modules_named("use crate::{cli, room::x};"), ["cli", "room"]);
    assert_eq!(modules_named("let _ = crate::watch::run();"), ["watch"]);
    assert!(modules_named("use iyashi_crate::web;").is_empty());
    assert_eq!(face_of_module("commands"), Some("cli"));
    assert_eq!(face_of_module("letters"), None);
}

#[test]
fn the_application_layer_knows_no_face() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/Cargo.toml");
    let text = std::fs::read_to_string(manifest).unwrap();
    let deps = text.split("[dependencies]").nth(1).unwrap();
    let deps = deps.split("\n[").next().unwrap();
    for face_crate in [
        "clap",
        "ratatui",
        "crossterm",
        "axum",
        "tokio",
        "iyashi ",
        "iyashi.",
    ] {
        let listed = deps.lines().any(|l| l.trim_start().starts_with(face_crate));
        assert!(!listed, "iyashi-app depends on {face_crate}");
    }
}
