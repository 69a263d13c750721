//! Dresses the clap command in the catalogue's words: the headings, the
//! usage line's placeholders, the built-in `--help`, `--version` and `help`,
//! and the global options shown once under their own heading.
//!
//! Clap writes these in English and offers no translation, but each is a
//! setting of the command or of an argument; they are set here, after the
//! command is built, when the built-in arguments and the `help` command exist.

use clap::{Arg, Command};
use iyashi_core::catalogue::command_line::{GlobalOptionsToo, HelpWord};
use iyashi_core::catalogue::Message;
use iyashi_core::Lang;

/// Who the command is for: a person reading `--help`, or a shell's
/// completion script (which must still offer the global options everywhere).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Person,
    Completion,
}

/// `cmd` with every word clap would add in English taken from the catalogue.
pub fn dress(mut cmd: Command, lang: Lang, reader: Reader) -> Command {
    cmd.build();
    // The options every command takes, as the root defines them (clap's own
    // `help` subcommands do not take them, but their help still says so).
    let global_flags: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .filter_map(|a| a.get_long())
        .map(|long| format!("--{long}"))
        .collect();
    dress_built(&mut cmd, lang, reader, &global_flags, true);
    cmd
}

fn dress_built(cmd: &mut Command, lang: Lang, reader: Reader, global_flags: &[String], root: bool) {
    let word = |w: HelpWord| w.render(lang);
    let (global, own) = (word(HelpWord::GlobalOptions), word(HelpWord::Options));
    let positional = word(HelpWord::Arguments);
    let hide_globals = !root && reader == Reader::Person;
    let mut dressed = std::mem::take(cmd)
        .help_template(template(lang))
        .subcommand_help_heading(word(HelpWord::Commands))
        .subcommand_value_name(word(HelpWord::CommandPlaceholder))
        // Only the order of the arguments changes here, never their names,
        // so the parser's index of the built command stays valid.
        .mut_args(|arg| {
            let builtin = match arg.get_id().as_str() {
                "help" => Some(word(HelpWord::PrintHelp)),
                "version" => Some(word(HelpWord::PrintVersion)),
                _ => None,
            };
            let is_global = arg.is_global_set() || (root && builtin.is_some());
            let heading = if is_global && root {
                global.clone()
            } else if arg.is_positional() {
                positional.clone()
            } else {
                own.clone()
            };
            let arg = match builtin {
                Some(text) => arg.help(text),
                None => arg,
            };
            let arg = quiet(arg).help_heading(heading);
            if hide_globals && is_global {
                arg.hide(true)
            } else {
                arg
            }
        });
    if hide_globals {
        dressed = dressed.after_help(GlobalOptionsToo(global_flags.to_vec()).render(lang));
    }
    *cmd = dressed;
    for sub in cmd.get_subcommands_mut() {
        // iyashi has no command of its own called "help": this is clap's.
        if sub.get_name() == "help" {
            *sub = std::mem::take(sub)
                .about(word(HelpWord::HelpCommand))
                .mut_args(|a| a.help(word(HelpWord::HelpCommandArgument)));
        }
        dress_built(sub, lang, reader, global_flags, false);
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace("[OPTIONS]", &word(HelpWord::OptionsPlaceholder));
    *cmd = std::mem::take(cmd).override_usage(usage);
}

/// Clap's own "[possible values: …]" and "[default: …]" are English; every
/// help text in the catalogue says its choices and default itself.
fn quiet(arg: Arg) -> Arg {
    arg.hide_possible_values(true).hide_default_value(true)
}

fn template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        HelpWord::Usage.render(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli;

    /// Every command's `--help`, as a person reads it.
    fn every_help(lang: Lang) -> Vec<(String, String)> {
        fn walk(cmd: &mut Command, path: String, out: &mut Vec<(String, String)>) {
            out.push((path.clone(), cmd.render_help().to_string()));
            for sub in cmd.get_subcommands_mut() {
                let path = format!("{path} {}", sub.get_name());
                walk(sub, path, out);
            }
        }
        let mut out = Vec::new();
        walk(&mut cli::command(lang), "iyashi".into(), &mut out);
        out
    }

    #[test]
    fn no_help_page_has_clap_english_in_japanese() {
        let clap_words = [
            "Usage",
            "Commands",
            "Options",
            "Arguments",
            "Print help",
            "Print version",
            "Print this message",
            "OPTIONS",
            "COMMAND",
            "possible values",
            "default:",
            "aliases",
        ];
        for (path, help) in every_help(Lang::Ja) {
            for word in clap_words {
                assert!(!help.contains(word), "{path} --help says {word:?}:\n{help}");
            }
        }
    }

    const GLOBAL_FLAGS: [&str; 5] = [
        "--lang",
        "--no-motion",
        "--large-text",
        "--high-contrast",
        "--no-color",
    ];

    #[test]
    fn the_global_options_are_shown_once_under_their_own_heading() {
        let flags: Vec<String> = GLOBAL_FLAGS.iter().map(|f| f.to_string()).collect();
        for lang in [Lang::En, Lang::Ja] {
            let heading = format!("{}:", HelpWord::GlobalOptions.render(lang));
            for (path, help) in every_help(lang) {
                let listed = help.matches("--no-motion ").count();
                if path == "iyashi" {
                    assert_eq!(listed, 1, "{help}");
                    let under = help.split(&heading).nth(1).unwrap_or_default();
                    for flag in GLOBAL_FLAGS {
                        assert!(under.contains(flag), "{flag} not under {heading}:\n{help}");
                    }
                } else {
                    assert_eq!(listed, 0, "{path} lists the global options again:\n{help}");
                    assert!(
                        help.contains(&GlobalOptionsToo(flags.clone()).render(lang)),
                        "{help}"
                    );
                }
            }
        }
    }

    #[test]
    fn completions_still_offer_the_global_options_under_every_command() {
        let cmd = cli::command_for(Lang::En, Reader::Completion);
        let joy = cmd.find_subcommand("joy").unwrap();
        let lang = joy.get_arguments().find(|a| a.get_id() == "lang").unwrap();
        assert!(!lang.is_hide_set());
    }
}
