//! Reading back: `log`, `search` and `today`.

use iyashi_core::catalogue::{Message, Say};
use iyashi_core::day::DayRange;
use iyashi_core::entry::{Entry, EntryKind, Mood};
use jiff::civil::Date;

use serde::Serialize;

use super::{print, print_json, utf8_words};
use crate::cli::{JsonFlag, LogArgs, SearchArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::output::Printer;
use iyashi_app::day::DaySummary;

pub fn log(ctx: &Context, args: &LogArgs) -> Result<(), Failure> {
    let store = ctx.open_store()?;
    if let Some(tag) = &args.tag {
        let entries = store.entries_tagged(tag)?;
        return show(ctx, &entries, args.json, &[], || {
            Say::NothingFound(tag.clone())
        });
    }
    let today = ctx.today();
    let range = match &args.day {
        Some(given) => DayRange::single(iyashi_app::day::day_named(ctx, given)?),
        None if args.month => DayRange::month_of(today),
        None => DayRange::week_of(today),
    };
    let entries = store.entries_in(range)?;
    show(ctx, &entries, args.json, &[], || {
        if range.first == range.last {
            Say::NothingOnDay(range.first)
        } else {
            Say::NothingBetween(range.first, range.last)
        }
    })
}

pub fn search(ctx: &Context, args: &SearchArgs) -> Result<(), Failure> {
    let words = utf8_words(&args.words)?;
    let entries = ctx.open_store()?.search(&words)?;
    let joined = words.join(" ");
    show(ctx, &entries, args.json, &words, || {
        Say::NothingFound(joined.clone())
    })?;
    if !args.json && !entries.is_empty() {
        let found = Say::Found {
            count: entries.len(),
            words: joined,
        };
        print(&format!(
            "\n{}\n",
            Printer::new(ctx).quiet(&found.render(ctx.lang))
        ))?;
    }
    Ok(())
}

/// Prints entries by day, or as JSON, or says kindly that there are none.
fn show(
    ctx: &Context,
    entries: &[Entry],
    json: bool,
    found: &[String],
    nothing: impl FnOnce() -> Say,
) -> Result<(), Failure> {
    if json {
        return print_json(&entries);
    }
    let mut printer = Printer::new(ctx);
    if entries.is_empty() {
        return print(&format!("{}\n", printer.quiet(&nothing().render(ctx.lang))));
    }
    print(&printer.days(entries, found))
}

/// Today, for scripts.
#[derive(Serialize)]
struct TodayJson<'a> {
    day: Date,
    joys: usize,
    notes: usize,
    mood: Option<Mood>,
    entries: &'a [Entry],
}

/// `today`, and what `iyashi` prints when there is no room to open.
pub fn today(ctx: &Context, args: &JsonFlag) -> Result<(), Failure> {
    let day = ctx.today();
    let today = DaySummary::read(&ctx.open_store()?, day)?;
    let entries = &today.entries;
    if args.json {
        return print_json(&TodayJson {
            day,
            joys: today.count(EntryKind::Joy),
            notes: today.count(EntryKind::Note),
            mood: today.mood(),
            entries,
        });
    }
    let lang = ctx.lang;
    let mut printer = Printer::new(ctx);
    let bear = if ctx.color { "ʕ•ᴥ•ʔ " } else { "" };
    let mut out = format!(
        "{bear}{}\n",
        printer.paint(
            anstyle::Style::new().bold(),
            &Say::TodayHeading(day).render(lang)
        )
    );
    match today.line(lang) {
        None => out.push_str(&format!("{}\n", Say::TodayEmpty.render(lang))),
        Some(line) => out.push_str(&format!("{line}\n\n")),
    }
    {
        for entry in entries {
            out.push_str(&printer.entry(entry, &[]));
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        printer.quiet(&Say::GoroIsHere.render(lang))
    ));
    print(&out)
}
