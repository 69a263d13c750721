//! The words of the command line around iyashi's own help texts: the
//! headings and built-in flags of `--help`, and every way a command line can
//! be mistyped, each told in one line that keeps the argument it names.
//!
//! The binary hands clap these words, so `--lang ja --help` and a mistyped
//! argument read in Japanese from the first word to the last.

use super::wanted::Wanted;
use super::words::{or_list, spaced};
use super::Message;
use crate::Lang;

/// A word of `--help` that is not any one command's own help text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpWord {
    /// Before the usage line.
    Usage,
    /// The heading of the list of commands.
    Commands,
    /// The heading of a command's positional arguments.
    Arguments,
    /// The heading of a command's own options.
    Options,
    /// The heading of the options every command takes.
    GlobalOptions,
    /// The usage line's placeholder for options.
    OptionsPlaceholder,
    /// The usage line's placeholder for a command.
    CommandPlaceholder,
    /// `-h, --help`.
    PrintHelp,
    /// `-V, --version`.
    PrintVersion,
    /// The `help` command.
    HelpCommand,
    /// The `help` command's argument.
    HelpCommandArgument,
}

impl Message for HelpWord {
    fn render(&self, lang: Lang) -> String {
        use HelpWord::*;
        let (en, ja) = match self {
            Usage => ("Usage:", "使い方:"),
            Commands => ("Commands", "コマンド"),
            Arguments => ("Arguments", "引数"),
            Options => ("Options", "オプション"),
            GlobalOptions => (
                "Options for every command",
                "どのコマンドにも使えるオプション",
            ),
            OptionsPlaceholder => ("[OPTIONS]", "[オプション]"),
            CommandPlaceholder => ("COMMAND", "コマンド"),
            PrintHelp => ("Show this help", "このヘルプを表示"),
            PrintVersion => ("Show the version", "バージョンを表示"),
            HelpCommand => (
                "Show the help of iyashi or of one of its commands",
                "iyashi や各コマンドのヘルプを表示",
            ),
            HelpCommandArgument => ("The command to explain", "説明を見たいコマンド"),
        };
        lang.pick(en, ja).to_string()
    }
}

/// Under a command's own help: the options every command takes work here
/// too. The flags are the command line's own, as written (`--lang`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalOptionsToo(pub Vec<String>);

impl Message for GlobalOptionsToo {
    fn render(&self, lang: Lang) -> String {
        let flags = &self.0;
        match lang {
            Lang::En => format!(
                "{} work here too (see iyashi --help).",
                super::words::and_list(lang, flags)
            ),
            Lang::Ja => format!(
                "{} はここでも使えます（説明は iyashi --help）。",
                flags.join("・")
            ),
        }
    }
}

/// A command line iyashi could not follow. Arguments are kept as they were
/// written (`--day <DATE>`, `<MOOD>`), so the person sees which one is meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgProblem {
    /// A command that does not exist, with a close one if there is one.
    UnknownCommand {
        /// The command as typed.
        given: String,
        /// An existing command with a similar name.
        suggestion: Option<String>,
    },
    /// An argument this command does not take.
    UnknownArgument {
        /// The argument as typed.
        given: String,
        /// A flag with a similar name.
        suggestion: Option<String>,
        /// It looks like a flag but may have been meant as text.
        could_be_text: bool,
    },
    /// A value outside a fixed set of choices.
    NotAChoice {
        /// The argument, as its help names it.
        arg: String,
        /// The value as typed.
        given: String,
        /// The values it takes.
        choices: Vec<String>,
    },
    /// An option written without its value.
    NeedsValue {
        /// The argument, as its help names it.
        arg: String,
    },
    /// A value that cannot be read as what the argument takes (a number, say).
    BadValue {
        /// The argument, as its help names it.
        arg: String,
        /// The value as typed.
        given: String,
    },
    /// The words or id a command is for, left out: said with an example.
    Wants(Wanted),
    /// Arguments the command cannot do without.
    Missing {
        /// The missing arguments, as their help names them.
        args: Vec<String>,
    },
    /// A command that needs one of its own commands after it.
    NeedsCommand {
        /// The command, as typed so far.
        command: String,
        /// The commands that may follow it.
        choices: Vec<String>,
    },
    /// Two arguments that exclude each other.
    Conflict {
        /// The argument given.
        arg: String,
        /// The argument it excludes, when clap names it.
        other: Option<String>,
    },
    /// The same argument given twice.
    Repeated {
        /// The argument given twice.
        arg: String,
    },
    /// A value after the last one an argument takes.
    ExtraValue {
        /// The argument.
        arg: String,
        /// The value one too many.
        given: String,
    },
    /// The wrong number of values for an argument.
    ValueCount {
        /// The argument.
        arg: String,
        /// How many values it takes.
        expected: usize,
        /// How many were given.
        given: usize,
    },
    /// An option whose value must follow an equals sign.
    NeedsEquals {
        /// The argument.
        arg: String,
    },
    /// Anything the parser could not say more precisely.
    NotUnderstood,
}

