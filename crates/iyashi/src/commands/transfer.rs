//! `export` and `import`: the journal as JSON Lines or Markdown, and back.

use std::io::{BufWriter, IsTerminal, Write};

use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::{Message, Problem, Say};
use iyashi_core::interchange::{jsonl, markdown, Format, LineError, LineProblem};
use iyashi_core::printable::for_terminal;
use iyashi_store::StoreError;

use super::print;
use crate::cli::{ExportArgs, ExportFormat, ImportArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::home::AtomicFile;
use crate::output::Printer;

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<(), Failure> {
    let store = ctx.open_store()?;
    let Some(path) = &args.output else {
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        // Markdown read on a terminal is for the eye: control characters
        // in the text are shown, not obeyed. Anywhere else it is kept exact.
        let on_terminal = stdout.is_terminal();
        let written = write_all(ctx, &store, args.format, on_terminal, &mut out)
            .and_then(|n| out.flush().map(|()| n));
        return match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map(drop).map_err(Failure::output),
        };
    };
    let cannot_write = |e: std::io::Error| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    };
    let mut file = AtomicFile::create(path).map_err(cannot_write)?;
    let count = {
        let mut out = BufWriter::new(file.writer());
        let count = write_all(ctx, &store, args.format, false, &mut out).map_err(cannot_write)?;
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

fn line_failure(path: &str, line: usize, problem: String) -> Failure {
    Failure::bad_input(Problem::ImportLine {
        path: path.to_string(),
        line,
        problem,
    })
}
