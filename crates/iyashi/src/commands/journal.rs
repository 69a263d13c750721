//! Writing things down: `joy`, `mood`, `note`, and `undo`.

use iyashi_app::journal::keep;
use iyashi_core::catalogue::{words, Message, Say};
use iyashi_core::entry::{EntryError, EntryKind, Mood};

use super::{entry_text, print};
use crate::cli::{MoodArgs, TextArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::output::Printer;

pub fn joy(ctx: &Context, args: &TextArgs) -> Result<(), Failure> {
    add(ctx, EntryKind::Joy, None, &entry_text(&args.text)?)
}

pub fn note(ctx: &Context, args: &TextArgs) -> Result<(), Failure> {
    add(ctx, EntryKind::Note, None, &entry_text(&args.text)?)
}

pub fn mood(ctx: &Context, args: &MoodArgs) -> Result<(), Failure> {
    let given = args
        .mood
        .to_str()
        .ok_or_else(|| Failure::bad_input(iyashi_core::catalogue::Problem::ArgumentNotUtf8))?;
    let mood: Mood = given
        .parse()
        .map_err(|_| EntryError::MoodOutOfRange(given.to_string()))?;
    let text = if args.text.is_empty() {
        String::new()
    } else {
        entry_text(&args.text)?
    };
    add(ctx, EntryKind::Mood, Some(mood), &text)
}

/// Checks the entry completely before the journal is opened, so bad input
/// never touches the file; prints "kept" only once the entry is on disk.
fn add(ctx: &Context, kind: EntryKind, mood: Option<Mood>, text: &str) -> Result<(), Failure> {
    let (_, count_today) = keep(ctx, kind, mood, text, ctx.now)?;
    let printer = Printer::new(ctx);
    let said = Say::Kept {
        kind,
        mood,
        count_today,
    }
    .render(ctx.lang);
    print(&format!(
        "{} {said}\n",
        printer.paint(
            anstyle::AnsiColor::Yellow.on_default(),
            words::kind_mark(kind)
        )
    ))
}

/// Removes the entry added last, after showing it.
pub fn undo(ctx: &Context) -> Result<(), Failure> {
    let mut store = ctx.open_store()?;
    let Some(last) = store.last_added()? else {
        return print(&format!("{}\n", Say::NothingToUndo.render(ctx.lang)));
    };
    let mut printer = Printer::new(ctx);
    let shown = format!(
        "{} {}\n{}",
        Say::Removed.render(ctx.lang),
        words::day(ctx.lang, last.day),
        printer.entry(&last, &[])
    );
    store.remove(&last.id)?;
    print(&shown)
}