impl ArgProblem {
    fn sentence(&self, lang: Lang) -> String {
        use ArgProblem::*;
        match (self, lang) {
            (
                UnknownCommand {
                    given,
                    suggestion: Some(s),
                },
                Lang::En,
            ) => {
                format!("There is no command “{given}”; did you mean “{s}”?")
            }
            (
                UnknownCommand {
                    given,
                    suggestion: Some(s),
                },
                Lang::Ja,
            ) => {
                format!("「{given}」というコマンドはありません。「{s}」のことですか？")
            }
            (
                UnknownCommand {
                    given,
                    suggestion: None,
                },
                Lang::En,
            ) => {
                format!("There is no command “{given}”.")
            }
            (
                UnknownCommand {
                    given,
                    suggestion: None,
                },
                Lang::Ja,
            ) => {
                format!("「{given}」というコマンドはありません。")
            }
            (
                UnknownArgument {
                    given,
                    suggestion,
                    could_be_text,
                },
                Lang::En,
            ) => {
                let mut s = format!("“{given}” is not something this command takes.");
                if let Some(flag) = suggestion {
                    s += &format!(" Did you mean {flag}?");
                } else if *could_be_text {
                    s += &format!(" To write it as text, put -- before it: -- {given}");
                }
                s
            }
            (
                UnknownArgument {
                    given,
                    suggestion,
                    could_be_text,
                },
                Lang::Ja,
            ) => {
                let mut s = format!("このコマンドに「{given}」は使えません。");
                if let Some(flag) = suggestion {
                    s += &format!("{flag} のことですか？");
                } else if *could_be_text {
                    s += &format!("文字として書くなら、前に -- を置いてください（-- {given}）。");
                }
                s
            }
            (
                NotAChoice {
                    arg,
                    given,
                    choices,
                },
                Lang::En,
            ) => format!(
                "“{given}” is not one of the choices for {arg}: use {}.",
                or_list(lang, choices)
            ),
            (
                NotAChoice {
                    arg,
                    given,
                    choices,
                },
                Lang::Ja,
            ) => format!(
                "{arg} に「{given}」は使えません。{}にしてください。",
                spaced(or_list(lang, choices))
            ),
            (NeedsValue { arg }, Lang::En) => format!("{arg} needs a value after it."),
            (NeedsValue { arg }, Lang::Ja) => format!("{arg} のあとに値を書いてください。"),
            (BadValue { arg, given }, Lang::En) => {
                format!("“{given}” cannot be read as a value for {arg}.")
            }
            (BadValue { arg, given }, Lang::Ja) => {
                format!("「{given}」は {arg} の値として読めません。")
            }
            (Wants(wanted), _) => wanted.sentence(lang).to_string(),
            (Missing { args }, Lang::En) => format!("Please add {}.", and_list(lang, args)),
            (Missing { args }, Lang::Ja) => format!("{} も書いてください。", and_list(lang, args)),
            (NeedsCommand { command, choices }, Lang::En) => format!(
                "{command} needs one more word after it: {}.",
                or_list(lang, choices)
            ),
            (NeedsCommand { command, choices }, Lang::Ja) => format!(
                "{command} のあとに{}を続けてください。",
                spaced(format!(" {}", or_list(lang, choices)))
            ),
            (
                Conflict {
                    arg,
                    other: Some(other),
                },
                Lang::En,
            ) => {
                format!("{arg} and {other} cannot be used together; choose one.")
            }
            (
                Conflict {
                    arg,
                    other: Some(other),
                },
                Lang::Ja,
            ) => {
                format!("{arg} と {other} はいっしょに使えません。どちらかにしてください。")
            }
            (Conflict { arg, other: None }, Lang::En) => {
                format!("{arg} cannot be used with the other arguments given.")
            }
            (Conflict { arg, other: None }, Lang::Ja) => {
                format!("{arg} はほかの引数といっしょには使えません。")
            }
            (Repeated { arg }, Lang::En) => {
                format!("{arg} is given more than once; once is enough.")
            }
            (Repeated { arg }, Lang::Ja) => format!("{arg} が2回以上あります。1回で十分です。"),
            (ExtraValue { arg, given }, Lang::En) => {
                format!("{arg} takes no more values; “{given}” is one too many.")
            }
            (ExtraValue { arg, given }, Lang::Ja) => {
                format!("{arg} にはこれ以上書けません（「{given}」が余分です）。")
            }
            (
                ValueCount {
                    arg,
                    expected,
                    given,
                },
                Lang::En,
            ) => format!(
                "{arg} takes {expected} {}; {given} {} given.",
                if *expected == 1 { "value" } else { "values" },
                if *given == 1 { "was" } else { "were" }
            ),
            (
                ValueCount {
                    arg,
                    expected,
                    given,
                },
                Lang::Ja,
            ) => {
                format!("{arg} には値を{expected}個書いてください（{given}個ありました）。")
            }
            (NeedsEquals { arg }, Lang::En) => {
                format!("{arg} takes its value after an equals sign: {arg}=…")
            }
            (NeedsEquals { arg }, Lang::Ja) => {
                format!("{arg} の値は = のあとに書いてください（{arg}=…）。")
            }
            (NotUnderstood, Lang::En) => "These arguments could not be understood.".into(),
            (NotUnderstood, Lang::Ja) => "引数を読み取れませんでした。".into(),
        }
    }
}

