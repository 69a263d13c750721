//! What a person meets on a fresh clone, before iyashi itself says a word:
//! the README's `cargo run --release` must know which program to run.
//!
//! `.ci/run` runs the README's commands literally from a clean clone; this
//! test says why they would fail in a second, from cargo's own description
//! of the workspace.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// What `cargo ARGS…` prints, run at the workspace's root.
fn cargo(args: &[&str]) -> Vec<u8> {
    let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn metadata() -> Value {
    let out = cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]);
    serde_json::from_slice(&out).unwrap()
}

/// `cargo run` without `-p` looks at the workspace's default members and
/// refuses ("could not determine which binary to run") unless they hold
/// exactly one binary, or one package among them names its `default-run`.
#[test]
fn cargo_run_in_the_workspace_runs_iyashi() {
    let meta = metadata();
    let defaults: Vec<&str> = meta["workspace_default_members"]
        .as_array()
        .expect("cargo lists the default members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let packages: Vec<&Value> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| defaults.contains(&p["id"].as_str().unwrap()))
        .collect();
    let binaries: Vec<&str> = packages
        .iter()
        .flat_map(|p| p["targets"].as_array().unwrap())
        .filter(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "bin"))
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    let chosen: Vec<&str> = match (binaries.len(), packages.as_slice()) {
        (1, _) => binaries.clone(),
        (_, [one]) => one["default_run"].as_str().into_iter().collect(),
        _ => Vec::new(),
    };
    assert_eq!(
        chosen,
        ["iyashi"],
        "what `cargo run` would choose among {binaries:?}"
    );
}

/// Each third-party crate in a build, with the features it is built with
/// (a crate built twice, for the build machine and for the program, has two
/// sets), as `cargo tree` resolves them for `args`.
fn features(args: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let tree = [
        &[
            "tree",
            "--offline",
            "--locked",
            "--prefix",
            "none",
            "--format",
            "{p}|{f}",
        ],
        args,
    ]
    .concat();
    let mut crates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8(cargo(&tree)).unwrap().lines() {
        let line = line.trim_end_matches(" (*)");
        let Some((package, features)) = line.split_once('|') else {
            continue;
        };
        // Workspace members carry their path; they are ours, not shared.
        if package.contains(" (/") || package.is_empty() {
            continue;
        }
        let name = package.trim_end_matches(" (proc-macro)").to_string();
        crates.entry(name).or_default().insert(features.to_string());
    }
    crates
}

/// `cargo test --workspace` builds every shared crate with the union of the
/// features any member asks for (the letters service's PostgreSQL driver
/// asks for many). A crate built with other features is a different crate,
/// so before `crates/workspace-hack` a `cargo run -p iyashi` after the tests
/// rebuilt `syn`, then every derive macro, then nearly everything above
/// them. The client now asks for the union itself, and nothing is rebuilt.
#[test]
fn the_client_alone_builds_its_dependencies_as_the_workspace_tests_do() {
    // The program's own crates (no build scripts or macros): each is built
    // once, so its features must be the same.
    let client = features(&["-p", "iyashi", "--edges", "normal,no-proc-macro"]);
    let workspace = features(&["--workspace", "--edges", "normal,dev,no-proc-macro"]);
    assert!(
        client.len() > 100,
        "cargo tree gave {} crates",
        client.len()
    );
    let mut differ = Vec::new();
    for (name, alone) in &client {
        match workspace.get(name) {
            Some(together) if together != alone => differ.push(format!(
                "{name}: `cargo run -p iyashi` builds it with {alone:?}, \
                 `cargo test --workspace` with {together:?}"
            )),
            _ => {}
        }
    }
    // With the build machine's crates (build scripts, derive macros) too:
    // the workspace may build more of them, but every one the client
    // builds must be among them.
    let client = features(&["-p", "iyashi", "--edges", "normal,build"]);
    let workspace = features(&["--workspace", "--edges", "normal,build,dev"]);
    let already = differ.len();
    for (name, alone) in &client {
        if differ[..already]
            .iter()
            .any(|d| d.starts_with(&format!("{name}:")))
        {
            continue;
        }
        if let Some(together) = workspace.get(name) {
            for set in alone.difference(together) {
                differ.push(format!(
                    "{name}: `cargo run -p iyashi` builds it with [{set}], \
                     `cargo test --workspace` only with {together:?}"
                ));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "add the missing features to crates/workspace-hack/Cargo.toml \
         ([build-dependencies] for crates of the build machine, such as syn):\n{}",
        differ.join("\n")
    );
}

/// The README and the docs it points to are read on a fresh clone, where
/// nothing outside the repository exists: every link must lead to a file
/// inside it.
#[test]
fn every_link_in_the_docs_stays_in_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap();
    let mut pages = vec![root.join("README.md")];
    for doc in std::fs::read_dir(root.join("docs")).expect("docs/ in the repository") {
        let path = doc.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for (_, rest) in text.match_indices("](").map(|(i, _)| text.split_at(i + 2)) {
            let target = rest.split([')', '#']).next().unwrap_or_default();
            if target.is_empty() || target.contains("://") {
                continue;
            }
            let path = page.parent().unwrap().join(target);
            match path.canonicalize() {
                Ok(found) if found.starts_with(&root) => {}
                _ => broken.push(format!("{}: {target}", page.display())),
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that lead nowhere on a fresh clone: {broken:?}"
    );
}

/// `cargo test --workspace` lists each ignored test with its reason; a
/// reason that says "(cargo test --workspace)" sends a person to the very
/// command they just ran. Each must say how to run it: `-- --ignored`.
#[test]
fn every_ignore_reason_says_how_to_run_the_test() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut unhelpful = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&crates)
        .unwrap()
        .flat_map(|c| ["src", "tests"].map(|d| c.as_ref().unwrap().path().join(d)))
        .collect();
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for reason in text.split("#[ignore = \"").skip(1) {
                    let reason = reason.split('"').next().unwrap_or_default();
                    if reason.contains("cargo test --workspace") && !reason.contains("--ignored") {
                        unhelpful.push(format!("{}: {reason}", path.display()));
                    }
                }
            }
        }
    }
    assert!(unhelpful.is_empty(), "{unhelpful:#?}");
}
