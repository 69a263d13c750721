//! `iyashi episode`, `iyashi plot` and `iyashi card`: the month told as an
//! episode, charts of work and mood, and a share card.
//!
//! Core builds the [`Episode`] and the [`DayPoint`]s; this module reads them
//! from the store and draws them: in the terminal with ratatui
//! ([`chart`]), to SVG or PNG with plotters ([`draw`]), and the card with
//! tiny-skia ([`card`]). Every file is written whole or not at all.

mod axis;
mod card;
mod chart;
mod draw;
pub(crate) mod font;
pub(crate) mod shape;
mod spacing;
mod typeset;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use iyashi_core::catalogue::episode::EpisodeText;
use iyashi_core::catalogue::system::SystemReason;
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::day::DayRange;
use iyashi_core::entry::Entry;
use iyashi_core::episode::{day_points, DayPoint, Episode, Month};
use iyashi_core::rhythm::Record;
use iyashi_core::Lang;
use jiff::civil::Date;
use jiff::SignedDuration;

use crate::context::Context;
use crate::failure::Failure;
use crate::home::write_atomically;
use crate::output::{print, print_json};

/// `iyashi episode [YYYY-MM] [--json | --md]`
#[derive(Debug, Args)]
pub struct EpisodeArgs {
    #[arg(value_name = "YYYY-MM")]
    pub month: Option<String>,
    #[arg(long, conflicts_with = "md")]
    pub json: bool,
    #[arg(long)]
    pub md: bool,
}

/// The span a plot covers, always the one around today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Span {
    Week,
    Month,
    Year,
}

