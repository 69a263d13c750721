//! The command line, parsed by clap. Help texts come from the catalogue in
//! core, so `--help` speaks the same language as everything else.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::cli_help::help;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use iyashi_core::Lang;

use crate::help_words::{self, Reader};

#[derive(Debug, Parser)]
#[command(name = "iyashi", version, propagate_version = true)]
pub struct Cli {
    #[arg(long, global = true, value_name = "en|ja", value_parser = ["en", "ja"])]
    pub lang: Option<String>,

    #[command(flatten)]
    pub look: LookFlags,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the room looks, for this run: each flag overrides `[room]` in config.toml.
#[derive(Debug, Args)]
pub struct LookFlags {
    #[arg(long, global = true)]
    pub no_motion: bool,
    #[arg(long, global = true)]
    pub large_text: bool,
    #[arg(long, global = true)]
    pub high_contrast: bool,
    #[arg(long, global = true)]
    pub no_color: bool,
}

impl LookFlags {
    pub fn apply(&self, room: &mut iyashi_core::config::RoomSettings) {
        room.motion &= !self.no_motion;
        room.large_text |= self.large_text;
        room.high_contrast |= self.high_contrast;
        room.color &= !self.no_color;
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Joy(TextArgs),
    Mood(MoodArgs),
    Note(TextArgs),
    Log(LogArgs),
    Search(SearchArgs),
    Today(JsonFlag),
    Undo,
    Export(ExportArgs),
    Import(ImportArgs),
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    Work {
        #[command(subcommand)]
        action: WorkAction,
    },
    Break(BreakArgs),
    Week(JsonFlag),
    Quiet(QuietArgs),
    Why(JsonFlag),
    Season(SeasonArgs),
    Web(WebArgs),
    Watch(WatchArgs),
    /// Started by `watch` when a break begins; not one for people to type.
    #[cfg(all(target_os = "linux", feature = "screen"))]
    #[command(hide = true)]
    BreakScreen(BreakScreenArgs),
    /// Started from the tray's "Write a small joy".
    #[cfg(all(target_os = "linux", feature = "screen"))]
    #[command(hide = true)]
    JoyWindow(JoyWindowArgs),
    /// Goro on the desktop, in a small window of his own.
    #[cfg(all(target_os = "linux", feature = "screen"))]
    Desk(DeskArgs),
    Episode(crate::episode::EpisodeArgs),
    Plot(crate::episode::PlotArgs),
    Card(crate::episode::CardArgs),
    Letters(crate::letters::LettersArgs),
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
}

/// Which break the screen shows.
#[cfg(all(target_os = "linux", feature = "screen"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BreakKindArg {
    Micro,
    Rest,
}

/// `iyashi break-screen`'s options (help texts come from the catalogue).
#[cfg(all(target_os = "linux", feature = "screen"))]
#[derive(Debug, Args)]
pub struct BreakScreenArgs {
    #[arg(long, value_enum, default_value = "rest")]
    pub kind: BreakKindArg,
    #[arg(long, value_name = "ID")]
    pub activity: Option<String>,
    #[arg(long, value_name = "SECONDS")]
    pub seconds: Option<u32>,
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub postponed: u8,
    #[arg(long)]
    pub fullscreen: bool,
    #[arg(long, hide = true)]
    pub report_first_frame: bool,
}

/// `iyashi joy-window`'s options.
#[cfg(all(target_os = "linux", feature = "screen"))]
#[derive(Debug, Args)]
pub struct JoyWindowArgs {
    #[arg(long, hide = true)]
    pub report_first_frame: bool,
}

/// `iyashi desk`'s options.
#[cfg(all(target_os = "linux", feature = "screen"))]
#[derive(Debug, Args)]
pub struct DeskArgs {
    #[arg(long, hide = true)]
    pub report_first_frame: bool,
}

#[derive(Debug, Args)]
pub struct SeasonArgs {
    #[arg(value_name = "DATE", conflicts_with = "year")]
    pub date: Option<String>,
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum WorkAction {
    Start,
    Stop,
}

#[derive(Debug, Args)]
pub struct QuietArgs {
    #[arg(value_name = "30m|1h|2h|today|off")]
    pub span: String,
}

#[derive(Debug, Args)]
pub struct BreakArgs {
    #[arg(value_name = "now", value_parser = ["now"])]
    pub now: Option<String>,
    #[arg(long)]
    pub micro: bool,
}

/// Text for an entry, as one or more words (`iyashi joy warm tea` and
/// `iyashi joy "warm tea"` are the same), or `-` for standard input.
/// `OsString`, so text that is not UTF-8 gets iyashi's own error, not clap's.
#[derive(Debug, Args)]
pub struct TextArgs {
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<OsString>,
}

#[derive(Debug, Args)]
pub struct MoodArgs {
    pub mood: OsString,
    #[arg(num_args = 0..)]
    pub text: Vec<OsString>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(long, value_name = "DATE", group = "span")]
    pub day: Option<OsString>,
    #[arg(long, group = "span")]
    pub week: bool,
    #[arg(long, group = "span")]
    pub month: bool,
    #[arg(long, value_name = "TAG", conflicts_with = "span")]
    pub tag: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[arg(required = true, num_args = 1..)]
    pub words: Vec<OsString>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    Path,
    Show,
}

/// The clap command with every help text taken from the catalogue in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    dressed(lang, Reader::Person)
}

