//! `iyashi export`: every entry of the journal streamed out as JSON Lines
//! or Markdown, which `iyashi import` reads back.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use iyashi_core::interchange::{jsonl, markdown, Format};
use iyashi_core::printable::for_terminal;
use iyashi_store::Store;

use crate::context::Context;
use crate::day::EntryTimes;

/// Streams every entry to `out` in `format`, oldest first, and returns how
/// many. `on_terminal`: Markdown read on a terminal is for the eye, so
/// control characters in the text are shown, not obeyed. Stops between two
/// entries once `stop` is set.
pub fn write_entries(
    ctx: &Context,
    store: &Store,
    format: Format,
    on_terminal: bool,
    stop: &AtomicBool,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let mut times = EntryTimes::default();
    let mut count = 0;
    let mut day = None;
    if let Format::Markdown = format {
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
                Format::Jsonl => writeln!(out, "{}", jsonl::line(&entry)),
                Format::Markdown => {
                    if day != Some(entry.day) {
                        day = Some(entry.day);
                        out.write_all(markdown::day_heading(ctx.lang, entry.day).as_bytes())?;
                    }
                    let time = times.of(&entry);
                    out.write_all(markdown::entry(ctx.lang, &entry, &time).as_bytes())
                }
            }
        })
        .map_err(std::io::Error::other)?;
    streamed.map(|()| count)
}