/// `iyashi plot week|month|year [-o FILE.svg|.png]`
#[derive(Debug, Args)]
pub struct PlotArgs {
    #[arg(value_enum)]
    pub span: Span,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `iyashi card [YYYY-MM] -o card.png [--private]`
#[derive(Debug, Args)]
pub struct CardArgs {
    #[arg(value_name = "YYYY-MM")]
    pub month: Option<String>,
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: PathBuf,
    #[arg(long)]
    pub private: bool,
}

/// The month asked for, or the one under way.
/// `command` is the one whose help a mistake points to.
fn month_of(ctx: &Context, given: Option<&str>, command: &'static str) -> Result<Month, Failure> {
    match given {
        None => Ok(Month::of(ctx.today())),
        Some(text) => text.parse().map_err(|_| {
            Failure::bad_input(Problem::Usage {
                text: EpisodeText::BadMonth(text.to_string()).render(ctx.lang),
                command,
            })
        }),
    }
}

/// The entries and records of `range`, straight from the store.
fn load(ctx: &Context, range: DayRange) -> Result<(Vec<Entry>, Vec<Record>), Failure> {
    let store = ctx.open_store()?;
    Ok((store.entries_in(range)?, store.records_in(range)?))
}

fn build(ctx: &Context, month: Month) -> Result<Episode, Failure> {
    iyashi_app::episode::episode_of(ctx, &ctx.open_store()?, month, ctx.today())
}

pub fn episode(ctx: &Context, args: &EpisodeArgs) -> Result<(), Failure> {
    let episode = build(ctx, month_of(ctx, args.month.as_deref(), "episode")?)?;
    if args.json {
        return print_json(&episode);
    }
    if args.md {
        return print(&episode.render_markdown(ctx.lang));
    }
    let text = episode.render_text(ctx.lang);
    if !ctx.color {
        return print(&text);
    }
    // On a terminal the heading stands out; the rest stays plain.
    let (heading, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let bold = anstyle::Style::new().bold();
    print(&format!("{bold}{heading}{bold:#}\n{rest}"))
}

/// What a plot shows: every day of the span, up to the end of it.
pub struct PlotData {
    pub span: Span,
    pub range: DayRange,
    pub today: Date,
    pub days: Vec<DayPoint>,
    /// The limit as configured now, for the line.
    pub limit: SignedDuration,
}

impl PlotData {
    /// The days named under the charts, as (index in `days`, label): a
    /// year names every month at its first day, so work that began on the
    /// first of a month is seen under that month; a week names every day, a
    /// month every seventh day from its first.
    fn marks(&self, lang: Lang) -> Vec<(usize, String)> {
        self.days
            .iter()
            .enumerate()
            .filter_map(|(i, point)| {
                let label = match self.span {
                    Span::Year if point.day.day() == 1 => {
                        EpisodeText::PlotMonth(point.day.month()).render(lang)
                    }
                    Span::Week => EpisodeText::ShortDay(point.day).render(lang),
                    Span::Month if i % 7 == 0 => EpisodeText::ShortDay(point.day).render(lang),
                    _ => return None,
                };
                Some((i, label))
            })
            .collect()
    }
}

fn span_range(span: Span, today: Date) -> DayRange {
    match span {
        Span::Week => DayRange::week_of(today),
        Span::Month => DayRange::month_of(today),
        Span::Year => DayRange {
            first: today.first_of_year(),
            last: today.last_of_year(),
        },
    }
}

pub fn plot(ctx: &Context, args: &PlotArgs) -> Result<(), Failure> {
    // The extension is checked before any work, so a typo costs nothing.
    let kind = args
        .output
        .as_deref()
        .map(|p| image_kind(ctx, p, &[ImageKind::Svg, ImageKind::Png], "plot"))
        .transpose()?;
    let today = ctx.today();
    let range = span_range(args.span, today);
    let (entries, records) = load(ctx, range)?;
    let data = PlotData {
        span: args.span,
        range,
        today,
        days: day_points(range, &entries, &records, &ctx.config.rhythm),
        limit: ctx.config.rhythm.daily_limit,
    };
    match (&args.output, kind) {
        (Some(path), Some(kind)) => {
            let drawn = match kind {
                ImageKind::Svg => draw::svg(&data, ctx.lang).map(String::into_bytes),
                ImageKind::Png => draw::png(&data, ctx.lang),
            };
            let bytes = drawn.map_err(|_| {
                Failure::failed(Problem::CannotWrite {
                    path: path.display().to_string(),
                    reason: SystemReason::NotDrawn,
                })
            })?;
            write_file(ctx, path, &bytes)
        }
        _ => {
            let width = terminal_width();
            print(&chart::render(&data, ctx.lang, width, ctx.color))
        }
    }
}

pub fn card(ctx: &Context, args: &CardArgs) -> Result<(), Failure> {
    image_kind(ctx, &args.output, &[ImageKind::Png], "card")?;
    let episode = build(ctx, month_of(ctx, args.month.as_deref(), "card")?)?;
    let png = card::render(&episode, ctx.lang, args.private);
    write_file(ctx, &args.output, &png)
}

/// The columns a terminal chart may use: the terminal's, or 80 when piped.
fn terminal_width() -> u16 {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        if let Ok((w, _)) = crossterm::terminal::size() {
            return w.clamp(40, 200);
        }
    }
    80
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ImageKind {
    Svg,
    Png,
}

impl ImageKind {
    fn extension(self) -> &'static str {
        match self {
            ImageKind::Svg => "svg",
            ImageKind::Png => "png",
        }
    }
}

/// What to draw, from the file's extension (in any case).
fn image_kind(
    ctx: &Context,
    path: &Path,
    accepted: &[ImageKind],
    command: &'static str,
) -> Result<ImageKind, Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    accepted
        .iter()
        .copied()
        .find(|k| ext.as_deref() == Some(k.extension()))
        .ok_or_else(|| {
            let accepted = if accepted.len() == 1 {
                ".png"
            } else {
                ".svg or .png"
            };
            Failure::bad_input(Problem::Usage {
                text: EpisodeText::UnknownImage {
                    path: path.display().to_string(),
                    accepted,
                }
                .render(ctx.lang),
                command,
            })
        })
}

/// Writes the whole file or nothing, then says where it went.
fn write_file(ctx: &Context, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::home::folder_must_exist(path)?;
    write_atomically(path, bytes).map_err(|e| {
        Failure::failed(Problem::CannotWrite {
            path: path.display().to_string(),
            reason: SystemReason::of_io(&e),
        })
    })?;
    print(&format!(
        "{}\n",
        EpisodeText::Drawn(path.display().to_string()).render(ctx.lang)
    ))
}
