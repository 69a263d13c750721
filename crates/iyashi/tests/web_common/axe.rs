//! axe-core's accessibility audit, run in the page by a real browser.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use super::browser::Browser;

/// axe-core's script: `$IYASHI_AXE`, or the copy `npm ci --prefix tools/axe`
/// installs (`.ci/run` does).
pub fn axe_core() -> String {
    let path = std::env::var_os("IYASHI_AXE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tools/axe/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core at {}: {e} (run `npm ci --prefix tools/axe`)",
            path.display()
        )
    })
}

/// axe-core's serious and critical findings on the page as it is now, one
/// line each: the rule and where.
pub fn audit(browser: &Browser, axe: &str, what: &str) -> Vec<String> {
    browser.run(&format!("{axe}\n;return true;"));
    let found = browser.run_async(
        "const done = arguments[0]; \
         axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations \
           .filter((v) => v.impact === 'serious' || v.impact === 'critical') \
           .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))) \
         .catch((e) => done(['axe failed: ' + e]));",
    );
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| format!("{what}: {}", v.as_str().unwrap()))
        .collect()
}
