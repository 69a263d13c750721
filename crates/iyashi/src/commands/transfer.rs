//! `export` and `import`: the journal as JSON Lines or Markdown, and back.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use iyashi_app::export::write_entries;
use iyashi_core::catalogue::keeping::KeepingProblem;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::{Message, Problem, Say};
use iyashi_core::interchange::Format;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::print;
use crate::cli::{ExportArgs, ExportFormat, ImportArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::home::AtomicFile;

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
        let written = write_entries(
            ctx,
            &store,
            format_of(args.format),
            on_terminal,
            &never,
            &mut out,
        )
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
        let count = write_entries(ctx, &store, format_of(args.format), false, &stop, &mut out)
            .map_err(cannot_write)?;
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

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<(), Failure> {
    let count = iyashi_app::import::import_file(ctx, &args.file)?;
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

fn format_of(format: ExportFormat) -> Format {
    match format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Md => Format::Markdown,
    }
}
