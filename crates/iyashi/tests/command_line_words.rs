//! The command line's own words in both languages: `--help` pages and every
//! kind of argument mistake, as the person at the terminal reads them.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

mod common;

use common::Home;

/// What `iyashi ARGS…` prints, from both streams: help goes to standard
/// output, a mistake to standard error.
fn said(home: &Home, args: &[&str]) -> String {
    let out = home.run(args);
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

#[test]
fn help_pages_in_english() {
    let home = Home::new();
    insta::assert_snapshot!("help_en", said(&home, &["--help"]));
    insta::assert_snapshot!("help_log_en", said(&home, &["log", "--help"]));
}

#[test]
fn help_pages_in_japanese() {
    let home = Home::new();
    insta::assert_snapshot!("help_ja", said(&home, &["--lang", "ja", "--help"]));
    insta::assert_snapshot!(
        "help_log_ja",
        said(&home, &["--lang", "ja", "log", "--help"])
    );
    insta::assert_snapshot!("help_joy_ja", said(&home, &["--lang", "ja", "joy", "-h"]));
    insta::assert_snapshot!(
        "help_work_ja",
        said(&home, &["--lang", "ja", "help", "work"])
    );
}

/// One command line for each kind of mistake clap can report here.
const MISTAKES: &[&[&str]] = &[
    &["mood"],
    &["log", "--day"],
    &["log", "--week", "--month"],
    &["log", "--week", "--week"],
    &["frob"],
    &["log", "--wek"],
    &["today", "extra"],
    &["joy", "-x"],
    &["break", "later"],
    &["export", "--format", "xml"],
    &["season", "--year", "abc"],
    &["web", "--port", "99999"],
    &["work", "--no-color"],
    &["card"],
    &["letters", "reply"],
    &["quiet", "-1h"],
    // Commands that take no words: no "put -- before it", which would only
    // bring the same mistake back.
    &["today", "-x"],
    &["watch", "--bogus"],
];

fn mistakes(home: &Home, lang: &str) -> String {
    let mut out = String::new();
    for args in MISTAKES {
        let run = home.run(&[&["--lang", lang][..], args].concat());
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let line = String::from_utf8(run.stderr).unwrap();
        assert_eq!(line.lines().count(), 1, "{args:?}: {line}");
        out += &format!("{}\n  {line}", args.join(" "));
    }
    out
}

#[test]
fn argument_mistakes_in_english() {
    let home = Home::new();
    insta::assert_snapshot!("mistakes_en", mistakes(&home, "en"));
}

#[test]
fn argument_mistakes_in_japanese_have_no_english_in_them() {
    let home = Home::new();
    let said = mistakes(&home, "ja");
    for clap_english in [
        "required",
        "provided",
        "unexpected",
        "invalid",
        "cannot",
        "argument",
        "subcommand",
        "found",
        "value",
    ] {
        assert!(!said.contains(clap_english), "{clap_english:?} in:\n{said}");
    }
    // Full-width brackets and question marks in Japanese prose; the
    // ASCII ones only in code (`<en|ja>`, `-- -x`).
    assert!(!said.contains(['(', ')', '?']), "{said}");
    insta::assert_snapshot!("mistakes_ja", said);
}

/// One config.toml for each kind of mistake it can hold.
const CONFIGS: &[&str] = &[
    "[room]\nmotion = \n",
    "[room]\nmotion = true\nmotion = false\n",
    "[room]\nsparkles = true\n",
    "[rom]\n",
    "room = 5\n",
    "[room]\nmotion = \"yes\"\n",
    "language = \"fr\"\n",
    "timezone = \"Mars/Olympus\"\n",
    "day_starts_at = 25\n",
    "[rhythm]\npostpone = \"soon\"\n",
    "[rhythm]\nevening_stop = \"7pm\"\n",
    "[rhythm]\nworkdays = [\"mon\", \"funday\"]\n",
    "[rhythm]\nmax_postpones = 50\n",
    "[rhythm]\nmicro_break_length = \"30m\"\n",
    "[rhythm]\ndaily_limit = \"0m\"\n",
    "[rhythm]\ndaily_limit = \"30h\"\n",
    "[rhythm]\nworkdays = [\"mon\", \"mon\"]\n",
    "[letters]\nserver = 5\n",
];

fn config_mistakes(lang: &str) -> String {
    let home = Home::new();
    let mut out = String::new();
    for config in CONFIGS {
        std::fs::write(home.config(), config).unwrap();
        let run = home.run(&["--lang", lang, "today"]);
        assert_eq!(run.status.code(), Some(2), "{config}");
        let line = String::from_utf8(run.stderr).unwrap();
        assert_eq!(line.lines().count(), 1, "{config}: {line}");
        let line = line.replace(home.config().to_str().unwrap(), "config.toml");
        out += &format!("{}\n  {line}", config.trim_end().replace('\n', " ⏎ "));
    }
    out
}

#[test]
fn config_mistakes_in_english() {
    insta::assert_snapshot!("config_mistakes_en", config_mistakes("en"));
}

#[test]
fn config_mistakes_in_japanese_carry_no_parser_english() {
    let said = config_mistakes("ja");
    for parser_english in [
        "invalid",
        "expected",
        "unknown",
        "field",
        "duplicate",
        "failed",
        "must",
        "string",
        "integer",
    ] {
        assert!(
            !said.contains(parser_english),
            "{parser_english:?} in:\n{said}"
        );
    }
    assert!(!said.contains(['(', ')']), "{said}");
    insta::assert_snapshot!("config_mistakes_ja", said);
}

/// Each command that is for a person's words (or a letter's id), called
/// without them.
const WITHOUT_WORDS: &[&[&str]] = &[
    &["joy"],
    &["note"],
    &["mood"],
    &["search"],
    &["letters", "write"],
    &["letters", "reply"],
    &["letters", "reply", "abc123"],
    &["letters", "thank"],
    &["letters", "report"],
    &["quiet"],
    &["import"],
    &["plot"],
    &["card"],
];

/// Called without its words, a command says what to write, with a whole
/// example, in the person's language; not clap's placeholder ("Please add
/// <TEXT>"), which a person would have to decode from the help page.
fn without_words(lang: &str) -> String {
    let home = Home::new();
    home.ok(&["joy", "a first joy"]);
    let mut out = String::new();
    for args in WITHOUT_WORDS {
        let run = home.run(&[&["--lang", lang][..], args].concat());
        let line = common::refused(&run);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(!line.contains('<'), "a placeholder in {line}");
        let command: Vec<&str> = args.iter().copied().filter(|a| *a != "abc123").collect();
        let example = format!("iyashi {}", command.join(" "));
        assert!(
            line.contains(&example),
            "no example of {example:?} in {line}"
        );
        out += &format!("{}\n  {line}\n", args.join(" "));
    }
    assert_eq!(
        home.count(),
        1,
        "nothing is kept from a command without words"
    );
    out
}

#[test]
fn a_command_without_its_words_says_what_to_write_in_english() {
    insta::assert_snapshot!("without_words_en", without_words("en"));
}

#[test]
fn a_command_without_its_words_says_what_to_write_in_japanese() {
    let said = without_words("ja");
    assert!(!said.contains("Write"), "{said}");
    assert!(!said.contains(['(', ')']), "{said}");
    insta::assert_snapshot!("without_words_ja", said);
}

/// The commands a help page lists under its "コマンド:" heading.
fn listed_commands(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| *l != "コマンド:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Japanese prose takes full-width brackets, even around ASCII words
/// (（設定: room.motion）); an ASCII "(" belongs only to code, and there
/// is none in a help page's prose.
#[test]
fn japanese_help_pages_put_full_width_brackets_around_their_asides() {
    let home = Home::new();
    let mut pages = vec![Vec::<String>::new()];
    let mut read = 0;
    while let Some(command) = pages.get(read).cloned() {
        read += 1;
        let args: Vec<&str> = ["--lang", "ja"]
            .into_iter()
            .chain(command.iter().map(String::as_str))
            .chain(["--help"])
            .collect();
        let page = said(&home, &args);
        assert!(
            !page.contains(['(', ')']),
            "ASCII brackets in iyashi {}:\n{page}",
            command.join(" ")
        );
        for sub in listed_commands(&page) {
            pages.push([command.clone(), vec![sub]].concat());
        }
    }
    // Every command's page was read, the nested ones too.
    assert!(pages.len() > 25, "{pages:?}");
    assert!(
        pages.iter().any(|p| p == &["letters", "reply"]),
        "{pages:?}"
    );
}
