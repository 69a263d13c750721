//! `iyashi`: a quiet companion for tired days.
//!
//! This binary is glue: it parses the command line, finds the home directory
//! and config, opens the store, calls core, and prints. Every text a person
//! reads comes from the catalogue in `iyashi-core`.

mod arg_mistake;
#[cfg_attr(not(all(target_os = "linux", feature = "screen")), allow(dead_code))]
mod canvas;
mod cli;
mod cli_help;
mod commands;
#[cfg_attr(not(all(target_os = "linux", feature = "screen")), allow(dead_code))]
#[cfg(all(target_os = "linux", feature = "screen"))]
mod desk;
mod episode;
mod help_words;
mod input;
#[cfg(all(target_os = "linux", feature = "screen"))]
mod joy_window;
mod letters;
mod opener;
mod output;
mod privacy;
mod room;
// Without a window to show them in, the break screen's frames are drawn
// only by their tests.
#[cfg_attr(not(all(target_os = "linux", feature = "screen")), allow(dead_code))]
mod screen;
mod watch;
mod web;

// The application layer, under the names the faces have always used.
use iyashi_app::{context, failure, home};

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::FromArgMatches;
use iyashi_core::catalogue::keeping::KeepingNote;
use iyashi_core::catalogue::{Message, Problem};
use iyashi_core::Lang;

use cli::{Cli, Command, ConfigAction, JsonFlag};
use commands::{config, journal, log, quiet, rhythm, season, transfer};
use context::Context;
use failure::Failure;
use home::Home;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language for anything said before the config is read.
    let early_lang = cli::lang_flag(&args).unwrap_or_else(context::locale_lang);
    output::ending(run(args, early_lang))
}

fn run(args: Vec<OsString>, early_lang: Lang) -> Result<(), (Failure, Lang)> {
    let fail_early = |f: Failure| (f, early_lang);
    let cmd = cli::command(early_lang);
    let matches = match cmd.clone().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return usage(e, &cmd, &args).map_err(fail_early),
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| fail_early(mistake(&e, &cmd, &args)))?;
    let lang_flag = cli.lang.as_deref().and_then(|l| l.parse().ok());

    let home = Home::locate().map_err(fail_early)?;
    let opened_up = match &cli.command {
        Some(Command::Completions { .. } | Command::Man) => false,
        _ => privacy::make_private(&home.dir),
    };
    let say_closed = |lang| {
        if opened_up {
            let dir = home.dir.display().to_string();
            notice(&KeepingNote::MadePrivate { dir }.render(lang));
        }
    };
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut cmd = cli::command_for(early_lang, help_words::Reader::Completion);
            // Made whole first, then printed as every command prints: the
            // generator itself would panic on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "iyashi", &mut script);
            return commands::print_bytes(&script).map_err(fail_early);
        }
        Some(Command::Man) => {
            let page =
                clap_mangen::Man::new(cli::command_for(early_lang, help_words::Reader::Completion));
            let mut text = Vec::new();
            page.render(&mut text)
                .map_err(|e| fail_early(Failure::output(e)))?;
            return commands::print_bytes(&text).map_err(fail_early);
        }
        Some(Command::Config {
            action: ConfigAction::Path,
        }) => {
            say_closed(early_lang);
            home.ensure_config();
            return config::path(&home).map_err(fail_early);
        }
        _ => {}
    }

    home.ensure_config();
    let mut config = home.load_config().map_err(fail_early)?;
    cli.look.apply(&mut config.room);
    let lang = lang_flag.or(config.language).unwrap_or(early_lang);
    say_closed(lang);
    let ctx = Context::new(home.clone(), config, lang_flag).map_err(fail_early)?;
    dispatch(&ctx, cli.command).map_err(|f| (f, ctx.lang))?;
    if context::opened_read_only() {
        let path = home.database().display().to_string();
        notice(&KeepingNote::ReadingOnly { path }.render(ctx.lang));
    }
    Ok(())
}

/// A calm word on standard error, beside what the command printed.
fn notice(text: &str) {
    output::tell("iyashi", text);
}

