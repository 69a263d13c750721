//! Clap's argument errors, turned into the catalogue's sentences.
//!
//! Clap says what went wrong in English; what it knows (which argument, which
//! value, which choices) it also keeps as context. Each kind of error it can
//! raise is read from that context here, so the person reads it in their
//! language with the argument named as they wrote it.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use iyashi_core::catalogue::command_line::{ArgMistake, ArgProblem};
use iyashi_core::catalogue::wanted::Wanted;

/// The mistake in `e`, raised while parsing `args` against `cmd`.
pub fn read(e: &clap::Error, cmd: &clap::Command, args: &[OsString]) -> ArgMistake {
    ArgMistake {
        problem: problem(e, cmd, args),
        command: commands(cmd, args)
            .iter()
            .map(|c| c.get_name())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn problem(e: &clap::Error, cmd: &clap::Command, args: &[OsString]) -> ArgProblem {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let texts = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match e.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).ok(),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidSubcommand => match text(ContextKind::InvalidSubcommand) {
            Some(given) => ArgProblem::UnknownCommand {
                given,
                suggestion: texts(ContextKind::SuggestedSubcommand).into_iter().next(),
            },
            None => ArgProblem::NotUnderstood,
        },
        ErrorKind::UnknownArgument => match arg.map(|given| as_typed(given, args)) {
            Some(given) => ArgProblem::UnknownArgument {
                // `--` helps only where words are taken: elsewhere (`today
                // -x`) the same mistake would come back after it.
                could_be_text: given.starts_with('-')
                    && commands(cmd, args)
                        .last()
                        .is_some_and(|c| c.get_positionals().next().is_some()),
                given,
                suggestion: text(ContextKind::SuggestedArg),
            },
            None => ArgProblem::NotUnderstood,
        },
        ErrorKind::InvalidValue => match (arg, value) {
            (Some(arg), Some(given)) if given.is_empty() => ArgProblem::NeedsValue { arg },
            (Some(arg), Some(given)) => {
                let choices = texts(ContextKind::ValidValue);
                if choices.is_empty() {
                    ArgProblem::BadValue { arg, given }
                } else {
                    ArgProblem::NotAChoice {
                        arg,
                        given,
                        choices,
                    }
                }
            }
            _ => ArgProblem::NotUnderstood,
        },
        ErrorKind::ValueValidation => match (arg, value) {
            (Some(arg), Some(given)) => ArgProblem::BadValue { arg, given },
            _ => ArgProblem::NotUnderstood,
        },
        ErrorKind::MissingRequiredArgument => {
            let missing = texts(ContextKind::InvalidArg);
            let path: Vec<&str> = commands(cmd, args)
                .iter()
                .skip(1)
                .map(|c| c.get_name())
                .collect();
            if let Some(wanted) = wanted(&path, &missing) {
                ArgProblem::Wants(wanted)
            } else if missing.is_empty() {
                ArgProblem::NotUnderstood
            } else {
                ArgProblem::Missing { args: missing }
            }
        }
        ErrorKind::MissingSubcommand => match text(ContextKind::InvalidSubcommand) {
            Some(command) => ArgProblem::NeedsCommand {
                command,
                choices: texts(ContextKind::ValidSubcommand)
                    .into_iter()
                    .filter(|c| c != "help")
                    .collect(),
            },
            None => ArgProblem::NotUnderstood,
        },
        ErrorKind::ArgumentConflict => {
            let prior = match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(s)) => Some(s.clone()),
                Some(ContextValue::Strings(v)) => v.first().cloned(),
                _ => None,
            };
            match (arg.or_else(|| text(ContextKind::InvalidSubcommand)), prior) {
                (Some(arg), Some(other)) if arg == other => ArgProblem::Repeated { arg },
                (Some(arg), other) => ArgProblem::Conflict { arg, other },
                (None, _) => ArgProblem::NotUnderstood,
            }
        }
        ErrorKind::TooManyValues => match (arg, value) {
            (Some(arg), Some(given)) => ArgProblem::ExtraValue { arg, given },
            _ => ArgProblem::NotUnderstood,
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected =
                number(ContextKind::ExpectedNumValues).or(number(ContextKind::MinValues));
            match (arg, expected, number(ContextKind::ActualNumValues)) {
                (Some(arg), Some(expected), Some(given)) => ArgProblem::ValueCount {
                    arg,
                    expected,
                    given,
                },
                _ => ArgProblem::NotUnderstood,
            }
        }
        ErrorKind::NoEquals => match arg {
            Some(arg) => ArgProblem::NeedsEquals { arg },
            None => ArgProblem::NotUnderstood,
        },
        _ => ArgProblem::NotUnderstood,
    }
}

/// The words, id or file that `path` (`["letters", "reply"]`) is for,
/// when those are what is `missing` (as clap names them: `<ID>`,
/// `<TEXT>...`, `--output <FILE>`).
fn wanted(path: &[&str], missing: &[String]) -> Option<Wanted> {
    let only = |prefix: &str| !missing.is_empty() && missing.iter().all(|a| a.starts_with(prefix));
    if only("--output") && path == ["card"] {
        return Some(Wanted::CardFile);
    }
    if !only("<") {
        return None;
    }
    Some(match path {
        ["joy"] => Wanted::Joy,
        ["note"] => Wanted::Note,
        ["mood"] => Wanted::Mood,
        ["search"] => Wanted::Search,
        ["letters", "write"] => Wanted::Letter,
        ["letters", "reply"] if missing.iter().any(|a| a == "<ID>") => Wanted::ReplyIdAndText,
        ["letters", "reply"] => Wanted::ReplyText,
        ["letters", "thank"] => Wanted::ThankId,
        ["letters", "report"] => Wanted::ReportId,
        ["quiet"] => Wanted::QuietSpan,
        ["import"] => Wanted::ImportFile,
        ["plot"] => Wanted::PlotSpan,
        _ => return None,
    })
}

/// The word as the person typed it: clap names only the first unknown
/// letter of a cluster of short flags ("-1" of `quiet -1h`).
fn as_typed(given: String, args: &[OsString]) -> String {
    if given.starts_with("--") || !given.starts_with('-') {
        return given;
    }
    args.iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| a.starts_with(&given) && !a.starts_with("--"))
        .map_or(given, str::to_string)
}

/// The command as far as `args` name its subcommands: `iyashi letters reply`,
/// so the pointer to help lands on the page that explains the mistake.
fn commands<'a>(cmd: &'a clap::Command, args: &[OsString]) -> Vec<&'a clap::Command> {
    let mut path = vec![cmd];
    let mut at = cmd;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = at.find_subcommand(arg) {
            path.push(sub);
            at = sub;
        }
    }
    path
}
