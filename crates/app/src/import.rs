//! `iyashi import`: a file of entries (JSON Lines or Markdown, as `export`
//! writes them) read whole and kept, or nothing kept and the line to fix
//! named.

use std::path::Path;

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::Problem;
use iyashi_core::interchange::{jsonl, markdown, Format, LineError, LineProblem};
use iyashi_store::{ImportCount, StoreError};

use crate::context::Context;
use crate::failure::Failure;
use crate::zone;

/// Reads `file` and keeps its entries; entries already kept are left as
/// they are.
pub fn import_file(ctx: &Context, file: &Path) -> Result<ImportCount, Failure> {
    let shown = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| {
        Failure::failed(Problem::CannotRead {
            path: shown.clone(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        // The line holding the first bad byte, so it can be found and fixed.
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        line_failure(&shown, line, LineProblem::NotUtf8.render(ctx.lang))
    })?;
    let parsed = match Format::detect(&text) {
        Some(Format::Jsonl) => jsonl::parse(&text, zone::named),
        Some(Format::Markdown) => markdown::parse(&text, zone::named),
        None if text.trim().is_empty() => Ok(Vec::new()),
        None => return Err(Failure::bad_input(Problem::ImportFormat { path: shown })),
    };
    let read = parsed.map_err(|LineError { line, problem }| {
        line_failure(&shown, line, problem.render(ctx.lang))
    })?;
    let (lines, entries): (Vec<usize>, Vec<_>) =
        read.into_iter().map(|n| (n.line, n.entry)).unzip();
    match ctx.open_store()?.import(&entries) {
        Err(StoreError::Conflict { index, .. }) => {
            let problem = LineProblem::SameIdInJournal(entries[index].id.clone());
            Err(line_failure(&shown, lines[index], problem.render(ctx.lang)))
        }
        other => Ok(other?),
    }
}

fn line_failure(path: &str, line: usize, problem: String) -> Failure {
    Failure::bad_input(Problem::ImportLine {
        path: path.to_string(),
        line,
        problem,
    })
}