fn dispatch(ctx: &Context, command: Option<Command>) -> Result<(), Failure> {
    match command {
        // A person at a terminal gets the room; a script or a pipe, the summary.
        None if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() => room::run(ctx),
        None => log::today(ctx, &JsonFlag { json: false }),
        Some(Command::Joy(args)) => journal::joy(ctx, &args),
        Some(Command::Mood(args)) => journal::mood(ctx, &args),
        Some(Command::Note(args)) => journal::note(ctx, &args),
        Some(Command::Undo) => journal::undo(ctx),
        Some(Command::Log(args)) => log::log(ctx, &args),
        Some(Command::Search(args)) => log::search(ctx, &args),
        Some(Command::Today(args)) => log::today(ctx, &args),
        Some(Command::Work { action }) => rhythm::work(ctx, &action),
        Some(Command::Break(args)) => rhythm::rest(ctx, &args),
        Some(Command::Week(args)) => rhythm::week(ctx, &args),
        Some(Command::Quiet(args)) => quiet::quiet(ctx, &args),
        Some(Command::Why(args)) => quiet::why(ctx, &args),
        Some(Command::Season(args)) => season::season(ctx, &args),
        Some(Command::Web(args)) => web::run(ctx, args.port, args.open),
        Some(Command::Watch(args)) => {
            let source = args.source.map(|s| match s {
                cli::SourceArg::Wayland => watch::SourceChoice::Wayland,
                cli::SourceArg::X11 => watch::SourceChoice::X11,
                cli::SourceArg::Logind => watch::SourceChoice::Logind,
                cli::SourceArg::Manual => watch::SourceChoice::Manual,
            });
            if !args.install {
                watch::program::hand_over(watch::program::Asked {
                    lang: Some(ctx.lang),
                    source,
                    no_tray: args.no_tray,
                });
            }
            watch::run(ctx, source, args.install, args.no_tray)
        }
        #[cfg(all(target_os = "linux", feature = "screen"))]
        Some(Command::BreakScreen(args)) => screen::run(
            ctx,
            &screen::Asked {
                kind: match args.kind {
                    cli::BreakKindArg::Micro => iyashi_core::rhythm::BreakKind::Micro,
                    cli::BreakKindArg::Rest => iyashi_core::rhythm::BreakKind::Rest,
                },
                activity: args.activity,
                seconds: args.seconds,
                postponed: args.postponed,
                fullscreen: args.fullscreen,
                report_first_frame: args.report_first_frame,
            },
        ),
        #[cfg(all(target_os = "linux", feature = "screen"))]
        Some(Command::JoyWindow(args)) => joy_window::run(ctx, args.report_first_frame),
        #[cfg(all(target_os = "linux", feature = "screen"))]
        Some(Command::Desk(args)) => desk::run(ctx, args.report_first_frame),
        Some(Command::Episode(args)) => episode::episode(ctx, &args),
        Some(Command::Plot(args)) => episode::plot(ctx, &args),
        Some(Command::Card(args)) => episode::card(ctx, &args),
        Some(Command::Letters(args)) => letters::run(ctx, &args),
        Some(Command::Export(args)) => transfer::export(ctx, &args),
        Some(Command::Import(args)) => transfer::import(ctx, &args),
        Some(Command::Config {
            action: ConfigAction::Show,
        }) => config::show(ctx),
        Some(Command::Config {
            action: ConfigAction::Path,
        })
        | Some(Command::Completions { .. })
        | Some(Command::Man) => unreachable!("handled before the config is read"),
    }
}

/// Help and version are printed as clap writes them (in the catalogue's
/// words); anything else is a usage mistake, told in one line.
fn usage(e: clap::Error, cmd: &clap::Command, args: &[OsString]) -> Result<(), Failure> {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            e.print().map_err(Failure::output)?;
            Ok(())
        }
        ErrorKind::InvalidUtf8 => Err(Failure::bad_input(Problem::ArgumentNotUtf8)),
        _ => Err(mistake(&e, cmd, args)),
    }
}

fn mistake(e: &clap::Error, cmd: &clap::Command, args: &[OsString]) -> Failure {
    Failure::bad_input(Problem::Arguments(Box::new(arg_mistake::read(
        e, cmd, args,
    ))))
}