/// The same for a shell's completions or the manual page, which list every
/// option under every command.
pub fn command_for(lang: Lang, reader: Reader) -> clap::Command {
    dressed(lang, reader)
}

fn dressed(lang: Lang, reader: Reader) -> clap::Command {
    help_words::dress(localize(Cli::command(), lang, ""), lang, reader)
}

fn localize(mut cmd: clap::Command, lang: Lang, key: &str) -> clap::Command {
    if let Some(about) = help(lang, key) {
        cmd = cmd.about(about);
    }
    let arg_ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in arg_ids {
        let arg_key = if key.is_empty() {
            id.clone()
        } else {
            format!("{key}.{id}")
        };
        if let Some(text) = help(lang, &arg_key) {
            cmd = cmd.mut_arg(id, |a| a.help(text));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_key = if key.is_empty() {
            name.clone()
        } else {
            format!("{key}.{name}")
        };
        cmd = cmd.mut_subcommand(name, |s| localize(s, lang, &sub_key));
    }
    cmd
}

/// The `--lang` on the command line, looked for before clap runs so that its
/// help and errors can already be in that language.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        match arg {
            Some("--") => return None,
            Some("--lang") => return iter.next().flatten().and_then(|v| v.parse().ok()),
            Some(a) if a.starts_with("--lang=") => return a["--lang=".len()..].parse().ok(),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(prefix: &str, name: &str) -> String {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        }
    }

    fn keys(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") {
                out.push(join(prefix, id));
            }
        }
        for sub in cmd.get_subcommands() {
            let key = join(prefix, sub.get_name());
            out.push(key.clone());
            keys(sub, &key, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        Cli::command().debug_assert();
        let mut all = vec![String::new()];
        keys(&Cli::command(), "", &mut all);
        for key in all {
            for lang in [Lang::En, Lang::Ja] {
                assert!(help(lang, &key).is_some(), "no {lang} help for {key:?}");
            }
        }
    }

    #[test]
    fn the_language_flag_is_found_before_parsing() {
        let args = |s: &[&str]| s.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["iyashi", "joy", "--lang", "ja"])),
            Some(Lang::Ja)
        );
        assert_eq!(
            lang_flag(&args(&["iyashi", "--lang=en", "log"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_flag(&args(&["iyashi", "joy", "--", "--lang", "ja"])),
            None
        );
    }
}

/// `iyashi web [--port N] [--open]`.
#[derive(Debug, Args)]
pub struct WebArgs {
    /// 0 lets the system choose a free port (the link shows which).
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    #[arg(long)]
    pub open: bool,
}

/// `iyashi watch`'s options (help texts come from the catalogue).
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[arg(long, value_enum)]
    pub source: Option<SourceArg>,
    #[arg(long)]
    pub install: bool,
    #[arg(long)]
    pub no_tray: bool,
}

/// The activity sources a person can ask `watch` for by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    Wayland,
    X11,
    Logind,
    Manual,
}