/// Arguments as "<ID> and <TEXT>" / 「<ID> と <TEXT>」, without clap's "..."
/// for "one or more", which would run into the full stop.
fn and_list(lang: Lang, args: &[String]) -> String {
    let names: Vec<&str> = args.iter().map(|a| a.trim_end_matches("...")).collect();
    match (lang, names.as_slice()) {
        (Lang::En, [init @ .., last]) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        (Lang::Ja, _) => names.join(" と "),
        _ => names.join(" "),
    }
}

/// An [`ArgProblem`] with the command whose help explains it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgMistake {
    /// What went wrong.
    pub problem: ArgProblem,
    /// The command as far as it was understood: `iyashi log`.
    pub command: String,
}

impl Message for ArgMistake {
    fn render(&self, lang: Lang) -> String {
        let sentence = self.problem.sentence(lang);
        let command = &self.command;
        lang.pick(
            format!("{sentence} (see {command} --help)"),
            format!("{sentence}（使い方: {command} --help）"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_global_options_are_listed_as_a_sentence() {
        let flags = ["--lang", "--no-motion", "--no-color"]
            .map(String::from)
            .to_vec();
        let too = GlobalOptionsToo(flags);
        assert_eq!(
            too.render(Lang::En),
            "--lang, --no-motion and --no-color work here too (see iyashi --help)."
        );
        assert_eq!(
            too.render(Lang::Ja),
            "--lang・--no-motion・--no-color はここでも使えます（説明は iyashi --help）。"
        );
    }

    #[test]
    fn choices_read_as_a_list_in_both_languages() {
        let choices = vec!["en".to_string(), "ja".to_string()];
        let problem = ArgMistake {
            problem: ArgProblem::NotAChoice {
                arg: "--lang <en|ja>".into(),
                given: "fr".into(),
                choices,
            },
            command: "iyashi".into(),
        };
        assert_eq!(
            problem.render(Lang::En),
            "“fr” is not one of the choices for --lang <en|ja>: use en or ja. (see iyashi --help)"
        );
        assert_eq!(
            problem.render(Lang::Ja),
            "--lang <en|ja> に「fr」は使えません。en か ja にしてください。（使い方: iyashi --help）"
        );
    }
}
