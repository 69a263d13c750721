//! `export` and `import`: the journal as JSON Lines or Markdown, and back.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use iyashi_core::catalogue::keeping::KeepingProblem;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::{Message, Problem, Say};
use iyashi_core::interchange::{jsonl, markdown, Format, LineError, LineProblem};
use iyashi_core::printable::for_terminal;
use iyashi_store::StoreError;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::print;
use crate::cli::{ExportArgs, ExportFormat, ImportArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::home::AtomicFile;
use crate::output::Printer;

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<(), Failure> {
    if let Some(path) = &args.output {
        refuse_odd_target(path)?;
    }
    let store = ctx.open_store()?;
    let never = AtomicBool::new(false);
    let Some(path) = &args.output else {
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        // Markdown read on a terminal is for the eye: control characters
        // in the text are shown, not obeyed. Anywhere else it is kept exact.
        let on_terminal = stdout.is_terminal();
        let written = write_all(ctx, &store, args.format, on_terminal, &never, &mut out)
            .and_then(|n| out.flush().map(|()| n));
        return written.map(drop).map_err(Failure::output);
    };
    crate::home::folder_must_exist(path)?;
    let cannot_write = |e: std::io::Error| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    };
    // Ctrl-C, a closed terminal or a polite kill stop the export between
    // two entries, and the half-written file goes with it (SIGKILL cannot be
    // caught: see AtomicFile for why nothing is left behind then either).
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(cannot_write)?;
    }
    let mut file = AtomicFile::create(path).map_err(cannot_write)?;
    let count = {
        let mut out = BufWriter::new(file.writer());
        let count =
            write_all(ctx, &store, args.format, false, &stop, &mut out).map_err(cannot_write)?;
        out.flush().map_err(cannot_write)?;
        count
    };
    file.commit().map_err(cannot_write)?;
    let said = Say::Exported {
        count,
        to: path.display().to_string(),
    };
    print(&format!("{}\n", said.render(ctx.lang)))
}

/// Streams every entry out; returns how many.
fn write_all(
    ctx: &Context,
    store: &iyashi_store::Store,
    format: ExportFormat,
    on_terminal: bool,
    stop: &AtomicBool,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let mut printer = Printer::new(ctx);
    let mut count = 0;
    let mut day = None;
    if let ExportFormat::Md = format {
        out.write_all(markdown::title(ctx.lang).as_bytes())?;
    }
    let streamed = store
        .for_each_entry(|mut entry| {
            if stop.load(Ordering::Relaxed) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "stopped by a signal",
                ));
            }
            if on_terminal {
                entry.text = for_terminal(&entry.text).into_owned();
            }
            count += 1;
            match format {
                ExportFormat::Jsonl => writeln!(out, "{}", jsonl::line(&entry)),
                ExportFormat::Md => {
                    if day != Some(entry.day) {
                        day = Some(entry.day);
                        out.write_all(markdown::day_heading(ctx.lang, entry.day).as_bytes())?;
                    }
                    let time = printer.time_of(&entry);
                    out.write_all(markdown::entry(ctx.lang, &entry, &time).as_bytes())
                }
            }
        })
        .map_err(std::io::Error::other)?;
    streamed.map(|()| count)
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<(), Failure> {
    let shown = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|e| {
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
        Some(Format::Jsonl) => jsonl::parse(&text, crate::zone::named),
        Some(Format::Markdown) => markdown::parse(&text, crate::zone::named),
        None if text.trim().is_empty() => Ok(Vec::new()),
        None => return Err(Failure::bad_input(Problem::ImportFormat { path: shown })),
    };
    let read = parsed.map_err(|LineError { line, problem }| {
        line_failure(&shown, line, problem.render(ctx.lang))
    })?;
    let (lines, entries): (Vec<usize>, Vec<_>) =
        read.into_iter().map(|n| (n.line, n.entry)).unzip();
    let count = match ctx.open_store()?.import(&entries) {
        Err(StoreError::Conflict { index, .. }) => {
            let problem = LineProblem::SameIdInJournal(entries[index].id.clone());
            return Err(line_failure(&shown, lines[index], problem.render(ctx.lang)));
        }
        other => other?,
    };
    let said = Say::Imported {
        added: count.added,
        already: count.already,
    };
    print(&format!("{}\n", said.render(ctx.lang)))
}

/// `export -o` writes only to a regular file (or a new one): a symbolic
/// link would be replaced by a file rather than followed, and a device or a
/// FIFO cannot be replaced at all. Looked at without following or opening.
fn refuse_odd_target(path: &Path) -> Result<(), Failure> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Failure::bad_input(Problem::Keeping(
            KeepingProblem::ExportTarget {
                path: path.display().to_string(),
                kind: iyashi_store::odd_kind(&meta.file_type()),
            },
        ))),
        _ => Ok(()),
    }
}

fn line_failure(path: &str, line: usize, problem: String) -> Failure {
    Failure::bad_input(Problem::ImportLine {
        path: path.to_string(),
        line,
        problem,
    })
}
